import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { consoleState } from "@/lib/console/context";
import { withTenant } from "@/lib/db/tenant-db";
import { requestIp } from "@/lib/request-ip";
import { attachmentOf } from "@/lib/requests/admin";
import { attachmentResponse } from "@/lib/requests/attachments";
import { normalizeReference } from "@/lib/requests/reference";

/** An attachment of one of the active tenant's requests, for staff who may see requests. */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string; id: string }> }) {
  const state = await consoleState();
  if (!state?.active) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!can(state.active.role, "requests.view")) return new Response(null, { status: 404 });
  const { reference: raw, id } = await params;
  const reference = normalizeReference(raw);
  const tenantId = state.active.tenant.id;
  const found = reference ? await attachmentOf(tenantId, reference, id) : null;
  if (!found) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  // The archive holds the person's data: the download shows in their portal's log of staff access.
  await withTenant(tenantId, async (tx) =>
    recordAudit(tx, tenantId, {
      actorType: "user",
      actorId: state.user.id,
      actorLabel: state.user.email,
      action: "request.attachment_downloaded",
      targetType: "RequestAttachment",
      targetId: found.attachment.id,
      subjectId: found.request.subjectId,
      ip: await requestIp(),
      details: { reference: found.request.reference },
    }),
  );
  return attachmentResponse(found.attachment);
}

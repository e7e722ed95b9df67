import { currentSubject } from "@/lib/portal/session";
import { requesterAttachment, attachmentResponse } from "@/lib/requests/attachments";
import { normalizeReference } from "@/lib/requests/reference";
import { findTenantBySlug } from "@/lib/tenants";

/** An attachment of the signed-in person's own request (the export that answered their access request). */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; reference: string; id: string }> }) {
  const { tenant: slug, reference: raw, id } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) return new Response(null, { status: 404 });
  const subject = await currentSubject(tenant);
  if (!subject) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const reference = normalizeReference(raw);
  const attachment = reference ? await requesterAttachment(tenant, subject.id, reference, id) : null;
  if (!attachment) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  return attachmentResponse(attachment);
}

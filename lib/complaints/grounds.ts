import type { DataRequest, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { tenantCalendar } from "@/lib/requests/deadline";
import { complaintGround, type ComplaintGround } from "./late";

/**
 * The complaint grounds of a list of the person's requests (the portal's request list),
 * judged as the dossier judges them: on the tenant's calendar, and with an extension
 * that came after the original deadline not counting (which needs the moment of the
 * extension from the history).
 */
export async function complaintGrounds(
  tenant: Pick<Tenant, "id" | "country" | "timeZone">,
  requests: readonly DataRequest[],
  now = new Date(),
): Promise<Map<string, ComplaintGround>> {
  const extended = requests.filter((request) => request.extendedDueAt).map((request) => request.id);
  const events = extended.length
    ? await withTenant(tenant.id, (tx) =>
        tx.requestEvent.findMany({
          where: { tenantId: tenant.id, requestId: { in: extended }, kind: "status", toStatus: "EXTENDED" },
          select: { requestId: true, at: true },
          orderBy: [{ at: "asc" }, { id: "asc" }],
        }),
      )
    : [];
  const extendedAt = new Map<string, Date>();
  for (const event of events) if (!extendedAt.has(event.requestId)) extendedAt.set(event.requestId, event.at);
  const calendar = tenantCalendar(tenant);
  const grounds = new Map<string, ComplaintGround>();
  for (const request of requests) {
    const ground = complaintGround({ ...request, extendedAt: extendedAt.get(request.id) ?? null }, calendar, now);
    if (ground) grounds.set(request.id, ground);
  }
  return grounds;
}

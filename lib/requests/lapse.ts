import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { sendLapsedNotice } from "./notify";
import { confirmDays } from "./requests";

/**
 * A request filed without an account counts only once its address is confirmed; the
 * link stops working after confirmDays (lib/requests/requests.ts). Such a request does
 * not expire silently: this job (every 10 minutes, lib/jobs/background.ts) tells the
 * address, once, that the request lapsed without anything being done and how to file it
 * again, and records that (DataRequest.lapsedAt and a "lapsed" event the status link
 * shows). The row stays awaiting confirmation and never counts; a new filing from the
 * address is a request of its own. Reads across tenants, as the reminders do.
 */
export async function notifyLapsedRequests(now = new Date()): Promise<{ told: number }> {
  const cutoff = new Date(now.getTime() - confirmDays * 86_400_000);
  const lapsed = await withPlatform((tx) =>
    tx.dataRequest.findMany({
      where: { status: "AWAITING_CONFIRMATION", lapsedAt: null, updatedAt: { lt: cutoff }, requesterEmail: { not: null } },
      select: { id: true, tenantId: true },
      orderBy: { updatedAt: "asc" },
      take: 500,
    }),
  );
  let told = 0;
  for (const { id, tenantId } of lapsed) {
    const claimed = await withTenant(tenantId, async (tx) => {
      const request = await tx.dataRequest.findFirst({ where: { id, tenantId, status: "AWAITING_CONFIRMATION", lapsedAt: null, updatedAt: { lt: cutoff } } });
      if (!request) return null;
      // updatedAt is kept: it is when the confirmation link was sent, which decides whether it still works.
      const { count } = await tx.dataRequest.updateMany({
        where: { id, tenantId, status: "AWAITING_CONFIRMATION", lapsedAt: null },
        data: { lapsedAt: now, updatedAt: request.updatedAt },
      });
      if (count !== 1) return null;
      await tx.requestEvent.create({ data: { tenantId, requestId: id, kind: "lapsed", actor: "system", at: now } });
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
      return { request, tenant };
    });
    if (!claimed) continue;
    if (await sendLapsedNotice(claimed.tenant, claimed.request)) told++;
  }
  return { told };
}

import type { WebhookDelivery } from "@/generated/prisma/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { checkEndpointUrl } from "./endpoint-url";
import { eventIdHeader, eventTypeHeader, sign, signatureHeader } from "./signature";

/**
 * Sends what lib/webhooks/events.ts put in the outbox. A worker claims due deliveries
 * for a minute at a time; if it dies mid-delivery the claim lapses and another run
 * sends the delivery again, with the same event id, so nothing is lost and a receiver
 * that remembers event ids sees nothing twice. Failed attempts are retried with
 * growing pauses until the event is 24 hours old. This is platform work that crosses
 * tenants: every row it touches is still addressed by its own id and tenant.
 */

export const retryWindowMs = 24 * 60 * 60 * 1000;
const claimMs = Number(process.env.WEBHOOK_CLAIM_MS ?? 60_000);
const timeoutMs = 10_000;

/** Pause before attempt n+1: 30 s, 1, 2, 4 ... minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export async function claimDue(limit = 20, now = new Date()): Promise<WebhookDelivery[]> {
  return withPlatform(async (tx) => {
  const claimed = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "WebhookDelivery" SET "lockedUntil" = ${new Date(now.getTime() + claimMs)}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (claimed.length === 0) return [];
  return tx.webhookDelivery.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: { nextAttemptAt: "asc" } });
  });
}

export async function deliver(delivery: WebhookDelivery): Promise<boolean> {
  const endpoint = await withTenant(delivery.tenantId, (tx) =>
    tx.webhookEndpoint.findFirst({ where: { id: delivery.endpointId, tenantId: delivery.tenantId } }),
  );
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!endpoint || !endpoint.active) {
    error = "endpoint removed or inactive";
  } else {
    const problem = await checkEndpointUrl(endpoint.url);
    if (problem) error = `endpoint refused: ${problem}`;
    else {
      const body = JSON.stringify(delivery.payload);
      try {
        const response = await fetch(endpoint.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            "content-type": "application/json",
            "user-agent": "Inzage-Webhooks/1",
            [signatureHeader]: sign(endpoint.secret, Math.floor(Date.now() / 1000), body),
            [eventIdHeader]: delivery.eventId,
            [eventTypeHeader]: delivery.eventType,
          },
          body,
        });
        statusCode = response.status;
        await response.body?.cancel();
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
  }
  const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const attempts = delivery.attempts + 1;
  const expired = Date.now() + backoffMs(attempts) - delivery.createdAt.getTime() > retryWindowMs;
  await withTenant(delivery.tenantId, async (tx) => {
    await tx.webhookAttempt.create({
      data: { tenantId: delivery.tenantId, deliveryId: delivery.id, statusCode, error, durationMs: Date.now() - started },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id, tenantId: delivery.tenantId },
      data: {
        attempts,
        lastStatusCode: statusCode,
        lastError: succeeded ? null : (error ?? `HTTP ${statusCode}`),
        lockedUntil: null,
        ...(succeeded
          ? { status: "SUCCEEDED", deliveredAt: new Date() }
          : expired
            ? { status: "FAILED" }
            : { nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) }),
      },
    });
  });
  return succeeded;
}

/** One pass: claims and sends what is due. Returns how many were attempted. */
export async function runDueDeliveries(limit = 20): Promise<number> {
  const due = await claimDue(limit);
  for (const delivery of due) await deliver(delivery);
  return due.length;
}

/** Sends a delivery again now (an admin's "resend"), keeping its event id. */
export async function resendDelivery(tenantId: string, deliveryId: string): Promise<boolean> {
  const { count } = await withTenant(tenantId, (tx) =>
    tx.webhookDelivery.updateMany({
      where: { id: deliveryId, tenantId },
      data: { status: "PENDING", nextAttemptAt: new Date(), lockedUntil: null, createdAt: new Date() },
    }),
  );
  return count === 1;
}

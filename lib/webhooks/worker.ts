import { randomUUID } from "node:crypto";
import type { WebhookDelivery } from "@/generated/prisma/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { postJson } from "./send";
import { eventIdHeader, eventTypeHeader, sign, signatureHeader, standardHeaders } from "./signature";

/**
 * Sends what lib/webhooks/events.ts put in the outbox, many at once, so that one
 * tenant's slow receivers cannot hold up another's:
 *
 * - A pool (`DeliveryPool`) keeps up to `poolSize` deliveries in flight per process and
 *   claims more as soon as slots free up; it never waits for a whole batch.
 * - A claim takes at most one delivery per endpoint that has none in flight, and at
 *   most `tenantInFlight` per tenant counting every worker's deliveries, taking the
 *   tenants in turn. Claims are made one at a time (an advisory lock), so two workers
 *   cannot both take a delivery of the same endpoint.
 * - A claim lasts `claimMs`, and the request is aborted before the claim lapses
 *   (at `timeoutMs`, or earlier when the claim is shorter), so a delivery whose claim
 *   lapsed is no longer being sent when another worker takes it over. The result is
 *   written only while the claim is still the worker's own (`claimToken`).
 *
 * If a worker dies mid-delivery its claim lapses and another sends the delivery again
 * with the same event id, so nothing is lost and a receiver that remembers event ids
 * sees nothing twice. Failed attempts are retried with growing pauses until the event
 * is 24 hours old. This is platform work that crosses tenants: every row it touches is
 * still addressed by its own id and tenant.
 */

export const retryWindowMs = 24 * 60 * 60 * 1000;
const claimMs = Number(process.env.WEBHOOK_CLAIM_MS ?? 60_000);
const timeoutMs = 10_000;
/** Time kept between aborting a request and the end of its claim, for writing the result. */
const claimMarginMs = Math.min(5_000, claimMs / 4);
export const poolSize = 16;
export const tenantInFlight = 4;
/** Any bigint, the same in every worker: serialises claims. */
const claimLock = 4_723_001;

/** Pause before attempt n+1: 30 s, 1, 2, 4 ... minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export async function claimDue(limit = poolSize, now = new Date(), perTenant = tenantInFlight): Promise<WebhookDelivery[]> {
  if (limit <= 0) return [];
  const token = randomUUID();
  return withPlatform(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${claimLock}::bigint)`;
    const claimed = await tx.$queryRaw<Array<{ id: string }>>`
      WITH in_flight AS (
        SELECT "tenantId", "endpointId" FROM "WebhookDelivery"
        WHERE status = 'PENDING' AND "lockedUntil" >= ${now}
      ),
      due AS (
        SELECT DISTINCT ON (d."endpointId") d.id, d."tenantId", d."nextAttemptAt"
        FROM "WebhookDelivery" d
        WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now} AND (d."lockedUntil" IS NULL OR d."lockedUntil" < ${now})
          AND NOT EXISTS (SELECT 1 FROM in_flight f WHERE f."endpointId" = d."endpointId")
        ORDER BY d."endpointId", d."nextAttemptAt", d.id
      ),
      turns AS (
        SELECT due.id, due."nextAttemptAt",
          row_number() OVER (PARTITION BY due."tenantId" ORDER BY due."nextAttemptAt", due.id)
            + (SELECT count(*) FROM in_flight f WHERE f."tenantId" = due."tenantId") AS turn
        FROM due
      )
      UPDATE "WebhookDelivery" w SET "lockedUntil" = ${new Date(now.getTime() + claimMs)}, "claimToken" = ${token}
      FROM (SELECT id FROM turns WHERE turn <= ${perTenant} ORDER BY turn, "nextAttemptAt", id LIMIT ${limit}) picked
      WHERE w.id = picked.id
      RETURNING w.id`;
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
    const body = JSON.stringify(delivery.payload);
    const claimLeft = delivery.lockedUntil ? delivery.lockedUntil.getTime() - Date.now() - claimMarginMs : timeoutMs;
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      statusCode = await postJson(
        endpoint.url,
        body,
        {
          "content-type": "application/json",
          "user-agent": "Inzage-Webhooks/1",
          [signatureHeader]: sign(endpoint.secret, timestamp, body),
          [eventIdHeader]: delivery.eventId,
          [eventTypeHeader]: delivery.eventType,
          ...standardHeaders(endpoint.secret, delivery.eventId, timestamp, body),
        },
        AbortSignal.timeout(Math.max(0, Math.min(timeoutMs, claimLeft))),
      );
      if (statusCode >= 300 && statusCode < 400) error = `HTTP ${statusCode}: redirects are not followed`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
  }
  const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const attempts = delivery.attempts + 1;
  const expired = Date.now() + backoffMs(attempts) - delivery.createdAt.getTime() > retryWindowMs;
  await withTenant(delivery.tenantId, async (tx) => {
    await tx.webhookAttempt.create({
      data: { tenantId: delivery.tenantId, deliveryId: delivery.id, statusCode, error, durationMs: Date.now() - started },
    });
    // Only while the claim is still ours: after it lapsed, another worker owns the delivery.
    await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, tenantId: delivery.tenantId, claimToken: delivery.claimToken },
      data: {
        attempts,
        lastStatusCode: statusCode,
        lastError: succeeded ? null : (error ?? `HTTP ${statusCode}`),
        lockedUntil: null,
        claimToken: null,
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

/**
 * Deliveries in flight in one process. `fill` claims as many as there are free slots and
 * starts them without waiting; a finished delivery frees its slot and, when `refill` is
 * on, claims again at once.
 */
export class DeliveryPool {
  private readonly running = new Set<Promise<void>>();
  private filling: Promise<number> | null = null;
  private again = false;

  constructor(private readonly options: { size?: number; perTenant?: number; refill?: boolean } = {}) {}

  get inFlight(): number {
    return this.running.size;
  }

  /** Claims due deliveries for the free slots and starts them. Returns how many it started. */
  fill(): Promise<number> {
    if (this.filling) {
      this.again = true;
      return this.filling;
    }
    this.filling = (async () => {
      let started = 0;
      try {
        do {
          this.again = false;
          const due = await claimDue((this.options.size ?? poolSize) - this.running.size, new Date(), this.options.perTenant);
          for (const delivery of due) this.start(delivery);
          started += due.length;
        } while (this.again);
      } finally {
        this.filling = null;
      }
      return started;
    })();
    return this.filling;
  }

  /** Waits until nothing is in flight and no claim is under way. */
  async drain(): Promise<void> {
    while (this.running.size > 0 || this.filling) await Promise.allSettled([...this.running, this.filling]);
  }

  private start(delivery: WebhookDelivery): void {
    const sending: Promise<void> = deliver(delivery)
      .then(() => undefined)
      .catch((error) => console.error(`webhook delivery ${delivery.id} could not be recorded:`, error))
      .finally(() => {
        this.running.delete(sending);
        if (this.options.refill) this.fill().catch((error) => console.error("claiming webhook deliveries failed:", error));
      });
    this.running.add(sending);
  }
}

/** The process's own pool, kept full by the background job (lib/jobs/background.ts) or `npm run worker`. */
export function webhookPool(): DeliveryPool {
  const state = globalThis as typeof globalThis & { __inzageWebhookPool?: DeliveryPool };
  state.__inzageWebhookPool ??= new DeliveryPool({ refill: true });
  return state.__inzageWebhookPool;
}

/** One pass: claims what is due, sends it concurrently and waits for all. Returns how many were attempted. */
export async function runDueDeliveries(limit = poolSize): Promise<number> {
  const pool = new DeliveryPool({ size: limit });
  const started = await pool.fill();
  await pool.drain();
  return started;
}

/**
 * Sends a delivery again now (an admin's "resend"), keeping its event id. A claim in
 * force stays: a delivery being sent is not sent a second time alongside.
 */
export async function resendDelivery(tenantId: string, deliveryId: string): Promise<boolean> {
  const { count } = await withTenant(tenantId, (tx) =>
    tx.webhookDelivery.updateMany({
      where: { id: deliveryId, tenantId },
      data: { status: "PENDING", nextAttemptAt: new Date(), createdAt: new Date() },
    }),
  );
  return count === 1;
}

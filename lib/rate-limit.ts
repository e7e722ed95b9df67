import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { db } from "@/lib/db/client";

/**
 * Fixed-window rate limits that hold across every app process: counted in Redis when
 * REDIS_URL is set, otherwise in the database. A limit that is hit answers with how
 * many seconds to wait (for a 429 with Retry-After, or a message in a form).
 */

export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
  /** Limits per client address are raised by RATE_LIMIT_IP_FACTOR, e.g. for a test suite run from one machine. */
  perIp?: boolean;
}

export const limits = {
  /**
   * Sign-in mails per address (staff links; portal codes per tenant). Each window is as
   * long as a link lives (15 and 10 minutes), so while a stranger has used up an
   * address's share, the last of those mails still holds a working link for its owner.
   */
  signInMailPerAddress: { name: "signin-mail-address", max: 5, windowSeconds: 900 },
  signInMailPerIp: { name: "signin-mail-ip", max: 30, windowSeconds: 3600, perIp: true },
  portalCodePerAddress: { name: "portal-code-address", max: 3, windowSeconds: 600 },
  portalCodePerIp: { name: "portal-code-ip", max: 30, windowSeconds: 3600, perIp: true },
  portalCodeTries: { name: "portal-code-try-ip", max: 30, windowSeconds: 900, perIp: true },
  /** Typed portal codes per address of a tenant, known or not; README "The portal and the tenant API" has the arithmetic. */
  portalCodeTriesPerAddress: { name: "portal-code-try-address", max: 5, windowSeconds: 900 },
  portalCodeTriesPerAddressDaily: { name: "portal-code-try-address-day", max: 20, windowSeconds: 86_400 },
  publicRequestPerIp: { name: "public-request-ip", max: 10, windowSeconds: 3600, perIp: true },
  publicRequestPerAddress: { name: "public-request-address", max: 5, windowSeconds: 3600 },
  subscriptionPerIp: { name: "subscription-ip", max: 10, windowSeconds: 3600, perIp: true },
  /** Confirmation mails to one address, over all tenants: nobody can fill a stranger's mailbox with them. */
  subscriptionPerAddress: { name: "subscription-address", max: 3, windowSeconds: 86_400 },
  signupPerIp: { name: "signup-ip", max: 5, windowSeconds: 3600, perIp: true },
  formPostsPerIp: { name: "form-posts-ip", max: 120, windowSeconds: 60, perIp: true },
  apiKey: { name: "api-key", max: 600, windowSeconds: 60 },
  /** Calls to /api/v1 without a valid key, per client address: a key is not for guessing. */
  apiUnauthorizedPerIp: { name: "api-unauthorized-ip", max: 20, windowSeconds: 600, perIp: true },
  /** An export reads everything the tenant holds on the person: a few per hour is plenty. */
  portalExport: { name: "portal-export", max: 10, windowSeconds: 3600 },
  /** Codes mailed for one access answer's download link (lib/export/answer-download.ts), in a code's life. */
  answerCodePerLink: { name: "answer-code-link", max: 3, windowSeconds: 600 },
} satisfies Record<string, Limit>;

export interface LimitResult {
  allowed: boolean;
  /** The limit in force (after RATE_LIMIT_IP_FACTOR), for RateLimit-Policy headers. */
  max: number;
  remaining: number;
  retryAfterSeconds: number;
}

let redis: Redis | null = null;
function redisClient(): Redis | null {
  if (!process.env.REDIS_URL) return null;
  redis ??= new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
  return redis;
}

/** Counts one hit of `key` against the limit and says whether it is still allowed. */
export async function hit(limit: Limit, key: string, now = Date.now()): Promise<LimitResult> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  // Keys are e-mail addresses and IP addresses: only a hash of them is stored.
  const counterKey = `${limit.name}:${createHash("sha256").update(key.toLowerCase()).digest("base64url").slice(0, 32)}`;
  const count = await increment(counterKey, windowStart, windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  const max = limit.perIp ? limit.max * Number(process.env.RATE_LIMIT_IP_FACTOR ?? 1) : limit.max;
  return { allowed: count <= max, max, remaining: Math.max(0, max - count), retryAfterSeconds };
}

async function increment(key: string, windowStart: number, windowMs: number): Promise<number> {
  const client = redisClient();
  if (client) {
    const redisKey = `inzage:rl:${key}:${windowStart}`;
    const [[, count]] = (await client.multi().incr(redisKey).pexpire(redisKey, windowMs + 1000).exec()) as [[null, number], unknown];
    return count;
  }
  const [row] = await (await db()).$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${new Date(windowStart)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return row.count;
}

/** Removes counters of windows that have ended; the app runs it now and then. */
export async function pruneRateLimits(olderThan = new Date(Date.now() - 24 * 3600_000)): Promise<number> {
  return (await db()).rateLimitCounter.deleteMany({ where: { windowStart: { lt: olderThan } } }).then((r) => r.count);
}

export function tooManyRequests(result: LimitResult, message = "Too many requests; try again later."): Response {
  return Response.json(
    { error: { code: "rate_limited", message, retryAfterSeconds: result.retryAfterSeconds } },
    { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
  );
}

/** For form actions: refuses with the "rateLimited" message when any of the limits is used up. */
export async function enforceLimits(checks: Array<[Limit, string | null | undefined]>): Promise<void> {
  for (const [limit, key] of checks) {
    if (!key) continue;
    if (!(await hit(limit, key)).allowed) {
      const { ActionError } = await import("@/lib/action");
      throw new ActionError("rateLimited");
    }
  }
}

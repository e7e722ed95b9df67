import { createHash } from "node:crypto";
import { withTenant } from "@/lib/db/tenant-db";
import { readUpTo } from "./body";
import { ApiError, megabyte, problemContentType } from "./route";

/**
 * `Idempotency-Key` on /api/v1 POST and PUT (IETF draft httpapi-idempotency-key-header):
 * the first successful answer to a tenant's key is kept for 24 hours, and the same key
 * with the same method, address and body gets that answer again (`Idempotent-Replayed:
 * true`) without doing the work a second time. The same key with another request is a
 * 422; while the first is still being answered, a 409. An error answer keeps nothing, so
 * the key can be used again. The kept answers are deleted after 24 hours.
 */

export const idempotencyHeader = "idempotency-key";
export const replayedHeader = "Idempotent-Replayed";
export const keptMs = 24 * 60 * 60 * 1000;
/** A first request that has not answered in this time is taken to have died with its process. */
const abandonedMs = 2 * 60 * 1000;

/** The key as sent: a structured-field string ("…") or a bare token, 1 to 255 visible ASCII characters. */
export function parseIdempotencyKey(raw: string): string {
  const value = /^"(.*)"$/.exec(raw.trim())?.[1] ?? raw.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new ApiError(400, "invalid_idempotency_key", "The Idempotency-Key header must hold 1 to 255 visible ASCII characters, such as a UUID.", [
      { path: "Idempotency-Key", message: "not a valid key" },
    ]);
  }
  return value;
}

export async function idempotent(tenantId: string, rawKey: string, request: Request, answer: () => Promise<Response>): Promise<Response> {
  const key = parseIdempotencyKey(rawKey);
  const body = await readUpTo(request.clone().body, megabyte);
  // Larger than any route takes: the route answers 413 and nothing is kept.
  if (!body) return answer();
  const url = new URL(request.url);
  const requestHash = createHash("sha256").update(`${request.method} ${url.pathname}${url.search}\n`).update(body).digest("hex");
  const now = Date.now();

  const earlier = await withTenant(tenantId, async (tx) => {
    await tx.apiIdempotentAnswer.deleteMany({
      where: { tenantId, OR: [{ createdAt: { lt: new Date(now - keptMs) } }, { key, status: null, createdAt: { lt: new Date(now - abandonedMs) } }] },
    });
    const { count } = await tx.apiIdempotentAnswer.createMany({ data: [{ tenantId, key, requestHash, createdAt: new Date(now) }], skipDuplicates: true });
    return count === 1 ? null : tx.apiIdempotentAnswer.findFirst({ where: { tenantId, key } });
  });
  if (earlier) {
    if (earlier.requestHash !== requestHash) {
      throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was used for another request in the last 24 hours; use a new key for a new request.");
    }
    if (earlier.status === null) {
      throw new ApiError(409, "idempotency_key_in_use", "The first request with this Idempotency-Key is still being answered; try again in a moment.");
    }
    return new Response(earlier.body, {
      status: earlier.status,
      headers: { "Content-Type": earlier.status >= 400 ? problemContentType : "application/json", [replayedHeader]: "true" },
    });
  }

  const release = () => withTenant(tenantId, (tx) => tx.apiIdempotentAnswer.deleteMany({ where: { tenantId, key, status: null } }));
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    await release();
    throw error;
  }
  if (response.status >= 400) {
    await release();
    return response;
  }
  const text = await response.clone().text();
  await withTenant(tenantId, (tx) => tx.apiIdempotentAnswer.updateMany({ where: { tenantId, key, requestHash }, data: { status: response.status, body: text } }));
  return response;
}


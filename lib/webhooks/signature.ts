import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Deliveries are signed twice, with the same secret:
 *
 * - `Inzage-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the
 *   endpoint secret's text as shown. Existing receivers keep checking this one.
 * - Standard Webhooks (https://www.standardwebhooks.com): `webhook-id` (the event id, the
 *   same on every retry), `webhook-timestamp` (unix seconds) and
 *   `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the
 *   bytes of the secret (`standardSecret`), so any Standard Webhooks library verifies it.
 *
 * A receiver recomputes the HMAC with its endpoint secret and rejects old timestamps.
 */
export const signatureHeader = "Inzage-Signature";
export const eventIdHeader = "Inzage-Event-Id";
export const eventTypeHeader = "Inzage-Event-Type";

export function sign(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

export function verify(secret: string, header: string | null, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(sign(secret, timestamp, body).split("v1=")[1], "hex");
  const given = Buffer.from(parts.v1, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const standardIdHeader = "webhook-id";
export const standardTimestampHeader = "webhook-timestamp";
export const standardSignatureHeader = "webhook-signature";

/**
 * The endpoint secret in the Standard Webhooks form, `whsec_<base64 of the key bytes>`.
 * Secrets are made as `whsec_<base64url of 24 random bytes>` (lib/webhooks/endpoints.ts):
 * the key is those bytes, written in standard base64 as the libraries expect. A secret
 * of any other form (one that is not exactly base64url after the prefix) is keyed by
 * the UTF-8 bytes of the whole secret.
 */
export function standardSecret(secret: string): string {
  const encoded = /^whsec_([A-Za-z0-9_-]+)$/.exec(secret)?.[1];
  const decoded = encoded ? Buffer.from(encoded, "base64url") : null;
  const key = decoded && decoded.toString("base64url") === encoded ? decoded : Buffer.from(secret, "utf8");
  return `whsec_${key.toString("base64")}`;
}

/** The three Standard Webhooks headers of one delivery. */
export function standardHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const key = Buffer.from(standardSecret(secret).slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    [standardIdHeader]: id,
    [standardTimestampHeader]: String(timestamp),
    [standardSignatureHeader]: `v1,${signature}`,
  };
}

/**
 * The address a request came from, for rate limits and the audit trail.
 *
 * Next.js puts the socket's address in X-Forwarded-For only when the request has none, and
 * each proxy in front of the app appends the address it saw. Entries further left are
 * whatever the client chose to send, so the trustworthy one is counted from the right:
 * with TRUSTED_PROXIES proxies in front (default 1, or 0 when the app is reached directly),
 * it is the entry that many places from the end, and the last one when there are none.
 */
export function clientAddress(headers: Headers, trustedProxies = configuredTrustedProxies()): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))];
  return headers.get("x-real-ip")?.trim() || null;
}

function configuredTrustedProxies(): number {
  const configured = Number.parseInt(process.env.TRUSTED_PROXIES ?? "", 10);
  return Number.isInteger(configured) && configured >= 0 ? configured : 1;
}

import { normaliseAddress } from "./forwarded-for";

/**
 * The address a request came from, for rate limits and the audit trail.
 *
 * The app's server (scripts/server.js, `npm start`) appends the address of the socket
 * to X-Forwarded-For on every request, as a proxy does, and each proxy in front of the
 * app appends the address it saw. Entries further left are whatever the client chose
 * to send, so the trustworthy one is counted from the right: with TRUSTED_PROXIES
 * proxies in front (default 0: the app is reached directly), it is the entry that many
 * places before the last, which the nearest proxy appended; with none, the last, the
 * socket's own. A list shorter than that yields its first entry.
 */
export function clientAddress(headers: Headers, trustedProxies = configuredTrustedProxies()): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return null;
  return normaliseAddress(forwarded[Math.max(0, forwarded.length - 1 - trustedProxies)]);
}

/** TRUSTED_PROXIES: how many proxies in front of the app append to X-Forwarded-For (and may be believed about the scheme). */
export function configuredTrustedProxies(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number.parseInt(env.TRUSTED_PROXIES ?? "", 10);
  return Number.isInteger(configured) && configured >= 0 ? configured : 0;
}

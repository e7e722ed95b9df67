/**
 * Sites a tenant lets show its statement in a frame (company details). Each becomes a
 * source of the Content-Security-Policy's frame-ancestors directive, so an entry must
 * be an origin and nothing else: a `;`, `,`, quote or space in it would end the
 * directive or add keywords to it.
 */

/** A hostname as url.hostname gives it: ASCII letters, digits, dots and hyphens (IDNs arrive as punycode), or an IPv6 address. */
const hostnamePattern = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * The entry as an origin (scheme, host and port; https, or http for localhost), or
 * null when it is anything else: a path, query, fragment, credentials, wildcard or a
 * character that does not belong in a host.
 */
export function parseEmbedOrigin(entry: string): string | null {
  if (/[\s;,'"`\\]/.test(entry)) return null;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return null;
  if (url.username || url.password || url.search || url.hash || entry.endsWith("?") || entry.endsWith("#")) return null;
  if (url.pathname !== "/" || /^[a-z]+:\/\/[^/]*\/./i.test(entry)) return null;
  if (!hostnamePattern.test(url.hostname)) return null;
  return url.origin;
}

/** The stored origins that still are origins: what an older, looser check let in is left out of the header. */
export function validEmbedOrigins(stored: readonly string[]): string[] {
  return stored.filter((origin) => parseEmbedOrigin(origin) === origin);
}

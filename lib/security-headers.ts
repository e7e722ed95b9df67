import { validEmbedOrigins } from "@/lib/embed-origins";

/**
 * Headers that every response carries: a Content-Security-Policy whose scripts need a
 * per-request nonce (no inline script runs without it), and the usual hardening.
 */

/** Cached pages are rendered with this stand-in nonce; proxy.ts swaps in a fresh one per response. */
export const renderNonce = "aW56YWdlLXJlbmRlci1ub25jZQ";

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64").replace(/=+$/, "");
}

interface PolicyOptions {
  https: boolean;
  development: boolean;
  /** Origins that may show the page in a frame; none when empty. Entries that are not origins are left out. */
  frameAncestors?: string[];
}

export function contentSecurityPolicy(nonce: string, { https, development, frameAncestors: listed = [] }: PolicyOptions): string {
  const frameAncestors = validEmbedOrigins(listed);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes carry the tenant's accent colour; no script runs from them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export function hardeningHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

import { createHash } from "node:crypto";

/**
 * Answers for public, read-only JSON that other sites and tools build on (the published
 * statement and its TILT form): readable from any origin (CORS `*`; there are no
 * credentials to leak, the same JSON is public), with a strong ETag so a client that already
 * has the body gets 304 Not Modified.
 */

export const publicCorsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link",
} as const;

/** The strong ETag of a body: its SHA-256, so equal bodies have equal tags on every process. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
}

/**
 * Whether If-None-Match names the current tag: `*`, or any listed tag by weak comparison
 * (RFC 9110 13.1.2: `W/"x"` matches `"x"`).
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** 200 with the JSON body, or 304 without one when the client's If-None-Match matches. */
export function publicJson(request: Request, value: unknown, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(value);
  const etag = strongEtag(body);
  const common = { ...headers, ...publicCorsHeaders, ETag: etag };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, "Content-Type": "application/json" } });
}

/** An error answer of a public JSON route, readable cross-origin like its successes. */
export function publicProblem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...publicCorsHeaders, "Cache-Control": "no-store" } });
}

/** The CORS preflight (a browser sends one before a GET with If-None-Match from another origin). */
export function publicPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...publicCorsHeaders,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

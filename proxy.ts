import { NextResponse, type NextRequest } from "next/server";
import { clientAddress } from "@/lib/client-address";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { hit, limits } from "@/lib/rate-limit";
import { isLocale } from "@/lib/i18n/routing";
import { cachedPage, isRenderRequest, pageWithNonce, statementPageSlug } from "@/lib/page-cache";
import { overHttps } from "@/lib/public-origin";
import { requestHeaders } from "@/lib/request-context";
import { refuseBadUrl, refuseMalformedActionCall, refuseMisdirectedAction } from "@/lib/safe-input";
import {
  apiContentSecurityPolicy,
  contentSecurityPolicy,
  hardeningHeaders,
  newNonce,
  renderNonce,
} from "@/lib/security-headers";
import { tenantSlugFromHost } from "@/lib/tenant-host";
import { findTenantBySlug } from "@/lib/tenants";

const localeLike = /^[a-z]{2}(?:-[a-z]{2})?$/i;
/** Platform pages that a tenant's own host shows as they are, without rewriting to the tenant. */
const sharedSections = new Set(["authorities"]);

/**
 * Every request passes here: pages get a locale prefix, a tenant host is rewritten to
 * the tenant's /t/{slug} pages, public statement pages come from the page cache, and
 * every response gets the security headers with a fresh script nonce.
 */
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // HSTS and upgrade-insecure-requests follow the same rule as the cookies' Secure flag.
  const https = overHttps(request.headers);
  const malformed = refuseBadUrl(request) ?? refuseMisdirectedAction(request) ?? (await refuseMalformedActionCall(request));
  if (malformed) return withHeaders(malformed, hardeningHeaders(https));
  const refusal = await refuseUnsafe(request);
  if (refusal) return withHeaders(refusal, hardeningHeaders(https));
  if (pathname.startsWith("/api/")) {
    return withHeaders(NextResponse.next(), { ...hardeningHeaders(https), "Content-Security-Policy": apiContentSecurityPolicy });
  }

  const [first = "", ...rest] = pathname.split("/").filter(Boolean);
  const host = request.headers.get("host") ?? "";
  const tenantSlug = sharedSections.has(rest[0] ?? "") ? null : tenantSlugFromHost(host);
  const rendering = isRenderRequest(request.headers);
  const nonce = rendering ? renderNonce : newNonce();
  const development = process.env.NODE_ENV === "development";
  let csp = contentSecurityPolicy(nonce, { https, development });
  let responseHeaders = { ...hardeningHeaders(https), "Content-Security-Policy": csp };

  if (!isLocale(first) && !localeLike.test(first)) {
    const locale = negotiateLocale(request.headers.get("accept-language"));
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
    return withHeaders(NextResponse.redirect(url), responseHeaders);
  }

  const internalPath = tenantSlug ? ["", first, "t", tenantSlug, ...rest].join("/") : pathname;
  const pathTenantSlug = /^\/[^/]+\/t\/([^/]+)/.exec(internalPath)?.[1];
  const pathTenant = pathTenantSlug ? await findTenantBySlug(pathTenantSlug) : null;
  // A tenant lets the sites it lists in its settings show its statement in a frame: every
  // response of its statement pages says so, whether from the page cache or not.
  if (pathTenant?.embedOrigins.length && statementPageSlug(internalPath)) {
    csp = contentSecurityPolicy(nonce, { https, development, frameAncestors: pathTenant.embedOrigins });
    responseHeaders = { ...responseHeaders, "Content-Security-Policy": csp };
  }
  // What is known to be missing before routing: a locale we do not have, or a tenant that does not exist.
  const missing = !isLocale(first) ? "page" : pathTenantSlug && !pathTenant ? "tenant" : null;
  if (missing && (request.method === "GET" || request.method === "HEAD")) {
    // A page that calls notFound() gets an empty HTML shell from Next.js, filled in only by
    // its script; a path no route matches gets app/not-found.tsx rendered on the server.
    const headers = forwardedHeaders(request, csp);
    headers.set(requestHeaders.notFound, missing);
    const url = request.nextUrl.clone();
    url.pathname = unroutedPath;
    return withHeaders(NextResponse.rewrite(url, { request: { headers } }), responseHeaders);
  }

  const cacheSlug = request.method === "GET" && !rendering ? statementPageSlug(internalPath) : null;
  // Kept only for the platform's host and the tenant's own (pageCacheKey), not for any Host a client sends.
  const cached = cacheSlug ? await cachedPage(cacheSlug, host, pathname, process.env.PORT ?? request.nextUrl.port ?? "3000") : null;
  if (cached) {
    const { page, hit } = cached;
    return new Response(pageWithNonce(page, nonce), {
      status: page.status,
      headers: { ...responseHeaders, "content-type": page.contentType, "x-inzage-cache": hit ? "hit" : "miss" },
    });
  }

  const headers = forwardedHeaders(request, csp);
  if (!tenantSlug) return withHeaders(NextResponse.next({ request: { headers } }), responseHeaders);
  headers.set(requestHeaders.tenantHost, tenantSlug);
  const url = request.nextUrl.clone();
  url.pathname = internalPath;
  return withHeaders(NextResponse.rewrite(url, { request: { headers } }), responseHeaders);
}

/** The request's headers as the pages get them: the visitor's own path, the policy, and none of ours forged. */
function forwardedHeaders(request: NextRequest, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set(requestHeaders.path, request.nextUrl.pathname + request.nextUrl.search);
  // Next.js reads the nonce for its own scripts from the request's policy header.
  headers.set("content-security-policy", csp);
  headers.delete(requestHeaders.notFound);
  headers.delete(requestHeaders.tenantHost);
  return headers;
}

/** A path that no route of the app matches. */
const unroutedPath = "/_/not-found";

/**
 * A request that changes something (anything but GET/HEAD/OPTIONS) must come from this
 * site, except calls to the tenant API, which carry an API key instead of a cookie;
 * and each address may send only so many of them a minute.
 */
async function refuseUnsafe(request: NextRequest): Promise<NextResponse | null> {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  if (request.nextUrl.pathname.startsWith("/api/v1/")) return null;
  if (isCrossSite(request.headers)) {
    return NextResponse.json({ error: { code: "cross_site", message: "Cross-site requests are not accepted." } }, { status: 403 });
  }
  const ip = clientAddress(request.headers) ?? "local";
  const result = await hit(limits.formPostsPerIp, ip);
  if (result.allowed) return null;
  return NextResponse.json(
    { error: { code: "rate_limited", message: "Too many requests; try again later.", retryAfterSeconds: result.retryAfterSeconds } },
    { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
  );
}

export function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host.toLowerCase() !== (headers.get("host") ?? "").toLowerCase();
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  return headers.get("sec-fetch-site") === "cross-site";
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build assets and public files get their headers from next.config.js.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)",
    // Server-action posts to files, which Next.js would answer with a 500 (refuseMisdirectedAction).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};

import { configuredTrustedProxies } from "@/lib/client-address";
import { platformHost, tenantSlugFromHost } from "@/lib/tenant-host";

/** The address of the platform as people reach it, for links in e-mail. */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, "");
  return `http://${env.PLATFORM_HOST || "localhost"}:${env.PORT || "3000"}`;
}

/**
 * The origin of the site a page is on, for its canonical and alternate links: the
 * platform's (PUBLIC_URL), or on a tenant's own host `{slug}.{PLATFORM_HOST}` with the
 * scheme and port of PUBLIC_URL. Never from the request's Host or X-Forwarded-Host,
 * which a client writes.
 */
export function siteOrigin(tenantOnHost: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const origin = publicOrigin(env);
  if (!tenantOnHost) return origin;
  const url = new URL(origin);
  url.hostname = `${tenantOnHost}.${platformHost(env)}`;
  return url.origin;
}

/**
 * The origin a request is answered under: a tenant's own host when its Host header names
 * one (`{slug}.{PLATFORM_HOST}`, with PUBLIC_URL's scheme and port), else the platform's
 * PUBLIC_URL, whatever other Host the request came with (an address the app is also
 * reachable at, or one a client made up). X-Forwarded-Host is never read.
 */
export function requestOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  return siteOrigin(tenantSlugFromHost(headers.get("host"), platformHost(env)), env);
}

/**
 * Whether the browser reached the site over https: the public origin is https, or a proxy
 * the app trusts (TRUSTED_PROXIES > 0) said so in X-Forwarded-Proto (the last entry, the
 * nearest proxy's). With no trusted proxy the header is the client's own word (or Next.js's
 * "http" default) and is ignored. The one rule for the Secure flag of every cookie the app
 * sets, for Auth.js's `__Secure-` cookies and for HSTS.
 */
export function overHttps(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  if (publicOrigin(env).startsWith("https://")) return true;
  if (configuredTrustedProxies(env) < 1) return false;
  const forwarded = (headers.get("x-forwarded-proto") ?? "").split(",").map((entry) => entry.trim().toLowerCase());
  return forwarded[forwarded.length - 1] === "https";
}


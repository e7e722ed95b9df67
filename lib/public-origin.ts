import { platformHost } from "@/lib/tenant-host";

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

/**
 * Tenants are reached by path (/nl/t/acme) and by host (acme.<PLATFORM_HOST>). This
 * module is the one place that knows both shapes.
 */

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
export const reservedSlugs = new Set(["admin", "api", "www", "app", "t", "mail", "static", "assets", "inzage", "portal", "signup", "login", "auth"]);

export function isValidSlug(slug: string): boolean {
  return slugPattern.test(slug) && !slug.includes("--") && !reservedSlugs.has(slug);
}

export function platformHost(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PLATFORM_HOST || "localhost").toLowerCase();
}

/** The tenant slug a Host header names, or null for the platform itself. Any port. */
export function tenantSlugFromHost(host: string | null | undefined, platform = platformHost()): string | null {
  if (!host) return null;
  const hostname = host.toLowerCase().replace(/:\d+$/, "");
  const suffix = `.${platform}`;
  if (!hostname.endsWith(suffix)) return null;
  const label = hostname.slice(0, -suffix.length);
  if (label.includes(".") || !label) return null;
  return reservedSlugs.has(label) ? null : label;
}

/** Path of a tenant page as the visitor sees it: without /t/slug on the tenant's own host. */
export function tenantPath(locale: string, slug: string, subPath = "", onTenantHost = false): string {
  const tail = subPath && !subPath.startsWith("/") ? `/${subPath}` : subPath;
  return onTenantHost ? `/${locale}${tail}` : `/${locale}/t/${slug}${tail}`;
}

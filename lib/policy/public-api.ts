import { isLocale, routing } from "@/lib/i18n/routing";
import { publicProblem } from "@/lib/public-json";
import { findTenantBySlug } from "@/lib/tenants";
import type { PublicStatement } from "./public-statement";
import { publishedStatement } from "./published";
import { parseVersionNumber } from "./version-number";

/**
 * The published statement a public API request asks for (/api/t/{slug}/policy and its TILT
 * form): ?locale=nl|en (default nl) and ?version=N (default the newest). Returns the
 * statement, or the error answer (400 or 404) to send.
 */
export async function requestedStatement(slug: string, query: URLSearchParams): Promise<PublicStatement | Response> {
  const locale = query.get("locale") ?? routing.defaultLocale;
  if (!isLocale(locale)) return publicProblem(400, "invalid_locale", `locale must be one of: ${routing.locales.join(", ")}`);
  const versionParam = query.get("version");
  const version = versionParam === null ? undefined : parseVersionNumber(versionParam);
  if (version === null) return publicProblem(400, "invalid_version", "version must be a positive whole number");

  const tenant = await findTenantBySlug(slug);
  if (!tenant) return publicProblem(404, "tenant_not_found", "no tenant with this slug");
  const statement = await publishedStatement(tenant, locale, version);
  if (statement) return statement;
  return version === undefined
    ? publicProblem(404, "not_published", "this tenant has not published a statement yet")
    : publicProblem(404, "version_not_found", `version ${version} has not been published`);
}

import { NextResponse, type NextRequest } from "next/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { publishedStatement } from "@/lib/policy/published";
import { parseVersionNumber } from "@/lib/policy/version-number";
import { findTenantBySlug } from "@/lib/tenants";

/** The published statement as JSON; shape: docs/policy.schema.json. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const query = request.nextUrl.searchParams;
  const locale = query.get("locale") ?? routing.defaultLocale;
  if (!isLocale(locale)) return problem(400, "invalid_locale", `locale must be one of: ${routing.locales.join(", ")}`);
  const versionParam = query.get("version");
  const version = versionParam === null ? undefined : parseVersionNumber(versionParam);
  if (version === null) return problem(400, "invalid_version", "version must be a positive whole number");

  const tenant = await findTenantBySlug(slug);
  if (!tenant) return problem(404, "tenant_not_found", "no tenant with this slug");
  const statement = await publishedStatement(tenant, locale, version);
  if (!statement) {
    return version === undefined
      ? problem(404, "not_published", "this tenant has not published a statement yet")
      : problem(404, "version_not_found", `version ${version} has not been published`);
  }
  return NextResponse.json(statement, {
    headers: {
      "Cache-Control": "public, max-age=60",
      Link: '</api/schemas/policy>; rel="describedby"',
    },
  });
}

function problem(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

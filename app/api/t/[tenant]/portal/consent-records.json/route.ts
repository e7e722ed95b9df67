import { NextResponse, type NextRequest } from "next/server";
import { problem } from "@/lib/complaints/route";
import { isLocale } from "@/lib/i18n/routing";
import { consentRecords } from "@/lib/portal/consent-records";
import { currentSubject } from "@/lib/portal/session";
import { findTenantBySlug } from "@/lib/tenants";

/**
 * The signed-in person's consent history as ISO/IEC TS 27560 consent records (JSON,
 * lib/portal/consent-records.ts), beside the export ZIP. 401 without a portal session.
 * ?locale=nl|en: the language of titles and descriptions; by default the person's own.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) return problem(404, "tenant_not_found", "no tenant with this slug");
  const subject = await currentSubject(tenant);
  if (!subject) return problem(401, "not_signed_in", "sign in to the portal to download your consent records");
  const asked = request.nextUrl.searchParams.get("locale");
  const locale = isLocale(asked) ? asked : isLocale(subject.preferredLocale) ? subject.preferredLocale : "nl";
  const records = await consentRecords(tenant, subject.id, locale);
  return NextResponse.json(records, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="consent-records-${tenant.slug}-${records.generatedAt.slice(0, 10)}.json"`,
    },
  });
}

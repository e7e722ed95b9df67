import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { RecordTable } from "@/components/portal/record-table";
import { translator } from "@/lib/i18n/messages";
import { recordPage } from "@/lib/portal/data";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<{ category?: string; source?: string; before?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.nav.overview"), robots: { index: false } };
}

const param = (value: unknown, max = 200) => (typeof value === "string" ? value.slice(0, max) : "");

/** All records of one category from one source, a page at a time, newest first. */
export default async function RecordsPage({ params, searchParams }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const query = await searchParams;
  const category = param(query.category);
  const source = param(query.source);
  const before = param(query.before, 60) || null;
  if (!category) redirect(href("/portal"));
  const result = await recordPage(tenant, subject.id, { category, sourceSystem: source || null }, before);
  const base = `${href("/portal/records")}?${new URLSearchParams({ category, source })}`;
  return (
    <PortalShell page={page} subject={subject} section="overview">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Portal.records.title", { category, source: source || "—" })}</h1>
        <p>{t("Portal.records.count", { count: result.count })}</p>
        <RecordTable records={result.records} locale={locale} caption={`${category} – ${source}`} />
        <nav aria-label={t("Portal.records.title", { category, source: source || "—" })} className="flex flex-wrap gap-4">
          {before && <a href={base}>{t("Portal.records.newest")}</a>}
          {result.nextBefore && <a href={`${base}&${new URLSearchParams({ before: result.nextBefore })}`}>{t("Portal.records.older")}</a>}
          <a href={href("/portal")}>{t("Portal.records.back")}</a>
        </nav>
      </div>
    </PortalShell>
  );
}

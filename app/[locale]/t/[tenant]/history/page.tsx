import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VersionCompareForm } from "@/components/diff/statement-diff";
import { PageShell } from "@/components/page-shell";
import { formatDate, translator } from "@/lib/i18n/messages";
import { publishedHistory } from "@/lib/policy/published";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("History.title", { company: tenant.name }) };
}

export default async function HistoryPage({ params }: Props) {
  const { tenant, locale, href } = await resolveTenantPage(params);
  const versions = await publishedHistory(tenant);
  if (versions.length === 0) notFound();
  const t = translator(locale);
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <h1 className="mb-2 text-3xl font-bold">{t("History.title", { company: tenant.name })}</h1>
      <p className="mb-6 text-muted">{t("History.intro")}</p>
      <ol className="space-y-4" data-testid="history">
        {versions.map((version, index) => (
          <li key={version.number} className="rounded border border-line p-4">
            <h2 className="text-xl font-semibold">
              {t("History.version", { number: version.number })}
              {index === 0 && <span className="ms-2 text-sm font-normal">({t("History.current")})</span>}
            </h2>
            <p className="text-muted">
              {t("History.published", { date: formatDate(version.publishedAt, locale) })}
              {version.materialChange && <> · {t("History.material")}</>}
            </p>
            {version.changeSummary[locale] && (
              <p className="mt-2">
                <span className="font-semibold">{t("History.summary")}: </span>
                {version.changeSummary[locale]}
              </p>
            )}
            <p className="mt-2">
              <a href={index === 0 ? href() : href(`/v/${version.number}`)}>{t("History.read", { number: version.number })}</a>
            </p>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <section aria-labelledby="compare-heading" className="no-print mt-8 space-y-3 rounded border border-line p-4">
          <h2 id="compare-heading" className="text-xl font-semibold">
            {t("Diff.page.compare")}
          </h2>
          <VersionCompareForm
            action={href("/history/compare")}
            versions={versions.map((version) => version.number)}
            from={versions[1].number}
            to={versions[0].number}
            locale={locale}
            labels={{ from: t("Diff.page.from"), to: t("Diff.page.to"), submit: t("Diff.page.submit") }}
          />
        </section>
      )}
    </PageShell>
  );
}

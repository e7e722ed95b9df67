import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatementDiff, VersionCompareForm } from "@/components/diff/statement-diff";
import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n/messages";
import { publishedHistory, publishedStatement } from "@/lib/policy/published";
import { parseVersionNumber } from "@/lib/policy/version-number";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Diff.page.title", { company: tenant.name }) };
}

/** Two published versions side by side (?from=1&to=2), in the page's language. */
export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { tenant, locale, href } = await resolveTenantPage(params);
  const query = await searchParams;
  const from = parseVersionNumber(single(query.from));
  const to = parseVersionNumber(single(query.to));
  if (from === null || to === null) notFound();
  const [before, after, history] = await Promise.all([
    publishedStatement(tenant, locale, from),
    publishedStatement(tenant, locale, to),
    publishedHistory(tenant),
  ]);
  if (!before || !after) notFound();
  const t = translator(locale);
  const label = (number: number) => t("Diff.version", { number });
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("Diff.page.title", { company: tenant.name })}</h1>
        <p>{t("Diff.page.intro")}</p>
        <p>
          <a href={href("/history")}>{t("Diff.page.back")}</a>
        </p>
        <VersionCompareForm
          action={href("/history/compare")}
          versions={history.map((version) => version.number)}
          from={from}
          to={to}
          locale={locale}
          labels={{ from: t("Diff.page.from"), to: t("Diff.page.to"), submit: t("Diff.page.submit") }}
        />
        <StatementDiff before={before} after={after} beforeLabel={label(from)} afterLabel={label(to)} locale={locale} />
      </div>
    </PageShell>
  );
}

import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { StatementDiff, VersionCompareForm } from "@/components/diff/statement-diff";
import { StatementNav } from "@/components/editor/statement-nav";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import type { Locale } from "@/lib/policy/content";
import { draftStatement, loadDraft } from "@/lib/policy/draft";
import type { PublicStatement } from "@/lib/policy/public-statement";
import { defaultComparison } from "@/lib/policy/diff";
import { publishedHistory, publishedStatement } from "@/lib/policy/published";
import { parseVersionNumber } from "@/lib/policy/version-number";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Editor.compare.title") };
}

/** Any two versions, or a version and the draft, side by side per language (?from=N&to=M|draft&lang=nl|en). */
export default async function CompareStatementPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/statement/compare`);
  const t = translator(locale);
  const lang: Locale = query.lang === "nl" || query.lang === "en" ? query.lang : locale;
  const [history, draft] = await Promise.all([publishedHistory(context.tenant), loadDraft(context.tenant)]);
  const numbers = history.map((version) => version.number);
  const hasDraft = draft.draftId !== null;

  const requestedFrom = single(query.from);
  const requestedTo = single(query.to);
  const defaults = defaultComparison(numbers, hasDraft);
  const from = requestedFrom === undefined ? defaults.from : parseVersionNumber(requestedFrom);
  const to: number | "draft" | null =
    requestedTo === undefined ? defaults.to : requestedTo === "draft" ? "draft" : parseVersionNumber(requestedTo);

  const load = async (which: number | "draft" | null): Promise<PublicStatement | null> => {
    if (which === null) return null;
    if (which === "draft") return hasDraft ? draftStatement(context.tenant, draft, lang) : null;
    return numbers.includes(which) ? publishedStatement(context.tenant, lang, which) : null;
  };
  const [before, after] = await Promise.all([load(from), load(to)]);
  const label = (which: number | "draft") => (which === "draft" ? t("Diff.draft") : t("Diff.version", { number: which }));

  return (
    <ConsoleShell context={context} locale={locale} section="statement">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("Editor.compare.title")}</h1>
        <StatementNav locale={locale} current="compare" canPublish={can(context.role, "statement.publish")} />
        {numbers.length === 0 ? (
          <p data-testid="compare-nothing">{t("Editor.compare.nothing")}</p>
        ) : (
          <>
            <VersionCompareForm
              action={`/${locale}/admin/statement/compare`}
              versions={numbers}
              from={from ?? undefined}
              to={to ?? undefined}
              locale={locale}
              draftOption={hasDraft ? t("Editor.compare.draft") : undefined}
              lang={lang}
              labels={{
                from: t("Editor.compare.from"),
                to: t("Editor.compare.to"),
                lang: t("Editor.compare.lang"),
                submit: t("Editor.compare.submit"),
              }}
            />
            {before && after && from !== null && to !== null ? (
              <StatementDiff before={before} after={after} beforeLabel={label(from)} afterLabel={label(to)} locale={locale} />
            ) : (
              <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800" data-testid="compare-invalid">
                {t("Editor.compare.invalid")}
              </p>
            )}
          </>
        )}
      </div>
    </ConsoleShell>
  );
}

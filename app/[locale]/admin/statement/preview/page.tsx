import type { Metadata } from "next";
import type { CSSProperties } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { StatementNav } from "@/components/editor/statement-nav";
import { StatementView } from "@/components/statement/statement-view";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import type { Locale } from "@/lib/policy/content";
import { draftStatement, loadDraft } from "@/lib/policy/draft";
import { tenantPath } from "@/lib/tenant-host";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Editor.preview.title") };
}

/** The draft exactly as the public page would show it, as the next version, in either language. */
export default async function StatementPreviewPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { lang } = await searchParams;
  const language: Locale = lang === "nl" || lang === "en" ? lang : locale;
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/statement/preview?lang=${language}`);
  const t = translator(locale);
  const draft = await loadDraft(context.tenant);
  const statement = draftStatement(context.tenant, draft, language);
  const { slug } = context.tenant;
  const other: Locale = language === "nl" ? "en" : "nl";
  return (
    <ConsoleShell context={context} locale={locale} section="statement">
      <div className="space-y-4">
        <StatementNav locale={locale} current={`preview-${language}`} canPublish={can(context.role, "statement.publish")} />
        <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded border-2 border-amber-600 bg-amber-50 p-3" data-testid="preview-banner">
          <p>
            {draft.draftId
              ? t("Editor.preview.banner", { number: statement.version.number })
              : draft.latestNumber
                ? t("Editor.status.noDraft", { number: draft.latestNumber })
                : t("Editor.status.empty")}
          </p>
          <p className="flex gap-4">
            <a href={`/${locale}/admin/statement/preview?lang=${other}`} hrefLang={other}>
              {t("Editor.preview.showIn", { language: t(`Editor.language.${other}`) })}
            </a>
            <a href={`/${locale}/admin/statement`}>{t("Editor.preview.back")}</a>
          </p>
        </div>
        <div lang={language} style={{ "--accent": context.tenant.accentColor } as CSSProperties} className="rounded border border-line p-4 sm:p-6">
          <StatementView
            statement={statement}
            links={{
              current: tenantPath(language, slug),
              history: tenantPath(language, slug, "/history"),
              json: `/api/t/${slug}/policy?locale=${language}`,
              authorities: `/${language}/authorities`,
            }}
          />
        </div>
      </div>
    </ConsoleShell>
  );
}

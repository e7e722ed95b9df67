import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { PublishForm } from "@/components/editor/publish-form";
import { StatementNav } from "@/components/editor/statement-nav";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { gapMessageValues } from "@/lib/policy/completeness";
import { draftGaps, loadDraft } from "@/lib/policy/draft";
import { tenantPath } from "@/lib/tenant-host";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Editor.publish.title") };
}

/** Publishing the draft (owners and admins): what is missing, the change summary, the material-change flag. */
export default async function PublishStatementPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "statement.publish", `/${locale}/admin/statement/publish`);
  const t = translator(locale);
  const draft = await loadDraft(context.tenant);
  const number = (draft.latestNumber ?? 0) + 1;
  const gaps = draftGaps(context.tenant, draft, locale);
  const languageNames = { nl: t("Completeness.locale.nl"), en: t("Completeness.locale.en") };
  const pendingCount = Object.keys(draft.pending).length;
  const { slug } = context.tenant;

  return (
    <ConsoleShell context={context} locale={locale} section="statement">
      <div className="max-w-4xl space-y-6">
        <h1 className="text-3xl font-bold">{t("Editor.publish.title")}</h1>
        <StatementNav locale={locale} current="publish" canPublish />
        {draft.draftId === null ? (
          <p data-testid="publish-nothing">
            {t("Editor.publish.nothing")} <a href={`/${locale}/admin/statement`}>{t("Editor.publish.backToEditor")}</a>
          </p>
        ) : (
          <>
            <p>{t("Editor.publish.intro", { number })}</p>
            {draft.latestNumber !== null && (
              <p>
                <a href={`/${locale}/admin/statement/compare?from=${draft.latestNumber}&to=draft&lang=${locale}`}>{t("Editor.publish.compare")}</a>
              </p>
            )}
            <section aria-labelledby="publish-gaps" className="rounded border border-line p-4" data-testid="publish-gaps">
              <h2 id="publish-gaps" className="text-xl font-semibold">
                {t("Editor.publish.gapsTitle")}
              </h2>
              {gaps.length === 0 ? (
                <p>{t("Editor.publish.complete")}</p>
              ) : (
                <>
                  <p>{t("Editor.publish.gapsIntro")}</p>
                  <ul className="mt-2 list-disc space-y-1 ps-5">
                    {gaps.map((gap, index) => (
                      <li key={index} data-gap={gap.code}>
                        {t(`Completeness.${gap.code}`, gapMessageValues(gap, languageNames))}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {pendingCount > 0 && (
                <p className="mt-3 font-medium" data-testid="publish-pending">
                  {t("Editor.publish.pending", { count: pendingCount })}{" "}
                  <a href={`/${locale}/admin/statement#translations-heading`}>{t("Editor.translations.title")}</a>
                </p>
              )}
            </section>
            <PublishForm
              base={draft.base}
              number={number}
              hasGaps={gaps.length > 0}
              links={{
                public: tenantPath(locale, slug),
                history: tenantPath(locale, slug, "/history"),
                editor: `/${locale}/admin/statement`,
              }}
            />
          </>
        )}
      </div>
    </ConsoleShell>
  );
}

import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { publishedHistory } from "@/lib/policy/published";
import { tenantPath } from "@/lib/tenant-host";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.overviewTitle") };
}

export default async function ConsoleOverviewPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale);
  const t = translator(locale);
  const [latest] = await publishedHistory(context.tenant);
  return (
    <ConsoleShell context={context} locale={locale} section="overview">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("Console.overviewTitle")}</h1>
        <section aria-labelledby="statement-status" className="space-y-2 rounded border border-line p-4">
          <h2 id="statement-status" className="text-xl font-semibold">
            {t("Console.statementStatus")}
          </h2>
          {latest ? (
            <p data-testid="published-status">
              {t("Console.publishedVersion", { number: latest.number, date: formatDate(latest.publishedAt, locale) })}{" "}
              <a href={tenantPath(locale, context.tenant.slug)}>{t("Console.viewPublic")}</a>
            </p>
          ) : (
            <p data-testid="published-status">{t("Console.notPublished")}</p>
          )}
          <p>
            <a href={`/${locale}/admin/statement`}>{t("Console.editStatement")}</a>
          </p>
        </section>
      </div>
    </ConsoleShell>
  );
}

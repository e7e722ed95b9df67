import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { auditPage, parseAuditFilter } from "@/lib/audit-log";
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.audit.title") };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "audit.view", `/${locale}/admin/audit`);
  const t = translator(locale);
  const query = await searchParams;
  const filter = parseAuditFilter(query);
  const before = typeof query.before === "string" ? query.before.slice(0, 64) : undefined;
  const { rows, next } = await auditPage(context.tenant.id, filter, before);
  const filterQuery = new URLSearchParams(
    Object.entries({ action: query.action, actor: query.actor, from: query.from, to: query.to }).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    ),
  );
  const value = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");
  return (
    <ConsoleShell context={context} locale={locale} section="audit">
      <div className="space-y-6">
        <div>
          <h1 className="text-3xl font-bold">{t("Console.audit.title")}</h1>
          <p className="max-w-3xl text-muted">{t("Console.audit.intro")}</p>
        </div>
        <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end" role="search" aria-label={t("Console.audit.filter")}>
          {(["action", "actor"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={`audit-${name}`} className="block font-medium">
                {t(`Console.audit.${name}`)}
              </label>
              <input id={`audit-${name}`} name={name} defaultValue={value(name)} className="mt-1 w-full rounded border border-gray-500 px-2 py-1" />
            </div>
          ))}
          {(["from", "to"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={`audit-${name}`} className="block font-medium">
                {t(`Console.audit.${name}`)}
              </label>
              <input id={`audit-${name}`} name={name} type="date" defaultValue={value(name)} className="mt-1 w-full rounded border border-gray-500 px-2 py-1" />
            </div>
          ))}
          <button type="submit" className="rounded border border-gray-600 px-3 py-1.5">
            {t("Console.audit.apply")}
          </button>
        </form>
        <p>
          <a href={`/api/admin/audit?${filterQuery}`} download>
            {t("Console.audit.csv")}
          </a>
        </p>
        {rows.length === 0 ? (
          <p>{t("Console.audit.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="audit">
              <caption className="sr-only">{t("Console.audit.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("Console.audit.when")}</th>
                  <th scope="col">{t("Console.audit.actor")}</th>
                  <th scope="col">{t("Console.audit.action")}</th>
                  <th scope="col">{t("Console.audit.target")}</th>
                  <th scope="col">{t("Console.audit.ip")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className="font-normal">
                      {formatDate(row.at, locale)} {row.at.toISOString().slice(11, 19)} UTC
                    </th>
                    <td data-label={t("Console.audit.actor")}>{row.actorLabel}</td>
                    <td data-label={t("Console.audit.action")}>
                      <code>{row.action}</code>
                    </td>
                    <td data-label={t("Console.audit.target")}>{[row.targetType, row.targetId].filter(Boolean).join(" ")}</td>
                    <td data-label={t("Console.audit.ip")}>{row.ip ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <p>
            <a href={`?${new URLSearchParams([...filterQuery, ["before", next]])}`}>{t("Console.audit.older")}</a>
          </p>
        )}
      </div>
    </ConsoleShell>
  );
}

import type { Metadata } from "next";
import { formatDateTime } from "@/components/portal/format";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import { PortalTable } from "@/components/portal/portal-table";
import { translator } from "@/lib/i18n/messages";
import { accessLog } from "@/lib/portal/data";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ before?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.log.title"), robots: { index: false } };
}

/** When the tenant's staff (users) or systems (API keys) viewed or changed this person's data. */
export default async function AccessLogPage({ params, searchParams }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const before = (await searchParams).before;
  const log = await accessLog(tenant, subject.id, typeof before === "string" ? before.slice(0, 60) : null);
  // An audit action "subject.records.add" has the text Portal.log.actions.subject_records_add;
  // one without a text reads as a generic line, never as the raw action name.
  const actionText = (action: string) => {
    const key = `Portal.log.actions.${action.replace(/[^\w]/g, "_")}` as never;
    return t.has(key) ? t(key) : t("Portal.log.otherAction");
  };
  return (
    <PortalShell page={page} subject={subject} section="log">
      <div className="space-y-6">
        <PageHeader title={t("Portal.log.title")} intro={t("Portal.log.intro", { company: tenant.name })} />
        {log.events.length === 0 ? (
          <p data-testid="access-log-empty">{t("Portal.log.empty", { company: tenant.name })}</p>
        ) : (
          <PortalTable label={t("Portal.log.title")} testId="access-log" columns={[t("Portal.log.when"), t("Portal.log.who"), t("Portal.log.what")]}>
            {log.events.map((event) => (
              <tr key={event.id} className="border-b border-line align-top">
                <td className="whitespace-nowrap py-1 pe-4">{formatDateTime(event.at, locale)}</td>
                <td className="py-1 pe-4">
                  {t(`Portal.log.actorTypes.${event.actorType === "apiKey" ? "apiKey" : "user"}`)}: {event.actorLabel}
                </td>
                <td className="py-1 pe-4">{actionText(event.action)}</td>
              </tr>
            ))}
          </PortalTable>
        )}
        {log.nextBefore && (
          <p>
            <a href={`${href("/portal/log")}?before=${encodeURIComponent(log.nextBefore)}`}>{t("Portal.log.older")}</a>
          </p>
        )}
      </div>
    </PortalShell>
  );
}

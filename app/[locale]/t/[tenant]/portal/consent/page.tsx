import type { Metadata } from "next";
import { ConsentToggle } from "@/components/portal/consent-toggle";
import { formatDateTime } from "@/components/portal/format";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import { HistorySection } from "@/components/portal/portal-table";
import { formatDate, translator } from "@/lib/i18n/messages";
import { consentHistory, consentStates, localized } from "@/lib/portal/consent";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.consent.title"), robots: { index: false } };
}

/** Consent per purpose, given or withdrawn with one click, and its full history. */
export default async function ConsentPage({ params }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const [states, history] = await Promise.all([consentStates(tenant, subject.id), consentHistory(tenant, subject.id)]);
  const titles = new Map(states.map((s) => [s.key, localized(s.title, locale)]));
  return (
    <PortalShell page={page} subject={subject} section="consent">
      <div className="space-y-8">
        <PageHeader title={t("Portal.consent.title")} intro={t("Portal.consent.intro", { company: tenant.name })} />
        {states.length === 0 && <p>{t("Portal.consent.none", { company: tenant.name })}</p>}
        <ul className="space-y-4">
          {states.map((state) => {
            const title = localized(state.title, locale);
            return (
              <li key={state.key} className="space-y-2 rounded border border-line p-4" data-testid={`consent-${state.key}`}>
                <h2 className="text-xl font-semibold">{title}</h2>
                <p className="max-w-3xl whitespace-pre-line">{localized(state.description, locale)}</p>
                <p aria-live="polite" className="font-medium" data-testid={`consent-state-${state.key}`}>
                  {state.given === true
                    ? t("Portal.consent.givenOn", { date: formatDate(state.at!, locale) })
                    : state.given === false
                      ? t("Portal.consent.withdrawnOn", { date: formatDate(state.at!, locale) })
                      : t("Portal.consent.never")}
                </p>
                {!state.active && <p className="text-sm text-muted">{t("Portal.consent.inactive", { company: tenant.name })}</p>}
                <ConsentToggle tenant={tenant.slug} locale={locale} purpose={state.key} title={title} given={state.given === true} />
              </li>
            );
          })}
        </ul>
        <HistorySection
          headingId="consent-history-heading"
          heading={t("Portal.consent.historyHeading")}
          empty={t("Portal.consent.historyEmpty")}
          testId="consent-history"
          columns={[t("Portal.consent.when"), t("Portal.consent.purpose"), t("Portal.consent.choice"), t("Portal.consent.version"), t("Portal.consent.channel")]}
        >
          {history.map((event) => (
            <tr key={event.id} className="border-b border-line align-top">
              <td className="whitespace-nowrap py-1 pe-4">{formatDateTime(event.at, locale)}</td>
              <td className="py-1 pe-4">{titles.get(event.purposeKey) ?? event.purposeKey}</td>
              <td className="py-1 pe-4">{event.given ? t("Portal.consent.given") : t("Portal.consent.withdrawn")}</td>
              <td className="py-1 pe-4">{event.statementVersion ?? t("Portal.empty")}</td>
              <td className="py-1 pe-4">{event.channel}</td>
            </tr>
          ))}
        </HistorySection>
      </div>
    </PortalShell>
  );
}

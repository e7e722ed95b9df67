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

/**
 * Consent per purpose, given or withdrawn with one click, and its full history with the
 * wording seen each time. Consent given to an earlier wording is shown as such and asked
 * again (art. 7(1)-(2)); the records download as ISO/IEC TS 27560 JSON.
 */
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
            const toggle = { tenant: tenant.slug, locale, purpose: state.key, title, versionId: state.versionId };
            return (
              <li key={state.key} className="space-y-2 rounded border border-line p-4" data-testid={`consent-${state.key}`}>
                <h2 className="text-xl font-semibold">{title}</h2>
                <p className="max-w-3xl whitespace-pre-line">{localized(state.description, locale)}</p>
                <p aria-live="polite" className="font-medium" data-testid={`consent-state-${state.key}`}>
                  {state.given === true && state.earlierWording
                    ? t("Portal.consent.earlierWording", { date: formatDate(state.at!, locale), given: state.givenVersion ?? "?", version: state.version, company: tenant.name })
                    : state.given === true
                      ? t("Portal.consent.givenOn", { date: formatDate(state.at!, locale) })
                      : state.given === false
                        ? t("Portal.consent.withdrawnOn", { date: formatDate(state.at!, locale) })
                        : t("Portal.consent.never")}
                </p>
                {!state.asked && <p className="text-sm text-muted">{t("Portal.consent.inactive", { company: tenant.name })}</p>}
                <div className="flex flex-wrap gap-3">
                  {state.asked && (state.given !== true || state.earlierWording) && <ConsentToggle {...toggle} give again={state.given === true} />}
                  {state.given === true && <ConsentToggle {...toggle} give={false} />}
                </div>
              </li>
            );
          })}
        </ul>
        <HistorySection
          headingId="consent-history-heading"
          heading={t("Portal.consent.historyHeading")}
          empty={t("Portal.consent.historyEmpty")}
          testId="consent-history"
          columns={[t("Portal.consent.when"), t("Portal.consent.purpose"), t("Portal.consent.choice"), t("Portal.consent.wording"), t("Portal.consent.wordingVersion"), t("Portal.consent.version"), t("Portal.consent.channel")]}
        >
          {history.map((event) => (
            <tr key={event.id} className="border-b border-line align-top">
              <td className="whitespace-nowrap py-1 pe-4">{formatDateTime(event.at, locale)}</td>
              <td className="py-1 pe-4">{titles.get(event.purposeKey) ?? event.purposeKey}</td>
              <td className="py-1 pe-4">{event.given ? t("Portal.consent.given") : t("Portal.consent.withdrawn")}</td>
              <td className="max-w-md whitespace-pre-line py-1 pe-4">{event.wording}</td>
              <td className="py-1 pe-4">{event.purposeVersion ?? t("Portal.empty")}</td>
              <td className="py-1 pe-4">{event.statementVersion ?? t("Portal.empty")}</td>
              <td className="py-1 pe-4">{event.channel}</td>
            </tr>
          ))}
        </HistorySection>
        <section aria-labelledby="consent-records-heading" className="space-y-2">
          <h2 id="consent-records-heading" className="text-xl font-semibold">
            {t("Portal.consent.recordsHeading")}
          </h2>
          <p className="max-w-3xl">{t("Portal.consent.recordsIntro")}</p>
          <a href={`/api/t/${tenant.slug}/portal/consent-records.json`} download className="inline-block underline" data-testid="consent-records-link">
            {t("Portal.consent.recordsDownload")}
          </a>
        </section>
      </div>
    </PortalShell>
  );
}

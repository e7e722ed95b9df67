import type { Metadata } from "next";
import { NotifyForm } from "@/components/portal/notify-form";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import { RecordTable } from "@/components/portal/record-table";
import { PortalSignInForm } from "@/components/portal/sign-in-form";
import { translator } from "@/lib/i18n/messages";
import { consentStates } from "@/lib/portal/consent";
import { recordOverview } from "@/lib/portal/data";
import { customValues, profileFields } from "@/lib/portal/profile";
import { currentSubject } from "@/lib/portal/session";
import { signInMinutes } from "@/lib/portal/sign-in";
import { listRequests } from "@/lib/requests/requests";
import { isOpen } from "@/lib/requests/status";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ signedOut?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.metaTitle", { company: tenant.name }), robots: { index: false } };
}

/** The portal's home: sign in, or everything the tenant holds about the signed-in person. */
export default async function PortalPage({ params, searchParams }: Props) {
  const page = await resolveTenantPage(params);
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const subject = await currentSubject(tenant);
  const company = tenant.name;

  if (!subject) {
    const { signedOut } = await searchParams;
    return (
      <PortalShell page={page} subject={null}>
        <div className="space-y-4" data-testid="portal-signed-out">
          <h1 className="text-3xl font-bold">{t("Portal.title", { company })}</h1>
          {signedOut === "1" && (
            <p role="status" className="rounded border border-line bg-gray-50 p-3" data-testid="signed-out-notice">
              {t("Portal.signedOut")}
            </p>
          )}
          <p className="max-w-2xl">{t("Portal.signedOutIntro", { company })}</p>
          <PortalSignInForm
            tenant={tenant.slug}
            company={company}
            locale={locale}
            minutes={signInMinutes}
            restartHref={href("/portal")}
            requestHref={href("/request")}
          />
        </div>
      </PortalShell>
    );
  }

  const [fields, records, consents, requests] = await Promise.all([
    profileFields(tenant),
    recordOverview(tenant, subject.id),
    consentStates(tenant, subject.id),
    listRequests(tenant, { subjectId: subject.id }),
  ]);
  const custom = customValues(subject.customFields);
  const profileRows: Array<[string, string | null]> = [
    [t("Portal.fields.name"), subject.name],
    [t("Portal.fields.email"), subject.email],
    [t("Portal.fields.phone"), subject.phone],
    [t("Portal.fields.postalAddress"), subject.postalAddress],
    [t("Portal.fields.companyName"), subject.companyName],
    [t("Portal.fields.vatNumber"), subject.vatNumber],
    [t("Portal.fields.preferredLocale"), t(`Common.languageNames.${subject.preferredLocale === "en" ? "en" : "nl"}`)],
    ...fields.map((field): [string, string | null] => [field.label[locale] || field.key, custom[field.key] ?? null]),
  ];
  const given = consents.filter((c) => c.given === true).length;
  const open = requests.filter((r) => isOpen(r.status)).length;

  return (
    <PortalShell page={page} subject={subject} section="overview">
      <div className="space-y-10" data-testid="portal-overview">
        <PageHeader title={t("Portal.title", { company })} intro={t("Portal.overview.intro", { company })} />

        <section aria-labelledby="profile-heading" className="space-y-3">
          <h2 id="profile-heading" className="text-2xl font-semibold">
            {t("Portal.overview.profileHeading")}
          </h2>
          <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]" data-testid="profile-summary">
            {profileRows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold">{label}</dt>
                <dd className="mb-2 whitespace-pre-line sm:mb-0">{value || t("Portal.empty")}</dd>
              </div>
            ))}
          </dl>
          <p>
            <a href={href("/portal/profile")}>{t("Portal.overview.editProfile")}</a>
          </p>
        </section>

        <section aria-labelledby="records-heading" className="space-y-4" data-testid="records">
          <h2 id="records-heading" className="text-2xl font-semibold">
            {t("Portal.overview.recordsHeading", { company })}
          </h2>
          <p className="max-w-3xl">{t("Portal.overview.recordsIntro", { company })}</p>
          {records.length === 0 && <p>{t("Portal.overview.noRecords", { company })}</p>}
          {records.map((category, index) => (
            <section key={category.category} aria-labelledby={`cat-${index}`} className="space-y-4 rounded border border-line p-4" data-testid="record-category">
              <h3 id={`cat-${index}`} className="text-xl font-semibold">
                {category.category} <span className="text-base font-normal text-muted">({t("Portal.overview.categoryCount", { count: category.count })})</span>
              </h3>
              {category.groups.map((group) => {
                const query = new URLSearchParams({ category: group.category, source: group.sourceSystem });
                return (
                  <div key={group.sourceSystem} className="space-y-2">
                    <h4 className="font-semibold">{t("Portal.overview.source", { source: group.sourceSystem })}</h4>
                    <p className="text-sm text-muted">{t("Portal.overview.newestShown", { shown: group.newest.length, count: group.count })}</p>
                    <RecordTable records={group.newest} locale={locale} caption={`${group.category} – ${group.sourceSystem}`} />
                    <p className="flex flex-wrap gap-4 text-sm">
                      {group.count > group.newest.length && (
                        <a href={`${href("/portal/records")}?${query}`}>{t("Portal.overview.more", { count: group.count, source: group.sourceSystem })}</a>
                      )}
                      <a href={`${href("/portal/requests/new")}?${new URLSearchParams({ type: "RECTIFICATION", category: group.category, source: group.sourceSystem })}`}>
                        {t("Portal.overview.wrong")}
                      </a>
                    </p>
                  </div>
                );
              })}
            </section>
          ))}
        </section>

        <div className="grid gap-6 md:grid-cols-3">
          <section aria-labelledby="consent-heading" className="space-y-2">
            <h2 id="consent-heading" className="text-xl font-semibold">
              {t("Portal.overview.consentHeading")}
            </h2>
            <p>{t("Portal.overview.consentSummary", { given })}</p>
            <a href={href("/portal/consent")}>{t("Portal.overview.manageConsent")}</a>
          </section>
          <section aria-labelledby="requests-heading" className="space-y-2">
            <h2 id="requests-heading" className="text-xl font-semibold">
              {t("Portal.overview.requestsHeading")}
            </h2>
            <p>{t("Portal.overview.openRequests", { count: open })}</p>
            <a href={href("/portal/requests")}>{t("Portal.overview.toRequests")}</a>
          </section>
          <section aria-labelledby="log-heading" className="space-y-2">
            <h2 id="log-heading" className="text-xl font-semibold">
              {t("Portal.overview.logHeading")}
            </h2>
            <p>{t("Portal.overview.logSummary", { company })}</p>
            <a href={href("/portal/log")}>{t("Portal.overview.toLog")}</a>
          </section>
        </div>

        {/* Placeholder for the export: the route /api/t/{slug}/portal/export belongs to the export feature. */}
        <section aria-labelledby="download-heading" className="space-y-2" data-testid="portal-download">
          <h2 id="download-heading" className="text-xl font-semibold">
            {t("Portal.overview.downloadHeading")}
          </h2>
          <p>{t("Portal.overview.downloadText", { company })}</p>
          <a href={`/api/t/${tenant.slug}/portal/export`} data-testid="portal-export-link">
            {t("Portal.overview.downloadLink")}
          </a>
        </section>

        <section aria-labelledby="notify-heading" className="space-y-2">
          <h2 id="notify-heading" className="text-xl font-semibold">
            {t("Portal.overview.notifyHeading")}
          </h2>
          <NotifyForm tenant={tenant.slug} locale={locale} company={company} enabled={subject.notifyStatementChanges} />
        </section>
      </div>
    </PortalShell>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ComplaintSteps } from "@/components/authorities/complaint-steps";
import { ContactDetails } from "@/components/authorities/contact-details";
import { CountryPicker } from "@/components/authorities/country-picker";
import { authorityHref, dashboardHref, displayName, langAttr, secondName } from "@/components/authorities/display";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import type { Authority } from "@/lib/authorities/data";
import { residenceCountriesByName, guessResidenceCountry, parseResidenceCountry } from "@/lib/authorities/residence";
import { ClientMessages } from "@/components/client-messages";
import { DetailsForm } from "@/components/complaints/details-form";
import { complaintDetails } from "@/lib/complaints/details";
import { buildDossier } from "@/lib/complaints/dossier";
import { complaintLinks } from "@/lib/complaints/links";
import type { DossierRequest } from "@/lib/complaints/schema";
import { countryName } from "@/lib/geo/countries";
import { formatDate, translator, type Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Complaint.metaTitle", { company: tenant.name }), robots: { index: false } };
}

/**
 * Complaining about the tenant: the person's requests that give cause (late or
 * rejected), first the tenant itself, then the authority of the country where they
 * live or work (chosen here, saved with their details, or preselected from the
 * browser's language: the page shows the authority of exactly the country it
 * preselects, and the dossier names the same) and the tenant's lead authority, the
 * person's own details for the complaint, and the dossier to add to it.
 */
export default async function ComplainPage({ params, searchParams }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const company = tenant.name;
  const chosen = parseResidenceCountry((await searchParams).country);
  const guessed = guessResidenceCountry((await headers()).get("accept-language"));
  const dossier = await buildDossier(tenant, subject.id, { country: chosen, guessedCountry: guessed });
  if (!dossier) redirect(href("/portal"));
  const { countryAuthority, leadAuthority, country, countrySource } = dossier.authorities;
  const saved = await complaintDetails(tenant.id, subject.id);
  const hasDetails = saved.postalAddress !== null || saved.phone !== null || saved.outcome !== null || saved.country !== null;
  const grounds = dossier.requests.filter((r) => r.late || r.status === "REJECTED");
  const links = complaintLinks(tenant.slug, href, locale, chosen);

  return (
    <PortalShell page={page} subject={subject} section="complain">
      <div className="space-y-10 wrap-break-word" data-testid="complain">
        <PageHeader title={t("Complaint.title", { company })} intro={t("Complaint.intro", { company })} />

        <section aria-labelledby="grounds-heading" className="space-y-3">
          <h2 id="grounds-heading" className="text-2xl font-semibold">
            {t("Complaint.grounds.heading")}
          </h2>
          {grounds.length === 0 ? (
            <p data-testid="complaint-grounds-none">{t("Complaint.grounds.none", { company })}</p>
          ) : (
            <ul className="max-w-3xl space-y-2" data-testid="complaint-grounds">
              {grounds.map((request) => (
                <li key={request.reference} className="rounded border border-line p-3" data-testid={`ground-${request.reference}`}>
                  <p className="font-semibold">
                    <a href={href(`/portal/requests/${request.reference}`)}>{request.reference}</a> · {t(`Requests.types.${request.type}.title`)}
                  </p>
                  <p>{groundText(t, request, locale, company)}</p>
                  {request.rejectionReason && <p className="whitespace-pre-line">{t("Complaint.grounds.reason", { reason: request.rejectionReason })}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="first-heading" className="space-y-3">
          <h2 id="first-heading" className="text-2xl font-semibold">
            {t("Complaint.first.heading", { company })}
          </h2>
          <p className="max-w-3xl">{t("Complaint.first.text", { company })}</p>
          <dl className="grid max-w-3xl gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="company-contact">
            <dt className="font-semibold">{t("Complaint.first.email")}</dt>
            <dd className="min-w-0 wrap-anywhere">
              <a href={`mailto:${tenant.contactEmail}`}>{tenant.contactEmail}</a>
            </dd>
            {(tenant.dpoName || tenant.dpoEmail) && (
              <>
                <dt className="font-semibold">{t("Complaint.first.dpo")}</dt>
                <dd className="min-w-0 wrap-anywhere">
                  {tenant.dpoName}
                  {tenant.dpoName && tenant.dpoEmail && ", "}
                  {tenant.dpoEmail && <a href={`mailto:${tenant.dpoEmail}`}>{tenant.dpoEmail}</a>}
                </dd>
              </>
            )}
            <dt className="font-semibold">{t("Complaint.first.address")}</dt>
            <dd className="min-w-0 whitespace-pre-line">{[tenant.legalName, tenant.address].filter(Boolean).join("\n")}</dd>
          </dl>
        </section>

        <section id="mine" aria-labelledby="mine-heading" className="scroll-mt-4 space-y-3">
          <h2 id="mine-heading" className="text-2xl font-semibold">
            {t("Complaint.mine.heading")}
          </h2>
          <p className="max-w-3xl">{t("Complaint.mine.intro")}</p>
          <CountryPicker
            id="complain-country"
            action={`${href("/portal/complain")}#mine`}
            locale={locale}
            t={t}
            countries={residenceCountriesByName(locale)}
            chosen={countrySource === "guessed" ? null : country}
            guessed={countrySource === "guessed" ? country : null}
          />
          {country && countryAuthority ? (
            <AuthorityBox
              authority={countryAuthority}
              label={t("Authorities.mine.yours", { country: countryName(country, locale) })}
              note={countryNote(t, country, locale)}
              locale={locale}
              t={t}
              testId="country-authority"
            />
          ) : (
            <p className="text-muted">{t("Complaint.mine.notChosen")}</p>
          )}
          {country && countrySource === "guessed" && (
            <p className="max-w-3xl text-sm" data-testid="country-guessed">
              {t("Complaint.mine.guessedNote", { country: countryName(country, locale) })}
            </p>
          )}
        </section>

        <section aria-labelledby="lead-heading" className="space-y-3">
          <h2 id="lead-heading" className="text-2xl font-semibold">
            {t("Complaint.lead.heading", { company })}
          </h2>
          {leadAuthority ? (
            <>
              <p className="max-w-3xl">{t("Complaint.lead.text", { company })}</p>
              <AuthorityBox
                authority={leadAuthority}
                label={countryName(leadAuthority.country, locale)}
                note={countryAuthority?.id === leadAuthority.id ? t("Complaint.lead.same") : null}
                locale={locale}
                t={t}
                testId="lead-authority"
              />
            </>
          ) : (
            <p>{t("Complaint.lead.none", { company })}</p>
          )}
        </section>

        {(countryAuthority ?? leadAuthority) && <ComplaintSteps authority={(countryAuthority ?? leadAuthority)!} locale={locale} t={t} />}

        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="text-2xl font-semibold">
            {t("Complaint.details.heading")}
          </h2>
          <p className="max-w-3xl">{t("Complaint.details.intro", { company })}</p>
          <ClientMessages namespaces={["Errors", "Complaint"]}>
            <DetailsForm
              tenant={tenant.slug}
              locale={locale}
              company={company}
              // Until they saved details of their own, the profile's address and phone.
              values={hasDetails ? saved : { postalAddress: subject.postalAddress, phone: subject.phone, outcome: null }}
              country={country}
              countryText={country ? countryName(country, locale) : t("Complaint.details.noCountry")}
            />
          </ClientMessages>
        </section>

        <section aria-labelledby="dossier-heading" className="space-y-3" data-testid="dossier-links">
          <h2 id="dossier-heading" className="text-2xl font-semibold">
            {t("Complaint.dossier.heading")}
          </h2>
          <p className="max-w-3xl">{t("Complaint.dossier.text", { company })}</p>
          <ul className="list-disc space-y-1 ps-6">
            <li>
              <a href={links.page} data-testid="dossier-page-link">
                {t("Complaint.dossier.view")}
              </a>
            </li>
            <li>
              <a href={links.pdf} data-testid="dossier-pdf-link">
                {t("Complaint.dossier.pdf")}
              </a>
            </li>
            <li>
              <a href={links.json} data-testid="dossier-json-link">
                {t("Complaint.dossier.json")}
              </a>
            </li>
          </ul>
        </section>
      </div>
    </PortalShell>
  );
}

function groundText(t: Translator, request: DossierRequest, locale: Locale, company: string): string {
  const date = (iso: string | null) => (iso ? formatDate(new Date(iso), locale) : "");
  if (request.timeliness === "open-late") return t("Complaint.grounds.openLate", { company, due: date(request.effectiveDueAt), days: request.daysLate ?? 1 });
  if (request.timeliness === "closed-late") {
    return t("Complaint.grounds.closedLate", { company, closed: date(request.closedAt), due: date(request.effectiveDueAt), days: request.daysLate ?? 1 });
  }
  return request.closedAt ? t("Complaint.grounds.rejected", { company, closed: date(request.closedAt) }) : t("Complaint.grounds.rejectedNoDate", { company });
}

/** What the dashboard says about countries where complaining works differently. */
function countryNote(t: Translator, country: string, locale: Locale): ReactNode {
  if (country === "DE") {
    return (
      <>
        {t("Complaint.mine.germany")} <a href={dashboardHref(locale, { country: "DE" }, "list")}>{t("Complaint.mine.allGerman")}</a>
      </>
    );
  }
  if (country === "GB") return t("Authorities.mine.uk");
  if (country === "CH") return t("Authorities.mine.switzerland");
  if (["IS", "LI", "NO"].includes(country)) return t("Authorities.mine.eea", { country: countryName(country, locale) });
  return null;
}

function AuthorityBox({
  authority,
  label,
  note,
  locale,
  t,
  testId,
}: {
  authority: Authority;
  label: string;
  note: ReactNode;
  locale: Locale;
  t: Translator;
  testId: string;
}) {
  const name = displayName(authority, locale);
  const other = secondName(authority, locale);
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border-2 border-brand bg-blue-50 p-4" data-testid={testId}>
      <div className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide">{label}</p>
        <h3 className="text-xl font-bold">
          <span lang={langAttr(name.lang, locale)}>{name.text}</span>
          {authority.acronym && <span className="font-normal"> ({authority.acronym})</span>}
        </h3>
        {other && <p lang={langAttr(other.lang, locale)}>{other.text}</p>}
      </div>
      <ContactDetails authority={authority} t={t} locale={locale} />
      {note && <p>{note}</p>}
      <p>
        <a href={authorityHref(locale, authority.id)}>{t("Authorities.mine.details", { name: authority.acronym ?? name.text })}</a>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import { ComplaintSteps } from "@/components/authorities/complaint-steps";
import { ContactDetails } from "@/components/authorities/contact-details";
import { dashboardHref, displayName, groupLabel, langAttr, languageList, nameLanguage, regionName } from "@/components/authorities/display";
import { PageShell } from "@/components/page-shell";
import { authorityById, type Authority } from "@/lib/authorities/data";
import { formatDate, translator } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import type { Locale } from "@/lib/policy/content";

type Props = { params: Promise<{ locale: string; id: string }> };

async function resolve(params: Props["params"]): Promise<{ locale: Locale; authority: Authority }> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const authority = authorityById(id);
  if (!authority) notFound();
  return { locale, authority };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, authority } = await resolve(params);
  const name = displayName(authority, locale).text;
  const t = translator(locale);
  const place = groupLabel(authority.country, locale, t);
  return { title: `${authority.acronym ? `${name} (${authority.acronym})` : name} · ${place}` };
}

export default async function AuthorityPage({ params }: Props) {
  const { locale, authority } = await resolve(params);
  const t = translator(locale);
  const name = displayName(authority, locale);
  const region = regionName(authority, locale);
  const place = groupLabel(authority.country, locale, t);
  const scope =
    authority.scope === "federal"
      ? t("Authorities.detail.scopeFederal")
      : authority.scope === "state" && region
        ? t("Authorities.detail.scopeState", { region })
        : authority.scope === "eu-institutions"
          ? t("Authorities.detail.scopeEdps")
          : null;
  const facts: Array<{ label: string; value: ReactNode; lang?: string }> = [
    { label: t("Authorities.entry.localName"), value: authority.name.local, lang: nameLanguage(authority) },
    { label: t("Authorities.entry.englishName"), value: authority.name.en, lang: "en" },
    ...(authority.acronym ? [{ label: t("Authorities.entry.acronym"), value: authority.acronym }] : []),
    { label: t("Authorities.entry.country"), value: place },
    ...(region ? [{ label: t("Authorities.entry.region"), value: region }] : []),
    {
      label: t("Authorities.entry.languages"),
      value:
        authority.complaintLanguages.length > 0 ? (
          languageList(authority.complaintLanguages, locale)
        ) : (
          <span className="text-muted">{t("Authorities.entry.notListed")}</span>
        ),
    },
  ];

  return (
    <PageShell locale={locale}>
      <article className="space-y-8 wrap-break-word" data-testid="authority">
        <header className="space-y-2">
          <p className="no-print text-sm">
            <a href={dashboardHref(locale)}>{t("Authorities.detail.back")}</a>
          </p>
          <h1 className="text-3xl font-bold">
            <span lang={langAttr(name.lang, locale)}>{name.text}</span>
            {authority.acronym && <span className="font-normal"> ({authority.acronym})</span>}
          </h1>
          <p className="text-lg text-muted">{region ? `${place} · ${region}` : place}</p>
        </header>

        <section aria-labelledby="about-heading" className="space-y-3">
          <h2 id="about-heading" className="text-2xl font-semibold">
            {t("Authorities.detail.aboutHeading")}
          </h2>
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
            {facts.map((fact) => (
              <div key={fact.label} className="contents">
                <dt className="font-semibold">{fact.label}</dt>
                <dd className="min-w-0" lang={langAttr(fact.lang, locale)}>
                  {fact.value}
                </dd>
              </div>
            ))}
          </dl>
          {scope && <p className="max-w-3xl">{scope}</p>}
          <p className="text-sm text-muted" data-testid="checked-on">
            {t("Authorities.checked", { date: formatDate(new Date(`${authority.checkedOn}T12:00:00Z`), locale) })}
          </p>
        </section>

        <section aria-labelledby="contact-heading" className="space-y-3">
          <h2 id="contact-heading" className="text-2xl font-semibold">
            {t("Authorities.detail.contactHeading")}
          </h2>
          <ContactDetails authority={authority} t={t} locale={locale} />
        </section>

        <ComplaintSteps authority={authority} locale={locale} t={t} />
      </article>
    </PageShell>
  );
}

import type { Authority } from "@/lib/authorities/data";
import { countryName, euCountries, isInEea } from "@/lib/geo/countries";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { ContactDetails } from "./contact-details";
import { CountryPicker } from "./country-picker";
import { LandPicker } from "./land-picker";
import type { Land } from "@/lib/authorities/competence";
import { authorityHref, displayName, langAttr, secondName } from "./display";

/**
 * "Which one is mine?": a country select (preselected from the browser's language
 * where that fits) and, once a country is chosen, its authority with a plain
 * explanation of when to complain there and what to include.
 */
export function MineBox({
  locale,
  t,
  countries,
  chosen,
  guessed,
  land = null,
  authority,
}: {
  locale: Locale;
  t: Translator;
  /** The countries one can choose, in display order. */
  countries: readonly string[];
  /** The country from the query string, if any. */
  chosen: string | null;
  /** The country guessed from Accept-Language, used only when none was chosen. */
  guessed: string | null;
  /** Germany: the Land chosen, if any. */
  land?: Land | null;
  /** The chosen country's authority (in Germany: the chosen Land's). */
  authority: Authority | undefined;
}) {
  return (
    <section id="mine" aria-labelledby="mine-heading" className="scroll-mt-4 space-y-4" data-testid="mine">
      <h2 id="mine-heading" className="text-2xl font-semibold">
        {t("Authorities.mine.heading")}
      </h2>
      <p className="no-print">{t("Authorities.mine.intro")}</p>
      <CountryPicker id="mine-country" action={`/${locale}/authorities#mine`} locale={locale} t={t} countries={countries} chosen={chosen} guessed={guessed} />
      {chosen === "DE" && (
        <>
          {!authority && <p data-testid="land-needed">{t("Authorities.mine.landIntro")}</p>}
          <LandPicker id="mine-land" action={`/${locale}/authorities#mine`} locale={locale} t={t} chosen={land} />
        </>
      )}
      {chosen && authority && <MineAuthority locale={locale} t={t} country={chosen} authority={authority} />}
    </section>
  );
}

const eu: ReadonlySet<string> = new Set(euCountries);
const isInEu = (country: string) => eu.has(country);

function MineAuthority({ locale, t, country, authority }: { locale: Locale; t: Translator; country: string; authority: Authority }) {
  const name = displayName(authority, locale);
  const other = secondName(authority, locale);
  const place = countryName(country, locale);
  const notes: Record<string, string> = {
    DE: t("Authorities.mine.germany"),
    GB: t("Authorities.mine.uk"),
    CH: t("Authorities.mine.switzerland"),
  };
  const note = notes[country] ?? (isInEea(country) && !isInEu(country) ? t("Authorities.mine.eea", { country: place }) : null);
  return (
    <div className="space-y-4 rounded-lg border-2 border-brand bg-blue-50 p-4 wrap-break-word" data-testid="mine-authority">
      <div className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide">{t("Authorities.mine.yours", { country: place })}</p>
        <h3 className="text-xl font-bold">
          <span lang={langAttr(name.lang, locale)}>{name.text}</span>
          {authority.acronym && <span className="font-normal"> ({authority.acronym})</span>}
        </h3>
        {other && <p lang={langAttr(other.lang, locale)}>{other.text}</p>}
      </div>
      <ContactDetails authority={authority} t={t} locale={locale} />
      <p className="no-print">
        <a href={authorityHref(locale, authority.id)}>{t("Authorities.mine.details", { name: authority.acronym ?? name.text })}</a>
      </p>
      {note && <p>{note}</p>}
      <div className="space-y-2">
        <h4 className="font-semibold">{t("Authorities.mine.whenHeading")}</h4>
        <ul className="list-disc space-y-1 ps-5">
          <li>{t("Authorities.mine.whenWhere", { country: place })}</li>
          <li>{t("Authorities.mine.whenFirst")}</li>
          <li>{t("Authorities.mine.whenFree")}</li>
        </ul>
      </div>
      <div className="space-y-2">
        <h4 className="font-semibold">{t("Authorities.mine.includeHeading")}</h4>
        <ul className="list-disc space-y-1 ps-5">
          <li>{t("Authorities.mine.includeWho")}</li>
          <li>{t("Authorities.mine.includeOrganisation")}</li>
          <li>{t("Authorities.mine.includeWhat")}</li>
          <li>{t("Authorities.mine.includeAsked")}</li>
          <li>{t("Authorities.mine.includeCopies")}</li>
          <li>{t("Authorities.mine.includeReferences")}</li>
        </ul>
      </div>
    </div>
  );
}

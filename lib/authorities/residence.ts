import { countryFromAcceptLanguage } from "@/lib/authorities/country-from-language";
import { authorities } from "@/lib/authorities/data";
import { parseCountryParam } from "@/lib/authorities/search";
import { countryName } from "@/lib/geo/countries";

/**
 * The countries a person can name as where they live or work: every country with an
 * authority of its own (the EDPS, "EU", supervises EU institutions, not companies).
 */
export const residenceCountries: readonly string[] = [...new Set(authorities.map((a) => a.country))].filter((c) => c !== "EU");
const known: ReadonlySet<string> = new Set(residenceCountries);

/** `?country=nl` → "NL"; anything else → null. */
export function parseResidenceCountry(value: string | string[] | undefined | null): string | null {
  return parseCountryParam(value ?? undefined, residenceCountries);
}

/** A first guess from Accept-Language, to preselect the country; never used as a choice. */
export function guessResidenceCountry(acceptLanguage: string | null | undefined): string | null {
  return countryFromAcceptLanguage(acceptLanguage, known);
}

/** The countries sorted by their name in the page language. */
export function residenceCountriesByName(locale: string): string[] {
  const collator = new Intl.Collator(locale);
  return [...residenceCountries].sort((a, b) => collator.compare(countryName(a, locale), countryName(b, locale)));
}

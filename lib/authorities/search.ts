import type { Authority } from "./data";
import { countryName } from "@/lib/geo/countries";
import { COUNTRY_ALIASES, SEAT_CITIES } from "./places";

/**
 * Searching and grouping the supervisory authorities for the public dashboard.
 *
 * The server filters with these functions (a GET form, no JavaScript needed) and
 * puts each entry's normalised search text on the page, so that the small client
 * filter can use the same `normalize`/`matchesTerms` as one types. This module is
 * imported by that client component: keep it free of server-only imports and only
 * import types from ./data.
 */

/** The languages whose country names are searchable, whatever the page language. */
const SEARCH_LOCALES = ["nl", "en"] as const;

/** Extra words that find the EDPS, whose "country" is the EU. */
const EU_ALIASES = ["EU-instellingen", "instellingen van de EU", "EU institutions", "Europese Unie", "European Union"];

/** Lower case, without accents and with single spaces: "Datenschutzbehörde " → "datenschutzbehorde". */
export function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a query, normalised; an empty query has no terms and matches everything. */
export function searchTerms(query: string | null | undefined): string[] {
  const normalized = normalize(query ?? "");
  return normalized ? normalized.split(" ") : [];
}

/** Terms this short match whole words only, so "UK" or "AP" do not find every name with "uk" or "ap" inside. */
const WHOLE_WORD_MAX = 2;
/** Terms up to this length match the start of a word ("ICO" not inside "Nicosia", "Ned" as one types "Nederland"). */
const WORD_START_MAX = 3;

/**
 * Every term occurs in the (normalised) text: a term of one or two characters as a
 * whole word, one of three as the start of a word, a longer one anywhere (so
 * "Nordrhein" and "tilsynet" match as one types).
 */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  let words: string[] | null = null;
  return terms.every((term) => {
    if (term.length > WORD_START_MAX) return haystack.includes(term);
    words ??= haystack.split(/[^\p{L}\p{N}]+/u);
    return term.length <= WHOLE_WORD_MAX ? words.includes(term) : words.some((word) => word.startsWith(term));
  });
}

/**
 * What a query is matched against, normalised: the name in the authority's own
 * language and in English, the acronym, the country name in Dutch, English and the
 * local language with common aliases ("Deutschland", "UK", "Norge"), the city it
 * sits in and the region (German Land) in Dutch, English and German.
 */
export function searchText(authority: Authority): string {
  const parts: string[] = [authority.name.local, authority.name.en];
  if (authority.acronym) parts.push(authority.acronym);
  for (const locale of SEARCH_LOCALES) parts.push(countryName(authority.country, locale));
  parts.push(...(COUNTRY_ALIASES[authority.country] ?? []), ...(SEAT_CITIES[authority.id] ?? []));
  if (authority.country === "EU") parts.push(...EU_ALIASES);
  if (authority.region) parts.push(authority.region.nl, authority.region.en, authority.region.local);
  return normalize([...new Set(parts)].join(" | "));
}

export interface AuthorityFilter {
  /** Free text; every word must occur in the entry's search text. */
  q?: string | null;
  /** A country code ("NL", "DE", "EU"); null or empty for all countries. */
  country?: string | null;
}

export function matchesFilter(authority: Authority, filter: AuthorityFilter): boolean {
  const country = filter.country?.trim().toUpperCase();
  if (country && authority.country !== country) return false;
  const terms = searchTerms(filter.q);
  return terms.length === 0 || matchesTerms(searchText(authority), terms);
}

export function filterAuthorities(list: readonly Authority[], filter: AuthorityFilter): Authority[] {
  return list.filter((authority) => matchesFilter(authority, filter));
}

/**
 * A country code from the query string, when it is one of `known`: "nl" → "NL";
 * anything else (missing, repeated, unknown) → null.
 */
export function parseCountryParam(value: string | string[] | undefined, known: Iterable<string>): string | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return null;
  for (const candidate of known) if (candidate === code) return code;
  return null;
}

/** A single query-string value, trimmed and bounded; arrays and missing values give "". */
export function parseQueryParam(value: string | string[] | undefined, maxLength = 100): string {
  return typeof value === "string" ? value.trim().slice(0, maxLength) : "";
}

export interface AuthorityGroup {
  /** The country code, or "EU" for the EU institutions. */
  country: string;
  authorities: Authority[];
}

const SCOPE_ORDER: Record<Authority["scope"], number> = { national: 0, federal: 1, "eu-institutions": 2, state: 3 };

/**
 * The authorities grouped by country, countries in alphabetical order of their name
 * in the page language and the EU institutions last. Within a country the national
 * or federal authority comes first, then the regional ones (Germany's Länder) by
 * their name in the page language.
 */
export function groupByCountry(list: readonly Authority[], locale: string): AuthorityGroup[] {
  const collator = new Intl.Collator(locale);
  const groups = new Map<string, Authority[]>();
  for (const authority of list) {
    const members = groups.get(authority.country) ?? [];
    members.push(authority);
    groups.set(authority.country, members);
  }
  const regionName = (a: Authority) => (a.region ? (locale === "nl" ? a.region.nl : locale === "en" ? a.region.en : a.region.local) : "");
  return [...groups.entries()]
    .map(([country, members]) => ({
      country,
      authorities: [...members].sort(
        (a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || collator.compare(regionName(a), regionName(b)),
      ),
    }))
    .sort(
      (a, b) =>
        Number(a.country === "EU") - Number(b.country === "EU") ||
        collator.compare(countryName(a.country, locale), countryName(b.country, locale)),
    );
}

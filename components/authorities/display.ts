import type { Authority } from "@/lib/authorities/data";
import { countryName } from "@/lib/geo/countries";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

/**
 * The language of an authority's own name, for the `lang` attribute: undefined when
 * the name mixes languages (Belgium's is in Dutch, French and German).
 */
export function nameLanguage(authority: Authority): string | undefined {
  if (authority.name.local === authority.name.en) return "en";
  if (authority.country === "BE") return undefined;
  return authority.complaintLanguages[0];
}

/** The name to show first: the own name when it is in the page language, else the English one. */
export function displayName(authority: Authority, locale: Locale): { text: string; lang?: string } {
  const own = nameLanguage(authority);
  if (own === locale || locale !== "en" && own === undefined && authority.complaintLanguages.includes(locale)) {
    return { text: authority.name.local, lang: own };
  }
  return { text: authority.name.en, lang: "en" };
}

/** The other name, when it differs from the one shown first. */
export function secondName(authority: Authority, locale: Locale): { text: string; lang?: string } | null {
  const first = displayName(authority, locale);
  if (authority.name.local === authority.name.en) return null;
  return first.text === authority.name.local ? { text: authority.name.en, lang: "en" } : { text: authority.name.local, lang: nameLanguage(authority) };
}

/** `lang` only where it differs from the page, so screen readers switch voice. */
export function langAttr(lang: string | undefined, locale: Locale): string | undefined {
  return lang && lang !== locale ? lang : undefined;
}

/** The country's name in the page language; the EDPS's "country" reads as the EU institutions. */
export function groupLabel(country: string, locale: Locale, t: Translator): string {
  return country === "EU" ? t("Authorities.euInstitutions") : countryName(country, locale);
}

export function regionName(authority: Authority, locale: Locale): string | null {
  return authority.region ? authority.region[locale] : null;
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "Dutch, French and German" in the page language. */
export function languageList(codes: readonly string[], locale: Locale): string {
  let display = languageNames.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
    languageNames.set(locale, display);
  }
  const names = codes.map((code) => display.of(code) ?? code);
  return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(names);
}

/** "www.cnil.fr" for a link text. */
export function hostOf(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    return pathname.length > 1 ? `${hostname}${pathname.replace(/\/$/, "")}` : hostname;
  } catch {
    return url;
  }
}

export function authorityHref(locale: Locale, id: string): string {
  return `/${locale}/authorities/${id}`;
}

export function dashboardHref(locale: Locale, query: { country?: string | null; q?: string | null } = {}, hash?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.country) params.set("country", query.country);
  const search = params.toString();
  return `/${locale}/authorities${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

export const euCountries = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;

/** The European Economic Area: the EU plus Iceland, Liechtenstein and Norway. */
export const eeaCountries: ReadonlySet<string> = new Set([...euCountries, "IS", "LI", "NO"]);

export function isInEea(country: string): boolean {
  return eeaCountries.has(country);
}

const names = new Map<string, Intl.DisplayNames>();

/** The country's name in the given language; "EU" names the European Union. */
export function countryName(code: string, locale: string): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    names.set(locale, display);
  }
  return display.of(code) ?? code;
}

/** ISO 3166-1 alpha-2 codes of the countries a company may be established in. */
export const countryCodes = (
  "AD AE AF AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CW CY CZ " +
  "DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FO FR GA GB GD GE GG GH GI GL GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP " +
  "KE KG KH KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NZ OM " +
  "PA PE PG PH PK PL PR PS PT PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SX SY SZ TD TG TH TJ TL TM TN TO TR TT TW TZ UA UG US " +
  "UY UZ VA VC VE VG VN VU WS XK YE ZA ZM ZW"
).split(" ");

/** Country options for a select, sorted by name in the given language. */
export function countryOptions(locale: string): Array<{ value: string; label: string }> {
  return countryCodes
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

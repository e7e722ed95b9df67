/**
 * A first guess at the country where a visitor lives, from the Accept-Language
 * header, to preselect "which authority is mine?". Only a guess: the visitor always
 * chooses, and when nothing fits there is no preselection.
 *
 * A region in the tag wins (nl-NL → NL, de-AT → AT, en-GB → GB). A bare language
 * is used only where it points at one country (nl → NL, da → DK, nb/nn/no → NO);
 * English, and any language not listed, give no guess.
 */

/** Languages spoken mainly in one of the countries that have an authority here. */
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, string>> = {
  bg: "BG",
  cs: "CZ",
  da: "DK",
  de: "DE",
  el: "GR",
  es: "ES",
  et: "EE",
  fi: "FI",
  fr: "FR",
  ga: "IE",
  hr: "HR",
  hu: "HU",
  is: "IS",
  it: "IT",
  lb: "LU",
  lt: "LT",
  lv: "LV",
  mt: "MT",
  nb: "NO",
  nl: "NL",
  nn: "NO",
  no: "NO",
  pl: "PL",
  pt: "PT",
  ro: "RO",
  sk: "SK",
  sl: "SI",
  sv: "SE",
};

/** Region subtags that browsers or people use for a country under another code. */
const REGION_ALIASES: Readonly<Record<string, string>> = { UK: "GB", EL: "GR" };

interface RankedTag {
  language: string;
  region: string | null;
}

function rankedTags(header: string): RankedTag[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
      const parsed = q ? Number(q.slice(2)) : 1;
      const quality = Number.isFinite(parsed) ? parsed : 0;
      const subtags = tag.trim().replace(/_/g, "-").split("-");
      const language = (subtags[0] ?? "").toLowerCase();
      // The region is the first two-letter subtag after the language (a script has four letters).
      const region = subtags.slice(1).find((s) => /^[a-z]{2}$/i.test(s))?.toUpperCase() ?? null;
      return { language, region, quality, index };
    })
    .filter((entry) => entry.quality > 0 && /^[a-z]{2,3}$/.test(entry.language))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
}

/**
 * The country to preselect for this Accept-Language header, or null. `available`
 * are the country codes the visitor can choose from; a guess outside it is dropped
 * and the next preferred language is tried.
 */
export function countryFromAcceptLanguage(
  header: string | null | undefined,
  available: ReadonlySet<string> | readonly string[],
): string | null {
  if (!header) return null;
  const allowed = available instanceof Set ? available : new Set(available as readonly string[]);
  for (const { language, region } of rankedTags(header)) {
    const guess = region ? (REGION_ALIASES[region] ?? region) : (COUNTRY_OF_LANGUAGE[language] ?? null);
    if (guess && allowed.has(guess)) return guess;
  }
  return null;
}

import { authorityById, defaultAuthorityForCountry, type Authority } from "./data";
import { normalize } from "./search";

/**
 * Which supervisory authority is competent for a tenant, and which one a person in
 * Germany turns to.
 *
 * Germany has no national authority for companies: a private company is supervised
 * by the authority of the Land where it is established (§ 40(1) and (2) BDSG); the
 * federal BfDI supervises federal public bodies (§ 9 BDSG) and companies providing
 * telecommunications or postal services (TDDDG § 29, PostG § 42). Whether a tenant is
 * such a company is not recorded in Inzage, so that is "not stated" and the BfDI is
 * offered as the alternative, never the default. A person may complain to any
 * authority (GDPR art. 77(1)); in Germany the one where they live passes it on
 * (§ 19(2) BDSG), so a person chooses their Land.
 */

/** The Länder by their ISO 3166-2:DE code, with the authority that supervises companies there. */
export const LAND_AUTHORITY = {
  BW: "de-bw-lfdi",
  BY: "de-by-lda",
  BE: "de-be-blnbdi",
  BB: "de-bb-lda",
  HB: "de-hb-lfdi",
  HH: "de-hh-hmbbfdi",
  HE: "de-he-hbdi",
  MV: "de-mv-lfdi",
  NI: "de-ni-lfd",
  NW: "de-nw-ldi",
  RP: "de-rp-lfdi",
  SL: "de-sl-udz",
  SN: "de-sn-sdtb",
  ST: "de-st-lfd",
  SH: "de-sh-uld",
  TH: "de-th-tlfdi",
} as const;

export type Land = keyof typeof LAND_AUTHORITY;
export const lands = Object.keys(LAND_AUTHORITY) as Land[];

export function isLand(value: unknown): value is Land {
  return typeof value === "string" && Object.hasOwn(LAND_AUTHORITY, value);
}

/** `?land=by` → "BY"; anything else → null. */
export function parseLand(value: string | string[] | undefined | null): Land | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toUpperCase();
  return isLand(code) ? code : null;
}

export function landAuthority(land: Land): Authority {
  return authorityById(LAND_AUTHORITY[land])!;
}

/**
 * The Land of German cities whose Land is unambiguous: every Land capital and the
 * larger cities. Names that exist in two Länder are left out on purpose ("Frankfurt":
 * am Main is in Hessen, (Oder) in Brandenburg; "Halle": (Saale) in Sachsen-Anhalt,
 * (Westf.) in Nordrhein-Westfalen; "Offenbach"), so only their full names match.
 * A city not listed gives no Land: then the person is asked, nothing is guessed.
 */
const CITY_LAND: Readonly<Record<string, Land>> = cityTable({
  BW: ["Stuttgart", "Karlsruhe", "Mannheim", "Freiburg im Breisgau", "Heidelberg", "Ulm", "Heilbronn", "Pforzheim", "Reutlingen", "Tübingen", "Konstanz"],
  BY: ["München", "Munich", "Nürnberg", "Augsburg", "Regensburg", "Ingolstadt", "Würzburg", "Fürth", "Erlangen", "Bamberg", "Bayreuth", "Ansbach", "Passau", "Landshut", "Rosenheim"],
  BE: ["Berlin"],
  BB: ["Potsdam", "Cottbus", "Brandenburg an der Havel", "Frankfurt (Oder)", "Frankfurt an der Oder", "Kleinmachnow"],
  HB: ["Bremen", "Bremerhaven"],
  HH: ["Hamburg"],
  HE: ["Wiesbaden", "Frankfurt am Main", "Frankfurt a. M.", "Frankfurt/Main", "Kassel", "Darmstadt", "Offenbach am Main", "Gießen", "Marburg", "Fulda", "Hanau"],
  MV: ["Schwerin", "Rostock", "Greifswald", "Stralsund", "Wismar", "Neubrandenburg"],
  NI: ["Hannover", "Braunschweig", "Oldenburg (Oldb)", "Osnabrück", "Göttingen", "Wolfsburg", "Hildesheim", "Salzgitter", "Lüneburg"],
  NW: ["Düsseldorf", "Köln", "Cologne", "Dortmund", "Essen", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Aachen", "Gelsenkirchen", "Mönchengladbach", "Krefeld", "Oberhausen", "Hagen", "Hamm", "Leverkusen", "Paderborn", "Neuss", "Solingen"],
  RP: ["Mainz", "Ludwigshafen am Rhein", "Koblenz", "Trier", "Kaiserslautern", "Worms"],
  SL: ["Saarbrücken", "Saarlouis", "Neunkirchen (Saar)", "Homburg (Saar)"],
  SN: ["Dresden", "Leipzig", "Chemnitz", "Zwickau", "Plauen", "Görlitz"],
  ST: ["Magdeburg", "Halle (Saale)", "Dessau-Roßlau", "Wittenberg", "Lutherstadt Wittenberg"],
  SH: ["Kiel", "Lübeck", "Flensburg", "Neumünster", "Norderstedt"],
  TH: ["Erfurt", "Jena", "Weimar", "Gera", "Gotha", "Eisenach", "Suhl"],
});

function cityTable(byLand: Record<Land, string[]>): Record<string, Land> {
  const table: Record<string, Land> = {};
  for (const land of lands) for (const city of byLand[land]) table[normalize(city)] = land;
  return table;
}

/** The Land of a city name ("München", "frankfurt am main"), or null when it is not known for certain. */
export function landOfCity(city: string): Land | null {
  return CITY_LAND[normalize(city)] ?? null;
}

/**
 * The Land of a German postal address, from the city after the five-digit postcode
 * ("Promenade 18\n91522 Ansbach") or a line that is a known city. The postcode itself
 * is not used: postcode areas cross Land borders. Null when it cannot be told.
 */
export function landFromAddress(address: string): Land | null {
  const lines = address
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines) {
    const match = /^(?:D-?\s*)?\d{5}\s+(.+)$/i.exec(line);
    if (match) {
      const land = landOfCity(match[1]!);
      if (land) return land;
    }
  }
  for (const line of lines) {
    const land = landOfCity(line);
    if (land) return land;
  }
  return null;
}

export interface Competence {
  /** The authority competent for the tenant, or null when Inzage cannot tell (the person chooses from `choices`). */
  authority: Authority | null;
  /**
   * national: the country's authority; seat: the Land authority of the tenant's seat,
   * from its address; lead: the Land authority the tenant named as its lead
   * authority (its address did not tell the Land); choose: not determined;
   * none: no authority of that country is listed.
   */
  basis: "national" | "seat" | "lead" | "choose" | "none";
  /** Germany: the Land, when known. */
  land: Land | null;
  /** Germany: the BfDI, competent instead for telecoms, postal services and federal bodies; whether this tenant is one is not stated. */
  federalAlternative: Authority | null;
  /** Germany, when the Land is not known: the 16 Land authorities to choose from. */
  choices: Authority[];
}

export interface TenantSeat {
  country: string;
  address: string;
  leadAuthorityId: string | null;
}

/** The authority competent for a tenant's country and seat (see the module comment). */
export function competentAuthority(tenant: TenantSeat): Competence {
  const country = tenant.country.trim().toUpperCase();
  if (country !== "DE") {
    const authority = defaultAuthorityForCountry(country) ?? null;
    return { authority, basis: authority ? "national" : "none", land: null, federalAlternative: null, choices: [] };
  }
  const federalAlternative = authorityById("de-bfdi") ?? null;
  const land = landFromAddress(tenant.address);
  if (land) return { authority: landAuthority(land), basis: "seat", land, federalAlternative, choices: [] };
  const lead = tenant.leadAuthorityId ? authorityById(tenant.leadAuthorityId) : undefined;
  const leadLand = lead && lead.scope === "state" ? lands.find((l) => LAND_AUTHORITY[l] === lead.id) : undefined;
  if (lead && leadLand) return { authority: lead, basis: "lead", land: leadLand, federalAlternative, choices: [] };
  return { authority: null, basis: "choose", land: null, federalAlternative, choices: lands.map(landAuthority) };
}

/**
 * The authority for a person who lives or works in `country`: its national
 * authority; in Germany the authority of the Land they chose, or none until they do
 * (`needsLand`). Never the BfDI by default.
 */
export function residenceAuthority(country: string, land: Land | null): { authority: Authority | null; needsLand: boolean } {
  const code = country.trim().toUpperCase();
  if (code === "DE") return land ? { authority: landAuthority(land), needsLand: false } : { authority: null, needsLand: true };
  return { authority: defaultAuthorityForCountry(code) ?? null, needsLand: false };
}

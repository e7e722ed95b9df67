import { describe, expect, it } from "vitest";
import { authorities } from "./data";
import {
  filterAuthorities,
  groupByCountry,
  matchesTerms,
  normalize,
  parseCountryParam,
  parseQueryParam,
  searchTerms,
  searchText,
} from "./search";

const countriesOf = (q: string, country?: string) =>
  [...new Set(filterAuthorities(authorities, { q, country }).map((a) => a.country))].sort();
const idsOf = (q: string, country?: string) => filterAuthorities(authorities, { q, country }).map((a) => a.id);

describe("normalize and terms", () => {
  it("lowers case, drops accents and collapses spaces", () => {
    expect(normalize("  Datenschutzbehörde  ÚOOÚ ")).toBe("datenschutzbehorde uoou");
    expect(normalize("Thüringen")).toBe("thuringen");
    expect(normalize("Straße")).toBe("strasse");
    expect(normalize("Autorité\tde   protection")).toBe("autorite de protection");
  });

  it("splits a query into normalised words; empty queries have none", () => {
    expect(searchTerms(" Data  Tilsynet ")).toEqual(["data", "tilsynet"]);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it("needs every term", () => {
    expect(matchesTerms("datatilsynet denemarken", ["data", "denem"])).toBe(true);
    expect(matchesTerms("datatilsynet denemarken", ["data", "noor"])).toBe(false);
    expect(matchesTerms("anything", [])).toBe(true);
  });
});

describe("searching authorities", () => {
  it("finds Datatilsynet in Norway and Denmark only", () => {
    expect(countriesOf("Datatilsynet")).toEqual(["DK", "NO"]);
    expect(countriesOf("datatilsynet")).toEqual(["DK", "NO"]);
  });

  it("finds by acronym", () => {
    expect(idsOf("CNIL")).toEqual(["fr-cnil"]);
    expect(idsOf("BayLDA")).toEqual(["de-by-lda"]);
    expect(idsOf("edps")).toEqual(["eu-edps"]);
  });

  it("finds by the name in English and in the authority's own language", () => {
    expect(idsOf("Autoriteit Persoonsgegevens")).toEqual(["nl-ap"]);
    expect(idsOf("Dutch Data Protection")).toEqual(["nl-ap"]);
    expect(idsOf("Integritetsskyddsmyndigheten")).toEqual(["se-imy"]);
    expect(idsOf("Swedish Authority")).toEqual(["se-imy"]);
    expect(idsOf("Personuvernd")).toEqual(["is-personuvernd"]); // without the accent
  });

  it("finds by country name in Dutch and in English", () => {
    expect(countriesOf("Frankrijk")).toEqual(["FR"]);
    expect(countriesOf("France")).toEqual(["FR"]);
    expect(countriesOf("Duitsland")).toEqual(["DE"]);
    expect(filterAuthorities(authorities, { q: "Germany" })).toHaveLength(17);
    expect(countriesOf("Verenigd Koninkrijk")).toEqual(["GB"]);
    expect(countriesOf("Zwitserland")).toEqual(["CH"]);
  });

  it("finds by region in Dutch, English and German", () => {
    expect(idsOf("Beieren")).toEqual(["de-by-lda"]);
    expect(idsOf("Bavaria")).toEqual(["de-by-lda"]);
    expect(idsOf("Noordrijn-Westfalen")).toEqual(["de-nw-ldi"]);
    expect(idsOf("Nordrhein")).toEqual(["de-nw-ldi"]);
    expect(idsOf("Lower Saxony")).toEqual(["de-ni-lfd"]);
  });

  it("finds by country name in the local language and by common aliases (issue 12)", () => {
    expect(filterAuthorities(authorities, { q: "Deutschland" })).toHaveLength(17);
    expect(countriesOf("UK")).toEqual(["GB"]);
    expect(countriesOf("uk")).toEqual(["GB"]);
    expect(countriesOf("England")).toEqual(["GB"]);
    expect(countriesOf("Engeland")).toEqual(["GB"]);
    expect(countriesOf("Norge")).toEqual(["NO"]);
    expect(countriesOf("Sverige")).toEqual(["SE"]);
    expect(countriesOf("España")).toEqual(["ES"]);
    expect(countriesOf("espana")).toEqual(["ES"]);
    expect(countriesOf("Österreich")).toEqual(["AT"]);
    expect(countriesOf("Schweiz")).toEqual(["CH"]);
    expect(countriesOf("Holland")).toEqual(["NL"]);
    expect(countriesOf("Polska")).toEqual(["PL"]);
    expect(countriesOf("Ελλάδα")).toEqual(["GR"]);
  });

  it("finds by the city an authority sits in, in the local language, Dutch and English", () => {
    expect(idsOf("Den Haag")).toEqual(["nl-ap"]);
    expect(idsOf("The Hague")).toEqual(["nl-ap"]);
    expect(idsOf("Wenen")).toEqual(["at-dsb"]);
    expect(idsOf("Bonn")).toEqual(["de-bfdi"]);
    expect(idsOf("Ansbach")).toEqual(["de-by-lda"]);
    expect(idsOf("Wilmslow")).toEqual(["gb-ico"]);
    expect(idsOf("Dublin")).toEqual(["ie-dpc"]);
    expect(idsOf("Madrid")).toEqual(["es-aepd"]);
    expect(idsOf("Brussel").sort()).toEqual(["be-gba-apd", "eu-edps"]);
  });

  it("finds by acronym, short ones as a whole word only", () => {
    expect(idsOf("AP")).toEqual(["nl-ap"]);
    expect(idsOf("ap")).toEqual(["nl-ap"]);
    expect(idsOf("AEPD")).toEqual(["es-aepd"]);
    expect(idsOf("BfDI")).toEqual(["de-bfdi", "de-hh-hmbbfdi"]); // Hamburg's acronym is HmbBfDI
    expect(idsOf("ICO")).toEqual(["gb-ico"]);
    expect(idsOf("DPC")).toEqual(["ie-dpc"]);
    expect(idsOf("IP")).toEqual(["si-ip"]);
    expect(idsOf("LfDI").length).toBeGreaterThanOrEqual(3);
    expect(idsOf("LfDI").every((id) => id.startsWith("de-"))).toBe(true);
  });

  it("a short term matches whole words only; a longer one anywhere, as one types", () => {
    expect(matchesTerms("gba/apd | belgie", ["ap"])).toBe(false);
    expect(matchesTerms("gba/apd | belgie", ["apd"])).toBe(true);
    expect(matchesTerms("autoriteit persoonsgegevens | ap", ["ap"])).toBe(true);
    expect(matchesTerms("datatilsynet", ["tilsyn"])).toBe(true);
    expect(matchesTerms("nicosia | cyprus", ["ico"])).toBe(false);
    expect(matchesTerms("nederland | netherlands", ["ned"])).toBe(true);
  });

  it("finds the EDPS as the EU institutions", () => {
    expect(idsOf("EU-instellingen")).toEqual(["eu-edps"]);
    expect(idsOf("EU institutions")).toEqual(["eu-edps"]);
  });

  it("filters by country, case-insensitively, together with the query", () => {
    expect(idsOf("", "NL")).toEqual(["nl-ap"]);
    expect(idsOf("", "nl")).toEqual(["nl-ap"]);
    expect(idsOf("", "DE")).toHaveLength(17);
    expect(idsOf("Hamburg", "DE")).toEqual(["de-hh-hmbbfdi"]);
    expect(idsOf("Datatilsynet", "NO")).toEqual(["no-datatilsynet"]);
    expect(idsOf("CNIL", "NL")).toEqual([]);
  });

  it("an empty filter returns everything", () => {
    expect(filterAuthorities(authorities, {})).toHaveLength(authorities.length);
    expect(filterAuthorities(authorities, { q: " ", country: "" })).toHaveLength(authorities.length);
  });

  it("the search text holds no more than what is searched", () => {
    const text = searchText(authorities.find((a) => a.id === "nl-ap")!);
    expect(text).toContain("autoriteit persoonsgegevens");
    expect(text).toContain("nederland");
    expect(text).toContain("netherlands");
    expect(text).not.toContain("postbus");
  });
});

describe("grouping", () => {
  it("groups by country in the page language, the EU institutions last", () => {
    const nl = groupByCountry(authorities, "nl");
    const en = groupByCountry(authorities, "en");
    expect(nl.at(-1)?.country).toBe("EU");
    expect(en.at(-1)?.country).toBe("EU");
    expect(nl.map((g) => g.country)).toHaveLength(new Set(authorities.map((a) => a.country)).size);
    // België, Bulgarije, Cyprus, Denemarken, Duitsland … in Dutch; Austria, Belgium, Bulgaria … in English
    expect(nl.slice(0, 5).map((g) => g.country)).toEqual(["BE", "BG", "CY", "DK", "DE"]);
    expect(en.slice(0, 3).map((g) => g.country)).toEqual(["AT", "BE", "BG"]);
    expect(en.findIndex((g) => g.country === "DE")).toBeLessThan(en.findIndex((g) => g.country === "GR"));
  });

  it("shows Germany's federal BfDI first, then the 16 Länder by name in the page language", () => {
    const de = groupByCountry(authorities, "nl").find((g) => g.country === "DE")!;
    expect(de.authorities).toHaveLength(17);
    expect(de.authorities[0].id).toBe("de-bfdi");
    const regionsNl = de.authorities.slice(1).map((a) => a.region!.nl);
    expect(regionsNl).toEqual([...regionsNl].sort(new Intl.Collator("nl").compare));
    expect(regionsNl[0]).toBe("Baden-Württemberg");
    expect(regionsNl[1]).toBe("Beieren");
    const regionsEn = groupByCountry(authorities, "en").find((g) => g.country === "DE")!.authorities.slice(1).map((a) => a.region!.en);
    expect(regionsEn[1]).toBe("Bavaria");
    expect(regionsEn.at(-1)).toBe("Thuringia");
  });

  it("keeps only the groups that have entries", () => {
    const groups = groupByCountry(filterAuthorities(authorities, { q: "Datatilsynet" }), "en");
    expect(groups.map((g) => g.country)).toEqual(["DK", "NO"]);
  });
});

describe("query-string parameters", () => {
  const known = ["NL", "DE", "EU"];
  it("accepts a known country code in any case", () => {
    expect(parseCountryParam("NL", known)).toBe("NL");
    expect(parseCountryParam(" nl ", known)).toBe("NL");
    expect(parseCountryParam("eu", known)).toBe("EU");
  });

  it("rejects unknown, malformed, missing and repeated values", () => {
    expect(parseCountryParam("US", known)).toBeNull();
    expect(parseCountryParam("NLD", known)).toBeNull();
    expect(parseCountryParam("", known)).toBeNull();
    expect(parseCountryParam(undefined, known)).toBeNull();
    expect(parseCountryParam(["NL", "DE"], known)).toBeNull();
  });

  it("bounds the free-text query", () => {
    expect(parseQueryParam("  cnil ")).toBe("cnil");
    expect(parseQueryParam(undefined)).toBe("");
    expect(parseQueryParam(["a", "b"])).toBe("");
    expect(parseQueryParam("x".repeat(500))).toHaveLength(100);
  });
});

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

import { describe, it, expect } from "vitest";
import {
  authorities,
  authoritySchema,
  authorityById,
  authoritiesForCountry,
  defaultAuthorityForCountry,
} from "./data";
import { complaintRouteIds, complaintRouteSchema, ROUTES_CHECKED_ON } from "./complaint-routes";

// The 27 EU member states. Germany is listed separately: its top-level authority
// (the BfDI) has scope "federal", not "national", and the Länder have their own.
const EU_STATES_EXCEPT_DE = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
const EEA_EFTA = ["NO", "IS", "LI"];
const OTHER = ["GB", "CH"];
const NATIONAL_COUNTRIES = [...EU_STATES_EXCEPT_DE, ...EEA_EFTA, ...OTHER];

const LAENDER = [
  "Baden-Württemberg",
  "Bayern",
  "Berlin",
  "Brandenburg",
  "Bremen",
  "Hamburg",
  "Hessen",
  "Mecklenburg-Vorpommern",
  "Niedersachsen",
  "Nordrhein-Westfalen",
  "Rheinland-Pfalz",
  "Saarland",
  "Sachsen",
  "Sachsen-Anhalt",
  "Schleswig-Holstein",
  "Thüringen",
];

describe("authorities data", () => {
  it("has 27 EU member states in the expected list", () => {
    expect(EU_STATES_EXCEPT_DE.length + 1).toBe(27);
    expect(new Set(NATIONAL_COUNTRIES).size).toBe(NATIONAL_COUNTRIES.length);
  });

  it("every entry validates against authoritySchema", () => {
    for (const a of authorities) {
      const result = authoritySchema.safeParse(a);
      expect(result.success, `${a.id}: ${result.error?.message}`).toBe(true);
    }
  });

  it("ids are unique", () => {
    const ids = authorities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("each EU state (except DE), NO, IS, LI, GB and CH has exactly one national authority", () => {
    for (const country of NATIONAL_COUNTRIES) {
      const national = authorities.filter((a) => a.country === country && a.scope === "national");
      expect(national, country).toHaveLength(1);
    }
  });

  it("no national authority exists for a country outside the expected list", () => {
    const nationalCountries = authorities.filter((a) => a.scope === "national").map((a) => a.country);
    expect([...nationalCountries].sort()).toEqual([...NATIONAL_COUNTRIES].sort());
  });

  it("DE has one federal authority (BfDI) and 16 state authorities, one per Land", () => {
    const de = authorities.filter((a) => a.country === "DE");
    const federal = de.filter((a) => a.scope === "federal");
    const states = de.filter((a) => a.scope === "state");
    expect(federal).toHaveLength(1);
    expect(federal[0].id).toBe("de-bfdi");
    expect(de.filter((a) => a.scope === "national")).toHaveLength(0);
    expect(states).toHaveLength(16);
    expect(de).toHaveLength(17);

    const regions = states.map((a) => a.region?.local);
    for (const land of LAENDER) {
      expect(regions, land).toContain(land);
    }
    expect(new Set(regions).size).toBe(16);
  });

  it("only German state authorities have a region", () => {
    for (const a of authorities) {
      if (a.scope === "state") {
        expect(a.country, a.id).toBe("DE");
        expect(a.region, a.id).not.toBeNull();
      } else {
        expect(a.region, a.id).toBeNull();
      }
    }
  });

  it("Bavaria is covered by the BayLDA (private sector)", () => {
    const bay = authorityById("de-by-lda");
    expect(bay?.acronym).toBe("BayLDA");
    expect(bay?.region?.local).toBe("Bayern");
  });

  it("has exactly one eu-institutions entry, the EDPS", () => {
    const eu = authorities.filter((a) => a.scope === "eu-institutions");
    expect(eu).toHaveLength(1);
    expect(eu[0].id).toBe("eu-edps");
    expect(eu[0].acronym).toBe("EDPS");
    expect(eu[0].country).toBe("EU");
  });

  it("every entry has a website", () => {
    for (const a of authorities) {
      expect(typeof a.website, a.id).toBe("string");
      expect(a.website.length, a.id).toBeGreaterThan(0);
    }
  });

  it("every URL is a well-formed https URL with a dotted hostname", () => {
    for (const a of authorities) {
      const urls = [a.website, a.complaintUrl].filter((u): u is string => u !== null);
      for (const raw of urls) {
        const url = new URL(raw);
        expect(url.protocol, `${a.id}: ${raw}`).toBe("https:");
        expect(url.hostname, `${a.id}: ${raw}`).toContain(".");
      }
    }
  });

  it("every entry uses the same checkedOn date", () => {
    for (const a of authorities) {
      expect(a.checkedOn, a.id).toBe("2026-11-22");
    }
  });

  it("phone numbers, when present, are in international format", () => {
    for (const a of authorities) {
      if (a.phone !== null) expect(a.phone, a.id).toMatch(/^\+\d[\d ]+$/);
    }
  });

  it("searching names for Datatilsynet finds NO and DK", () => {
    const hits = authorities.filter(
      (a) => a.name.local.includes("Datatilsynet") || a.name.en.includes("Datatilsynet"),
    );
    expect(hits.map((a) => a.country).sort()).toEqual(["DK", "NO"]);
  });

  it("defaultAuthorityForCountry('NL') is the AP", () => {
    const nl = defaultAuthorityForCountry("NL");
    expect(nl?.id).toBe("nl-ap");
    expect(nl?.acronym).toBe("AP");
    expect(nl?.name.local).toBe("Autoriteit Persoonsgegevens");
    expect(nl?.address).toBe("Postbus 93374\n2509 AJ Den Haag\nNederland");
    expect(nl?.phone).toBe("+31 88 1805 250");
  });

  it("defaultAuthorityForCountry covers every expected country, falls back to BfDI for DE, and is case-insensitive", () => {
    for (const country of NATIONAL_COUNTRIES) {
      expect(defaultAuthorityForCountry(country)?.scope, country).toBe("national");
    }
    expect(defaultAuthorityForCountry("DE")?.id).toBe("de-bfdi");
    expect(defaultAuthorityForCountry("de")?.id).toBe("de-bfdi");
    expect(defaultAuthorityForCountry("EU")?.id).toBe("eu-edps");
    expect(defaultAuthorityForCountry("US")).toBeUndefined();
  });

  it("authoritiesForCountry puts the federal authority before the states", () => {
    const de = authoritiesForCountry("DE");
    expect(de).toHaveLength(17);
    expect(de[0].id).toBe("de-bfdi");
    expect(de.slice(1).every((a) => a.scope === "state")).toBe(true);
    expect(authoritiesForCountry("fr").map((a) => a.id)).toEqual(["fr-cnil"]);
    expect(authoritiesForCountry("XX")).toEqual([]);
  });

  it("authorityById works", () => {
    expect(authorityById("nl-ap")?.country).toBe("NL");
    expect(authorityById("no-datatilsynet")?.country).toBe("NO");
    expect(authorityById("dk-datatilsynet")?.country).toBe("DK");
    expect(authorityById("de-bfdi")?.scope).toBe("federal");
    expect(authorityById("eu-edps")?.scope).toBe("eu-institutions");
    expect(authorityById("gb-ico")?.acronym).toBe("ICO");
    expect(authorityById("lt-vdai")?.acronym).toBe("VDAI");
    expect(authorityById("does-not-exist")).toBeUndefined();
  });
});

describe("where to complain (complaint routes)", () => {
  it("every authority has a route (a form or procedure with its address) or a stated reason, and a checked date", () => {
    for (const a of authorities) {
      const route = a.complaint;
      expect(complaintRouteSchema.safeParse(route).success, a.id).toBe(true);
      if (route.kind === "unverified") {
        expect(route.url, a.id).toBeNull();
        expect(route.note?.nl, a.id).toMatch(/^Niet geverifieerd/);
        expect(route.note?.en, a.id).toMatch(/^Not verified/);
      } else {
        expect(route.url !== null || route.note !== null, a.id).toBe(true);
      }
      expect(route.checkedOn, a.id).toBe(ROUTES_CHECKED_ON);
      expect(route.sources.length, a.id).toBeGreaterThan(0);
    }
  });

  it("routes exist for exactly the listed authorities", () => {
    expect([...complaintRouteIds].sort()).toEqual(authorities.map((a) => a.id).sort());
  });

  it("most authorities have a form or a procedure; the rest say why not", () => {
    const withRoute = authorities.filter((a) => a.complaint.kind !== "unverified");
    expect(withRoute.length).toBeGreaterThanOrEqual(36);
    const forms = authorities.filter((a) => a.complaint.kind === "form").map((a) => a.id);
    for (const id of ["nl-ap", "de-bfdi", "es-aepd", "ie-dpc", "eu-edps", "fr-cnil", "gb-ico", "de-by-lda", "de-hh-hmbbfdi"]) expect(forms, id).toContain(id);
  });

  it("every URL (route, information page, sources) is https with a dotted host, and every e-mail address is valid", () => {
    for (const a of authorities) {
      const urls = [a.complaint.url, a.complaint.infoUrl, ...a.complaint.sources].filter((u): u is string => u !== null);
      for (const raw of urls) {
        const url = new URL(raw);
        expect(url.protocol, `${a.id}: ${raw}`).toBe("https:");
        expect(url.hostname, `${a.id}: ${raw}`).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      }
      for (const email of [a.email, a.complaint.email].filter((e): e is string => e !== null)) {
        expect(email, a.id).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      }
    }
  });

  it("complaintUrl, kept for existing readers, is the route's address", () => {
    for (const a of authorities) expect(a.complaintUrl, a.id).toBe(a.complaint.url ?? a.complaint.infoUrl);
    expect(authorityById("hr-azop")?.complaintUrl).toBe("https://azop.hr/zahtjev-za-utvrdivanje-povrede-prava/");
  });

  it("the AP: its form, its general e-mail, and no complaint e-mail (it takes complaints by form or letter)", () => {
    const ap = authorityById("nl-ap")!;
    expect(ap.email).toBe("info@autoriteitpersoonsgegevens.nl");
    expect(ap.complaint.kind).toBe("form");
    expect(ap.complaint.url).toBe("https://autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient");
    expect(ap.complaint.email).toBeNull();
    expect(ap.complaint.note?.en).toContain("not by e-mail");
  });

  it("a route whose only address is a certified-mail box says so", () => {
    const garante = authorityById("it-garante")!;
    expect(garante.complaint.url).toBeNull();
    expect(garante.complaint.email).toBe("protocollo@pec.gpdp.it");
    expect(garante.complaint.note?.en).toContain("PEC messages only");
  });
});


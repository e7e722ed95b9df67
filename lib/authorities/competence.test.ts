import { describe, expect, it } from "vitest";
import { authorities } from "./data";
import { competentAuthority, LAND_AUTHORITY, landFromAddress, landOfCity, lands, parseLand, residenceAuthority } from "./competence";

const tenant = (country: string, address: string, leadAuthorityId: string | null = null) => ({ country, address, leadAuthorityId });

describe("the Länder", () => {
  it("each of the 16 Länder has its own state authority, and every state authority is one Land's", () => {
    expect(lands).toHaveLength(16);
    const ids = Object.values(LAND_AUTHORITY);
    expect(new Set(ids).size).toBe(16);
    const states = authorities.filter((a) => a.scope === "state").map((a) => a.id);
    expect([...ids].sort()).toEqual([...states].sort());
  });

  it("parses ?land=", () => {
    expect(parseLand("by")).toBe("BY");
    expect(parseLand(" NW ")).toBe("NW");
    expect(parseLand("XX")).toBeNull();
    expect(parseLand(["BY", "NW"])).toBeNull();
    expect(parseLand(undefined)).toBeNull();
    expect(parseLand("constructor")).toBeNull();
  });
});

describe("the Land of an address", () => {
  it("reads the city after the postcode", () => {
    expect(landFromAddress("Promenade 18\n91522 Ansbach")).toBe("BY");
    expect(landFromAddress("Hauptstraße 1\n80331 München\nDeutschland")).toBe("BY");
    expect(landFromAddress("Königsallee 1, 40212 Düsseldorf")).toBe("NW");
    expect(landFromAddress("Zeil 1\n60313 Frankfurt am Main")).toBe("HE");
    expect(landFromAddress("D-10115 Berlin")).toBe("BE");
  });

  it("does not guess from an ambiguous or unknown city, nor from the postcode alone", () => {
    expect(landOfCity("Frankfurt")).toBeNull(); // am Main (HE) or (Oder) (BB)
    expect(landOfCity("Halle")).toBeNull(); // (Saale) (ST) or (Westf.) (NW)
    expect(landOfCity("Frankfurt (Oder)")).toBe("BB");
    expect(landOfCity("Halle (Saale)")).toBe("ST");
    expect(landFromAddress("Marktplatz 3\n60311 Frankfurt")).toBeNull();
    expect(landFromAddress("Dorfstraße 2\n12345 Kleinkleckersdorf")).toBeNull();
    expect(landFromAddress("")).toBeNull();
  });
});

describe("the authority competent for a tenant", () => {
  it("outside Germany: the country's authority", () => {
    const nl = competentAuthority(tenant("NL", "Damrak 1\n1012 LG Amsterdam"));
    expect(nl.authority?.id).toBe("nl-ap");
    expect(nl.basis).toBe("national");
    expect(nl.federalAlternative).toBeNull();
    expect(competentAuthority(tenant("US", "1 Main St")).basis).toBe("none");
  });

  it("a German company: the authority of the Land of its seat, not the BfDI", () => {
    const munich = competentAuthority(tenant("DE", "Marienplatz 8\n80331 München", "de-bfdi"));
    expect(munich.authority?.id).toBe("de-by-lda");
    expect(munich.basis).toBe("seat");
    expect(munich.land).toBe("BY");
    // The BfDI only as the alternative for telecoms, postal services and federal bodies.
    expect(munich.federalAlternative?.id).toBe("de-bfdi");
    expect(competentAuthority(tenant("DE", "Ludwig-Erhard-Straße 22\n20459 Hamburg")).authority?.id).toBe("de-hh-hmbbfdi");
    expect(competentAuthority(tenant("de", "Königsallee 1\n40212 Düsseldorf")).authority?.id).toBe("de-nw-ldi");
  });

  it("a German company whose address does not tell the Land: the Land authority it named, else the person chooses", () => {
    const named = competentAuthority(tenant("DE", "Dorfstraße 2\n12345 Kleinkleckersdorf", "de-sn-sdtb"));
    expect(named.authority?.id).toBe("de-sn-sdtb");
    expect(named.basis).toBe("lead");
    expect(named.land).toBe("SN");

    const unknown = competentAuthority(tenant("DE", "Dorfstraße 2\n12345 Kleinkleckersdorf", "de-bfdi"));
    expect(unknown.authority).toBeNull();
    expect(unknown.basis).toBe("choose");
    expect(unknown.choices).toHaveLength(16);
    expect(unknown.choices.every((a) => a.scope === "state")).toBe(true);
    expect(unknown.federalAlternative?.id).toBe("de-bfdi");
  });
});

describe("the authority for where a person lives", () => {
  it("in Germany the chosen Land's, and none until a Land is chosen", () => {
    expect(residenceAuthority("DE", null)).toEqual({ authority: null, needsLand: true });
    expect(residenceAuthority("DE", "BY").authority?.id).toBe("de-by-lda");
    expect(residenceAuthority("NL", null).authority?.id).toBe("nl-ap");
    expect(residenceAuthority("XX", null).authority).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { countryFromAcceptLanguage } from "./country-from-language";
import { authorities } from "./data";

const available = new Set(authorities.map((a) => a.country).filter((c) => c !== "EU"));
const guess = (header: string | null | undefined) => countryFromAcceptLanguage(header, available);

describe("countryFromAcceptLanguage", () => {
  it("uses the region of the tag", () => {
    expect(guess("nl-NL")).toBe("NL");
    expect(guess("de-AT")).toBe("AT");
    expect(guess("en-GB")).toBe("GB");
    expect(guess("fr-BE,fr;q=0.9")).toBe("BE");
    expect(guess("de-CH")).toBe("CH");
    expect(guess("nl-be")).toBe("BE");
    expect(guess("sr-Latn-SI")).toBe("SI");
    expect(guess("en_IE")).toBe("IE");
  });

  it("maps a bare language to its country where that is clear", () => {
    expect(guess("nl")).toBe("NL");
    expect(guess("da")).toBe("DK");
    expect(guess("nb")).toBe("NO");
    expect(guess("no")).toBe("NO");
    expect(guess("nn")).toBe("NO");
    expect(guess("sv")).toBe("SE");
    expect(guess("el")).toBe("GR");
    expect(guess("de")).toBe("DE");
  });

  it("gives no guess for unknown or ambiguous languages", () => {
    expect(guess("en")).toBeNull();
    expect(guess("ja")).toBeNull();
    expect(guess("en-US")).toBeNull();
    expect(guess("fr-CA")).toBeNull();
    expect(guess("*")).toBeNull();
    expect(guess("")).toBeNull();
    expect(guess(null)).toBeNull();
    expect(guess(undefined)).toBeNull();
    expect(guess("garbage;;;,,")).toBeNull();
  });

  it("follows the visitor's order of preference and quality values", () => {
    expect(guess("en-US,en;q=0.9,nl;q=0.8")).toBe("NL");
    expect(guess("en;q=0.5,de-AT;q=0.9")).toBe("AT");
    expect(guess("da;q=0.4,nl-NL;q=0.8")).toBe("NL");
    expect(guess("nl-NL;q=0,da")).toBe("DK");
    expect(guess("ja-JP,en-GB;q=0.7")).toBe("GB");
  });

  it("treats UK as GB and only returns available countries", () => {
    expect(guess("en-UK")).toBe("GB");
    expect(countryFromAcceptLanguage("nl-NL", ["BE"])).toBeNull();
    expect(countryFromAcceptLanguage("nl-NL,nl-BE;q=0.5", ["BE"])).toBe("BE");
    expect(countryFromAcceptLanguage("nl", new Set(["NL"]))).toBe("NL");
  });
});

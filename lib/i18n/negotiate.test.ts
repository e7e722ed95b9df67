import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";
import { localeAlternates, pathInLocale } from "./paths";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "nl"],
    ["", "nl"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.8,nl;q=0.7", "en"],
    ["de-DE,nl;q=0.5,en;q=0.4", "nl"],
    ["fr-FR", "nl"],
    ["en;q=0,nl;q=0.1", "nl"],
    ["NL-be", "nl"],
  ])("%s -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("pathInLocale", () => {
  it("swaps the locale segment and keeps the rest", () => {
    expect(pathInLocale("/nl/t/acme/history", "en")).toBe("/en/t/acme/history");
    expect(pathInLocale("/nl", "en")).toBe("/en");
    expect(pathInLocale("/en/t/acme?version=2", "nl")).toBe("/nl/t/acme?version=2");
  });

  it("drops the router's _rsc query parameter", () => {
    expect(pathInLocale("/nl/t/acme?_rsc=abc", "en")).toBe("/en/t/acme");
  });

  it("lists every locale and x-default", () => {
    expect(localeAlternates("/en/t/x")).toEqual({ nl: "/nl/t/x", en: "/en/t/x", "x-default": "/nl/t/x" });
  });
});

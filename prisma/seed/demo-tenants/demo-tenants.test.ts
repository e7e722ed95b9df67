import { describe, expect, it } from "vitest";
import { statementContentSchema, type StatementContent } from "../../../lib/policy/content";
import { statementTemplate } from "../../../lib/policy/template";
import { demoTenants } from "./index";

const EEA = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(" "),
);
/** Localized fields that may be empty, as long as both languages are. */
const MAY_BE_EMPTY = new Set([
  "legitimateInterest",
  "provisionNote",
  "source",
  "description",
  "automatedDecisionLogic",
  "automatedDecisionConsequences",
  "safeguardCopy",
]);

interface TextProblem {
  path: string;
  problem: string;
}

function isLocalized(value: unknown): value is { nl: string; en: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === "en" && keys[1] === "nl";
}

function checkTexts(value: unknown, path: string, field: string, problems: TextProblem[]): void {
  if (isLocalized(value)) {
    const nl = value.nl.trim();
    const en = value.en.trim();
    if (nl === "" && en === "" && MAY_BE_EMPTY.has(field)) return;
    if (nl === "") problems.push({ path, problem: "empty nl" });
    if (en === "") problems.push({ path, problem: "empty en" });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTexts(item, `${path}[${index}]`, field, problems));
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) checkTexts(child, `${path}.${key}`, key, problems);
  }
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const sampleTemplate = statementTemplate({ name: "Voorbeeld BV", contactEmail: "privacy@voorbeeld.nl" });

const contents: Array<[string, StatementContent]> = [
  ["template", sampleTemplate],
  ...demoTenants.flatMap((demo) =>
    demo.versions.map((version, index): [string, StatementContent] => [`${demo.tenant.slug} v${index + 1}`, version.content]),
  ),
];

describe.each(contents)("statement content: %s", (_label, content) => {
  it("parses with the statement schema", () => {
    expect(() => statementContentSchema.parse(content)).not.toThrow();
  });

  it("has every visible text in both nl and en", () => {
    const problems: TextProblem[] = [];
    checkTexts(content, "content", "", problems);
    expect(problems).toEqual([]);
  });

  it("uses only data categories that exist, and keeps a retention rule for each one a purpose uses", () => {
    const keys = new Set(content.dataCategories.map((category) => category.key));
    expect(keys.size).toBe(content.dataCategories.length);
    const retained = new Set(content.retention.map((rule) => rule.dataCategoryKey));
    for (const purpose of content.purposes) {
      for (const key of purpose.dataCategoryKeys) {
        expect(keys, `purpose ${purpose.name.en} uses ${key}`).toContain(key);
        expect(retained, `no retention rule for ${key}`).toContain(key);
      }
    }
    for (const rule of content.retention) expect(keys, `retention for ${rule.dataCategoryKey}`).toContain(rule.dataCategoryKey);
  });

  it("names the interest of every legitimate-interest purpose in both languages", () => {
    for (const purpose of content.purposes.filter((p) => p.legalBasis === "LEGITIMATE_INTEREST")) {
      expect(purpose.legitimateInterest.nl.trim(), purpose.name.en).not.toBe("");
      expect(purpose.legitimateInterest.en.trim(), purpose.name.en).not.toBe("");
    }
  });

  it("gives a safeguard for every recipient outside the EEA", () => {
    for (const recipient of content.recipients) {
      if (recipient.country !== null && !EEA.has(recipient.country)) {
        expect(recipient.safeguard, recipient.name).not.toBeNull();
      }
    }
  });

  it("pairs a null cookie lifetime with the SESSION unit only", () => {
    for (const cookie of content.cookies) {
      expect(cookie.lifetimeValue === null, cookie.name).toBe(cookie.lifetimeUnit === "SESSION");
    }
  });

  it("pairs retention period value and unit", () => {
    for (const rule of content.retention) {
      expect(rule.periodValue === null, rule.dataCategoryKey).toBe(rule.periodUnit === null);
    }
  });
});

describe("statement template", () => {
  it("mentions the company name and contact address", () => {
    const text = JSON.stringify(sampleTemplate);
    expect(text).toContain("Voorbeeld BV");
    expect(text).toContain("privacy@voorbeeld.nl");
  });
});

describe("demo tenants", () => {
  it("has the five expected, unique slugs", () => {
    const slugs = demoTenants.map((demo) => demo.tenant.slug);
    expect(slugs).toEqual(["inone", "allatonce", "inqonto", "web1on1", "superoffice"]);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it.each(demoTenants.map((demo) => [demo.tenant.slug, demo] as const))("%s: tenant fields are usable", (_slug, demo) => {
    const { tenant } = demo;
    expect(tenant.country).toMatch(/^[A-Z]{2}$/);
    expect(tenant.contactEmail).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(tenant.address.trim()).not.toBe("");
    expect(tenant.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    const contrast = (1 + 0.05) / (luminance(tenant.accentColor) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });

  it("uses a distinct accent colour per tenant", () => {
    const colours = demoTenants.map((demo) => demo.tenant.accentColor.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it.each(demoTenants.map((demo) => [demo.tenant.slug, demo] as const))(
    "%s: has two different versions, oldest first, published in 2025 and 2026",
    (_slug, demo) => {
      expect(demo.versions).toHaveLength(2);
      const [older, newer] = demo.versions;
      expect(JSON.stringify(older.content)).not.toEqual(JSON.stringify(newer.content));
      expect(Date.parse(older.publishedAt)).toBeLessThan(Date.parse(newer.publishedAt));
      expect(older.publishedAt.startsWith("2025-")).toBe(true);
      expect(newer.publishedAt.startsWith("2026-")).toBe(true);
      expect(Date.parse(newer.publishedAt)).toBeLessThan(Date.parse("2026-11-01T00:00:00Z"));
      for (const version of demo.versions) {
        expect(version.changeSummary.nl.trim()).not.toBe("");
        expect(version.changeSummary.en.trim()).not.toBe("");
      }
    },
  );
});

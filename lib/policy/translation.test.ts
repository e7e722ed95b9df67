import { describe, expect, it } from "vitest";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { emptyDeclarations, type LocalizedText, type StatementContent } from "./content";
import { dismiss, localizedFields, updatePending, type FieldPath, type RowIds } from "./translation";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const fields = (entries: Record<FieldPath, LocalizedText>) => new Map(Object.entries(entries));

const path = "purposes.p1.name";

describe("localizedFields", () => {
  const content: StatementContent = {
    declarations: emptyDeclarations(),
    sections: [{ placement: "INTRO", title: t("Titel", "Title"), body: t("Tekst", "Text") }],
    dataCategories: [
      { key: "contact", name: t("Contact", "Contact"), description: t("", ""), origin: "SUBJECT", source: t("", ""), publiclyAccessible: null },
    ],
    purposes: [
      {
        name: t("Doel", "Purpose"),
        description: t("", ""),
        legalBasis: "CONTRACT",
        legitimateInterest: t("Belang", ""),
        dataCategoryKeys: ["contact"],
        provision: "VOLUNTARY",
        provisionNote: t("", ""),
      },
    ],
    recipients: [
      { name: "Host", role: "PROCESSOR", purpose: t("", ""), dataShared: t("", ""), country: null, safeguard: null, policyUrl: null },
    ],
    cookies: [{ name: "sid", provider: "Us", purpose: t("", ""), category: "STRICTLY_NECESSARY", lifetimeValue: null, lifetimeUnit: "SESSION" }],
    retention: [{ dataCategoryKey: "contact", periodValue: 1, periodUnit: "YEARS", criteria: t("", "") }],
  };
  const ids: RowIds = { sections: ["s1"], dataCategories: ["d1"], purposes: ["p1"], recipients: ["r1"], cookies: ["c1"], retention: ["t1"] };

  it("names every localized text by list, row id and field", () => {
    expect([...localizedFields(content, ids).keys()]).toEqual([
      "sections.s1.title",
      "sections.s1.body",
      "dataCategories.d1.name",
      "dataCategories.d1.description",
      "dataCategories.d1.source",
      "purposes.p1.name",
      "purposes.p1.description",
      "purposes.p1.provisionNote",
      "recipients.r1.purpose",
      "recipients.r1.dataShared",
      "cookies.c1.purpose",
      "retention.t1.criteria",
    ]);
    expect(localizedFields(content, ids).get("purposes.p1.name")).toEqual(t("Doel", "Purpose"));
  });

  it("includes the legitimate interest only where it is the legal basis", () => {
    const withInterest = { ...content, purposes: [{ ...content.purposes[0], legalBasis: "LEGITIMATE_INTEREST" as const }] };
    expect(localizedFields(withInterest, ids).get("purposes.p1.legitimateInterest")).toEqual(t("Belang", ""));
  });

  it("refuses row ids that do not match the rows", () => {
    expect(() => localizedFields(content, { ...ids, cookies: [] })).toThrow(/cookies/);
  });

  it("covers a whole demo statement", () => {
    const demo = demoTenants[0].versions.at(-1)!.content;
    const idsFor = (rows: unknown[], prefix: string) => rows.map((_, i) => `${prefix}${i}`);
    const demoIds: RowIds = {
      sections: idsFor(demo.sections, "s"),
      dataCategories: idsFor(demo.dataCategories, "d"),
      purposes: idsFor(demo.purposes, "p"),
      recipients: idsFor(demo.recipients, "r"),
      cookies: idsFor(demo.cookies, "c"),
      retention: idsFor(demo.retention, "t"),
    };
    const all = localizedFields(demo, demoIds);
    expect(all.size).toBeGreaterThan(demo.sections.length * 2);
    // The demo content is fully translated: a fresh start has nothing pending.
    expect(updatePending({}, new Map(), all)).toEqual({});
  });
});

describe("updatePending", () => {
  it("marks English pending when only Dutch changed", () => {
    const result = updatePending({}, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("Nieuw doel", "Purpose") }));
    expect(result).toEqual({ [path]: "en" });
  });

  it("marks Dutch pending when only English changed", () => {
    const result = updatePending({}, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("Doel", "New purpose") }));
    expect(result).toEqual({ [path]: "nl" });
  });

  it("marks nothing when both languages changed in one save", () => {
    const result = updatePending({}, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("Nieuw", "New") }));
    expect(result).toEqual({});
  });

  it("clears a pending translation once that language is edited", () => {
    const before = fields({ [path]: t("Nieuw doel", "Purpose") });
    expect(updatePending({ [path]: "en" }, before, fields({ [path]: t("Nieuw doel", "New purpose") }))).toEqual({});
    const beforeEn = fields({ [path]: t("Doel", "New purpose") });
    expect(updatePending({ [path]: "nl" }, beforeEn, fields({ [path]: t("Nieuw doel", "New purpose") }))).toEqual({});
  });

  it("keeps waiting for the same language when the source language is edited again", () => {
    const result = updatePending({ [path]: "en" }, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("Doel!", "Purpose") }));
    expect(result).toEqual({ [path]: "en" });
  });

  it("marks the other language of a new field filled in only one", () => {
    expect(updatePending({}, fields({}), fields({ [path]: t("Doel", "") }))).toEqual({ [path]: "en" });
    expect(updatePending({}, fields({}), fields({ [path]: t("", "Purpose") }))).toEqual({ [path]: "nl" });
    expect(updatePending({}, fields({}), fields({ [path]: t("Doel", "Purpose") }))).toEqual({});
    expect(updatePending({}, fields({}), fields({ [path]: t("", "") }))).toEqual({});
  });

  it("keeps or makes pending a field whose other language is empty", () => {
    const halfEmpty = fields({ [path]: t("Doel", " ") });
    expect(updatePending({}, halfEmpty, halfEmpty)).toEqual({ [path]: "en" });
    // Emptying a language in a save makes it the one that waits, not the other.
    expect(updatePending({}, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("", "Purpose") }))).toEqual({ [path]: "nl" });
    // Emptying both leaves nothing to translate.
    expect(updatePending({ [path]: "en" }, fields({ [path]: t("Doel", "") }), fields({ [path]: t("", "") }))).toEqual({});
  });

  it("drops fields that no longer exist", () => {
    const before = fields({ [path]: t("Doel", "Purpose"), "cookies.c1.purpose": t("Meten", "Measuring") });
    const after = fields({ "cookies.c1.purpose": t("Meten", "Measuring") });
    expect(updatePending({ [path]: "en", "gone.x.y": "nl" }, before, after)).toEqual({});
  });

  it("leaves unchanged fields as they were", () => {
    const before = fields({ [path]: t("Doel", "Purpose"), "cookies.c1.purpose": t("Meten", "Measuring") });
    const after = fields({ [path]: t("Doel", "Purpose"), "cookies.c1.purpose": t("Meten", "Measuring") });
    expect(updatePending({ [path]: "en" }, before, after)).toEqual({ [path]: "en" });
    expect(updatePending({}, before, after)).toEqual({});
  });

  it("ignores edits that only change surrounding whitespace", () => {
    const result = updatePending({}, fields({ [path]: t("Doel", "Purpose") }), fields({ [path]: t("Doel ", "Purpose") }));
    expect(result).toEqual({});
  });

  it("does not change the previous state it was given", () => {
    const previous = { [path]: "en" as const };
    updatePending(previous, fields({ [path]: t("a", "b") }), fields({ [path]: t("a", "c") }));
    expect(previous).toEqual({ [path]: "en" });
  });
});

describe("dismiss", () => {
  it("removes one field and leaves the rest", () => {
    const pending = { [path]: "en" as const, "cookies.c1.purpose": "nl" as const };
    expect(dismiss(pending, path)).toEqual({ "cookies.c1.purpose": "nl" });
    expect(pending).toEqual({ [path]: "en", "cookies.c1.purpose": "nl" });
  });

  it("stays dismissed through saves that do not touch the field", () => {
    const text = fields({ [path]: t("Nieuw doel", "Purpose") });
    const dismissed = dismiss({ [path]: "en" }, path);
    expect(updatePending(dismissed, text, text)).toEqual({});
  });
});

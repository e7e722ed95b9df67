import { describe, expect, it } from "vitest";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import type { Locale } from "./content";
import {
  defaultComparison,
  diffBlocks,
  diffSequences,
  diffStatements,
  diffWords,
  foldUnchanged,
  lineSimilarity,
  statementLines,
  type DiffRow,
} from "./diff";
import { buildPublicStatement, type PublicStatement } from "./public-statement";
import { controllerFromTenant } from "./versions";

function demoStatement(slug: string, number: number, locale: Locale = "en"): PublicStatement {
  const demo = demoTenants.find((d) => d.tenant.slug === slug)!;
  const version = demo.versions[number - 1];
  return buildPublicStatement(
    {
      tenant: { slug, name: demo.tenant.name },
      version: { number, publishedAt: new Date(version.publishedAt), materialChange: version.materialChange, changeSummary: version.changeSummary },
      latestNumber: demo.versions.length,
      controller: controllerFromTenant(demo.tenant),
      content: version.content,
    },
    locale,
  );
}

const textOf = (parts: DiffRow["after"]) => (parts ?? []).map((part) => part.text).join("");
const marked = (parts: DiffRow["after"]) => (parts ?? []).filter((part) => part.change).map((part) => part.text);

/** The longest common subsequence's length, by the textbook table. */
function lcsLength<T>(a: T[], b: T[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.length][b.length];
}

describe("diffSequences", () => {
  /** Rebuilds both sequences from the edits, checking every index appears once and in order. */
  function replay<T>(a: T[], b: T[]) {
    const edits = diffSequences(a, b);
    const rebuiltA: T[] = [];
    const rebuiltB: T[] = [];
    for (const edit of edits) {
      if (edit.kind !== "added") rebuiltA.push(a[edit.before!]);
      if (edit.kind !== "removed") rebuiltB.push(b[edit.after!]);
      if (edit.kind === "same") expect(a[edit.before!]).toBe(b[edit.after!]);
    }
    expect(rebuiltA).toEqual(a);
    expect(rebuiltB).toEqual(b);
    return edits;
  }

  it("handles empty and identical sequences", () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(replay([], ["x"])).toEqual([{ kind: "added", after: 0 }]);
    expect(replay(["x"], [])).toEqual([{ kind: "removed", before: 0 }]);
    expect(replay(["a", "b"], ["a", "b"]).every((edit) => edit.kind === "same")).toBe(true);
  });

  it("finds a longest common subsequence", () => {
    const edits = replay([..."ABCABBA"], [..."CBABAC"]);
    expect(edits.filter((edit) => edit.kind === "same")).toHaveLength(4);
  });

  it("agrees with the textbook LCS on random sequences", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => "abcd"[Math.floor(random() * 4)]);
      const b = Array.from({ length: Math.floor(random() * 30) }, () => "abcd"[Math.floor(random() * 4)]);
      const edits = replay(a, b);
      expect(edits.filter((edit) => edit.kind === "same").length).toBe(lcsLength(a, b));
    }
  });

  it("gives up on the middle beyond the edit limit, still correctly", () => {
    const edits = diffSequences([..."xabcx"], [..."xdefx"], 2);
    expect(edits.map((edit) => edit.kind)).toEqual(["same", "removed", "removed", "removed", "added", "added", "added", "same"]);
  });

  it("compares a few thousand lines quickly, even when they all differ", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const b = a.map((line, i) => (i % 10 === 0 ? `${line} changed` : line));
    const allDifferent = Array.from({ length: 1500 }, (_, i) => `other ${i}`);
    const started = performance.now();
    expect(diffSequences(a, b).filter((edit) => edit.kind !== "same")).toHaveLength(600);
    expect(diffSequences(a.slice(0, 1500), allDifferent).filter((edit) => edit.kind === "same")).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("diffWords", () => {
  it("marks the words that changed and keeps the rest", () => {
    const { before, after } = diffWords("We keep your data for two years.", "We keep your contact data for three years.");
    expect(textOf(before)).toBe("We keep your data for two years.");
    expect(textOf(after)).toBe("We keep your contact data for three years.");
    expect(marked(before)).toEqual(["two"]);
    expect(marked(after)).toEqual(["contact", "three"]);
  });

  it("marks a run of words as one part, leaving the space before it unmarked", () => {
    const { after } = diffWords("a d", "a b c d");
    expect(after).toEqual([{ text: "a " }, { text: "b c", change: "added" }, { text: " d" }]);
  });
});

describe("lineSimilarity", () => {
  it("is the share of words in common, ignoring case and punctuation", () => {
    expect(lineSimilarity("Cookies · Google", "cookies google")).toBe(1);
    expect(lineSimilarity("a b c d", "a b x y")).toBe(0.5);
    expect(lineSimilarity("a b", "c d")).toBe(0);
  });
});

describe("statementLines", () => {
  const statement = demoStatement("inone", 2);
  const lines = statementLines(statement);

  it("lists the blocks in reading order, leaving out rights and version metadata", () => {
    const blocks = [...new Set(lines.map((line) => line.block))];
    expect(blocks).toEqual(diffBlocks.filter((block) => blocks.includes(block)));
    expect(blocks).toContain("controller");
    expect(blocks).toContain("sections");
    const all = lines.map((line) => line.text).join("\n");
    expect(all).not.toContain(statement.rights[0].description);
    expect(all).not.toContain(statement.version.changeSummary);
  });

  it("writes a purpose as name, legal basis and categories", () => {
    const purpose = statement.purposes[0];
    const categories = purpose.dataCategories.map((c) => c.name).join(", ");
    expect(lines).toContainEqual({ block: "purposes", text: `${purpose.name} — ${purpose.legalBasis.label} — ${categories}` });
  });

  it("writes a cookie on one line and a free section as its title and paragraphs", () => {
    const web1on1 = statementLines(demoStatement("web1on1", 2));
    const cookie = demoStatement("web1on1", 2).cookies[0];
    expect(web1on1).toContainEqual({
      block: "cookies",
      text: `${cookie.name} · ${cookie.provider} · ${cookie.purpose} · ${cookie.category.label} · ${cookie.lifetime.label}`,
    });
    const titleAt = web1on1.findIndex((line) => line.text === "Data you give us and data we collect automatically");
    expect(web1on1[titleAt + 1].text).toMatch(/^\*\*What you give us yourself\.\*\*/);
    expect(web1on1[titleAt + 2].text).toMatch(/^\*\*What we record automatically\.\*\*/);
  });

  it("is written in the statement's language", () => {
    const dutch = statementLines(demoStatement("inone", 2, "nl"));
    expect(dutch.some((line) => line.text.startsWith("Adres: "))).toBe(true);
    expect(lines.some((line) => line.text.startsWith("Address: "))).toBe(true);
  });
});

describe("diffStatements", () => {
  it("shows nothing but unchanged lines for the same version", () => {
    const statement = demoStatement("web1on1", 2);
    expect(diffStatements(statement, statement).every((row) => row.kind === "same")).toBe(true);
  });

  it("shows the cookies and the section web1on1 added in version 2 as added rows", () => {
    const v1 = demoStatement("web1on1", 1);
    const v2 = demoStatement("web1on1", 2);
    const rows = diffStatements(v1, v2);
    const changes = rows.filter((row) => row.kind !== "same");

    const addedCookies = v2.cookies.slice(v1.cookies.length).map((cookie) => cookie.name);
    expect(addedCookies).toHaveLength(14);
    const addedCookieRows = changes.filter((row) => row.block === "cookies");
    expect(addedCookieRows.every((row) => row.kind === "added")).toBe(true);
    expect(addedCookieRows.map((row) => textOf(row.after).split(" · ")[0])).toEqual(addedCookies);

    const newSection = v2.sections.find((section) => !v1.sections.some((old) => old.title === section.title))!;
    const sectionRows = changes.filter((row) => row.block === "sections");
    expect(sectionRows.every((row) => row.kind === "added")).toBe(true);
    expect(textOf(sectionRows[0].after)).toBe(newSection.title);

    expect(changes.every((row) => row.block === "cookies" || row.block === "sections")).toBe(true);
    expect(rows.filter((row) => row.kind !== "added")).toHaveLength(statementLines(v1).length);
  });

  it("pairs a reworded line into one changed row with the words marked", () => {
    const v1 = demoStatement("web1on1", 1);
    const edited = structuredClone(v1);
    edited.purposes[0].description = `${v1.purposes[0].description} We also keep a log.`;
    edited.cookies = edited.cookies.slice(1);
    const rows = diffStatements(v1, edited).filter((row) => row.kind !== "same");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: "changed", block: "purposes" });
    expect(marked(rows[0].after)).toEqual(["We also keep a log."]);
    expect(rows[0].before!.every((part) => !part.change)).toBe(true);
    expect(rows[1]).toMatchObject({ kind: "removed", block: "cookies", before: [{ text: statementLines(v1).find((l) => l.block === "cookies")!.text }] });
  });

  it("keeps lines that have little in common as a removal and an addition", () => {
    const v1 = demoStatement("web1on1", 1);
    const edited = structuredClone(v1);
    edited.sections[0].title = "Something else entirely";
    const rows = diffStatements(v1, edited).filter((row) => row.kind !== "same");
    expect(rows.map((row) => row.kind)).toEqual(["removed", "added"]);
  });
});

describe("foldUnchanged", () => {
  const same = (text: string): DiffRow => ({ kind: "same", block: "sections", before: [{ text }], after: [{ text }] });
  const added = (text: string): DiffRow => ({ kind: "added", block: "sections", after: [{ text }] });
  const shape = (rows: ReturnType<typeof foldUnchanged>) => rows.map((row) => (row.kind === "folded" ? `…${row.count}` : row.kind));

  it("keeps two unchanged lines either side of a change and folds longer runs", () => {
    const rows = [...Array.from({ length: 40 }, (_, i) => same(`a${i}`)), added("new"), ...Array.from({ length: 10 }, (_, i) => same(`b${i}`))];
    const folded = foldUnchanged(rows);
    expect(shape(folded)).toEqual(["…38", "same", "same", "added", "same", "same", "…8"]);
    expect(folded.slice(1, 6).map((row) => (row as DiffRow).after![0].text)).toEqual(["a38", "a39", "new", "b0", "b1"]);
  });

  it("folds the run between two changes only when it is longer than both contexts, and never a single line", () => {
    const between = (n: number) => [added("x"), ...Array.from({ length: n }, (_, i) => same(`s${i}`)), added("y")];
    expect(shape(foldUnchanged(between(4)))).toEqual(["added", "same", "same", "same", "same", "added"]);
    expect(shape(foldUnchanged(between(5)))).toEqual(["added", "same", "same", "same", "same", "same", "added"]);
    expect(shape(foldUnchanged(between(6)))).toEqual(["added", "same", "same", "…2", "same", "same", "added"]);
  });

  it("shortens a real comparison to its changes and their context", () => {
    const rows = diffStatements(demoStatement("inone", 1), demoStatement("inone", 2));
    const folded = foldUnchanged(rows);
    const changes = rows.filter((row) => row.kind !== "same").length;
    expect(folded.filter((row) => row.kind !== "same" && row.kind !== "folded")).toHaveLength(changes);
    expect(folded.filter((row) => row.kind === "same").length).toBeLessThanOrEqual(changes * 4);
    const hidden = folded.reduce((sum, row) => sum + (row.kind === "folded" ? row.count : 0), 0);
    expect(folded.filter((row) => row.kind !== "folded").length + hidden).toBe(rows.length);
  });
});

describe("defaultComparison", () => {
  it("compares the previous version with the newest, or the newest with the draft", () => {
    expect(defaultComparison([2, 1], false)).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([3, 2, 1], true)).toEqual({ from: 3, to: "draft" });
    expect(defaultComparison([1], false)).toEqual({ from: 1, to: 1 });
    expect(defaultComparison([], false)).toEqual({ from: null, to: null });
  });
});

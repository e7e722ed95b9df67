import { describe, expect, it } from "vitest";
import { renderPdf, textWidth, toWinAnsi, wrapText, type PdfBlock } from "./pdf";

/** The parts of a PDF file a reader relies on, checked byte for byte. */
function inspect(pdf: Buffer) {
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-1.4\n")).toBe(true);
  expect(text.endsWith("%%EOF\n")).toBe(true);
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  expect(startxref).not.toBeNull();
  const xrefAt = Number(startxref![1]);
  expect(text.slice(xrefAt, xrefAt + 5)).toBe("xref\n");
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(xrefAt))!;
  expect(first).toBe("0");
  const size = Number(count);
  const tableStart = xrefAt + `xref\n0 ${size}\n`.length;
  const entries = Array.from({ length: size }, (_, i) => text.slice(tableStart + 20 * i, tableStart + 20 * (i + 1)));
  expect(entries[0]).toBe("0000000000 65535 f \n");
  for (const [id, entry] of entries.entries()) {
    if (id === 0) continue;
    expect(entry).toMatch(/^\d{10} 00000 n \n$/);
    const offset = Number(entry.slice(0, 10));
    // The offset is where "N 0 obj" begins.
    expect(text.slice(offset, offset + `${id} 0 obj\n`.length)).toBe(`${id} 0 obj\n`);
  }
  expect(text.slice(tableStart + 20 * size)).toMatch(new RegExp(`^trailer\\n<< /Size ${size} /Root 1 0 R /Info 5 0 R /ID \\[<[0-9a-f]{32}> <[0-9a-f]{32}>\\] >>`));
  // Every content stream is as long as its /Length says.
  const streams = [...text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)];
  expect(streams.length).toBeGreaterThan(0);
  for (const match of streams) {
    const start = match.index! + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + "\nendstream".length)).toBe("\nendstream");
  }
  const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)![1]);
  expect((text.match(/\/Type \/Page /g) ?? []).length).toBe(pages);
  return { text, pages };
}

describe("toWinAnsi", () => {
  it("keeps ASCII and Latin-1, and uses the Windows-1252 codes for €, dashes and curly quotes", () => {
    expect(toWinAnsi("Hello, World!")).toBe("Hello, World!");
    expect(toWinAnsi("café Zürich ß")).toBe("caf\xe9 Z\xfcrich \xdf");
    expect(toWinAnsi("€ 12 – “ok” — ‘x’ …")).toBe("\x80 12 \x96 \x93ok\x94 \x97 \x91x\x92 \x85");
  });

  it("maps what WinAnsi lacks to close ASCII", () => {
    expect(toWinAnsi("Vilnius ėė, Kraków łódź, Őry, Şule")).toBe("Vilnius ee, Krak\xf3w l\xf3dz, Ory, Sule");
    expect(toWinAnsi("ﬁne → 5 ≥ 3")).toBe("fine -> 5 >= 3");
    expect(toWinAnsi("a\u202fb\u00a0c")).toBe("a b\xa0c");
    expect(toWinAnsi("Ωμέγα 😀")).toBe("????? ?");
    expect(toWinAnsi("soft\u00adhyphen\u200b")).toBe("softhyphen");
    expect(toWinAnsi("tab\there\nnewline")).toBe("tab here newline");
  });
});

describe("text layout", () => {
  it("measures with Helvetica's widths", () => {
    expect(textWidth("a", "regular", 10)).toBeCloseTo(5.56);
    expect(textWidth("W", "bold", 1000)).toBe(944);
    expect(textWidth(toWinAnsi("€"), "regular", 1000)).toBe(556);
  });

  it("wraps at spaces, keeps line breaks, and cuts a word only when it is wider than the line", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", "regular", 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, "regular", 10)).toBeLessThanOrEqual(60);
    expect(lines.join(" ")).toBe("one two three four five six seven eight nine ten");
    expect(wrapText("a\n\nb", "regular", 10, 100)).toEqual(["a", "", "b"]);
    const long = wrapText("x".repeat(100), "regular", 10, 50);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join("")).toBe("x".repeat(100));
  });
});

describe("renderPdf", () => {
  const short: PdfBlock[] = [
    { kind: "title", text: "Klachtdossier (test) \\ ok" },
    { kind: "paragraph", text: "Prijs € 12,50 – Šiauliai ė." },
    { kind: "fields", rows: [["Naam", "Olga de Vries"]] },
    { kind: "table", columns: [{ header: "Kenmerk", width: 1 }, { header: "Status", width: 2 }], rows: [["R-AAAA-BBBB", "Ontvangen"]] },
  ];

  it("writes a PDF 1.4 file with a correct cross-reference table that ends with %%EOF", () => {
    const pdf = renderPdf(short, { title: "Klachtdossier ė", language: "nl", footer: (p, n) => `Pagina ${p} van ${n}`, creationDate: new Date("2026-03-01T12:00:00Z") });
    const { text, pages } = inspect(pdf);
    expect(pages).toBe(1);
    expect(text).toContain("/BaseFont /Helvetica /Encoding /WinAnsiEncoding");
    expect(text).toContain("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding");
    expect(text).toContain("/Lang (nl)");
    expect(text).toContain("/CreationDate (D:20260301120000Z)");
    // Parentheses and backslashes are escaped, € is byte 0x80 written in octal, ė became e.
    expect(text).toContain("(Klachtdossier \\(test\\) \\\\ ok) Tj");
    expect(text).toContain("(Prijs \\200 12,50 \\226 \\212iauliai e.) Tj");
    expect(text).toContain("(Pagina 1 van 1) Tj");
    // The title in the document information is UTF-16BE, so it keeps the ė.
    expect(text).toContain("/Title <FEFF004B006C00610063006800740064006F0073007300690065007200200117>");
  });

  it("puts a long dossier on several pages, with page numbers and the table header repeated", () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`R-${String(i).padStart(4, "0")}-ABCD`, `Status of request ${i}, which has a fairly long description that wraps`]);
    const blocks: PdfBlock[] = [
      { kind: "title", text: "Long dossier" },
      { kind: "heading", text: "Requests" },
      { kind: "table", columns: [{ header: "Reference", width: 1 }, { header: "What happened", width: 1 }], rows },
      { kind: "heading", text: "Notes" },
      ...Array.from({ length: 40 }, (_, i): PdfBlock => ({ kind: "paragraph", text: `Note ${i}: ${"lorem ipsum ".repeat(30)}` })),
      { kind: "list", items: Array.from({ length: 30 }, (_, i) => `Item ${i}`) },
    ];
    const { text, pages } = inspect(renderPdf(blocks, { title: "Long", footer: (p, n) => `Page ${p} of ${n}` }));
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`(Page ${pages} of ${pages}) Tj`);
    expect((text.match(/\(What happened\) Tj/g) ?? []).length).toBeGreaterThan(1);
    for (let i = 0; i < 150; i++) expect(text).toContain(`(R-${String(i).padStart(4, "0")}-ABCD) Tj`);
    // Nothing is drawn below the bottom margin or above the top one.
    const ys = [...text.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...ys)).toBeLessThanOrEqual(841.89 - 50);
  });

  it("splits a table row taller than a page across pages instead of losing it", () => {
    const huge = Array.from({ length: 200 }, (_, i) => `line${i}`).join("\n");
    const { text, pages } = inspect(renderPdf([{ kind: "table", columns: [{ header: "A", width: 1 }, { header: "B", width: 3 }], rows: [["x", huge]] }], { title: "t" }));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("(line0) Tj");
    expect(text).toContain("(line199) Tj");
  });

  it("makes one page for no content at all", () => {
    expect(inspect(renderPdf([], { title: "" })).pages).toBe(1);
  });
});

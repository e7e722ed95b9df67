import { describe, expect, it } from "vitest";
import { authorityById } from "@/lib/authorities/data";
import type { Locale } from "@/lib/policy/content";
import { collapse, pdfInfo, pdfStructure, pdfText } from "@/test/pdf-text";
import { dossierPdf } from "./dossier-pdf";
import { dossierOutline, type OutlineBlock } from "./outline";
import { dossierSchema, type Dossier, type DossierRequest } from "./schema";

const polish = "Łukasz Żółć Ψ";
const cyrillic = "Олена Шевченко-Ґудзь";

function request(reference: string, overrides: Partial<DossierRequest> = {}): DossierRequest {
  return {
    reference,
    type: "ACCESS",
    status: "RECEIVED",
    filedAt: "2026-01-05T09:00:00.000Z",
    receivedAt: "2026-01-05T09:00:00.000Z",
    dueAt: "2026-02-05T22:59:59.999Z",
    dueDay: "2026-02-05",
    extendedDueAt: null,
    extensionReason: null,
    extendedAt: null,
    extensionAfterDeadline: false,
    effectiveDueAt: "2026-02-05T22:59:59.999Z",
    effectiveDueDay: "2026-02-05",
    closedAt: null,
    rejectionReason: null,
    details: "Welke gegevens heeft u over mij? Ωμέγα, Київ, Gdańsk.",
    target: null,
    timeliness: "open-late",
    late: true,
    daysLate: 24,
    answers: [{ at: "2026-01-10T10:00:00.000Z", kind: "message", toStatus: null, body: "We kijken ernaar, pani Żółć." }],
    history: [
      { at: "2026-01-05T09:00:00.000Z", kind: "created", actor: "requester", toStatus: null, body: null },
      { at: "2026-01-10T10:00:00.000Z", kind: "message", actor: "staff", toStatus: null, body: "We kijken ernaar, pani Żółć." },
      { at: "2026-02-20T08:00:00.000Z", kind: "reminder", actor: "requester", toStatus: null, body: null },
    ],
    reminders: ["2026-02-20T08:00:00.000Z"],
    mails: [{ sentAt: "2026-01-05T09:00:05.000Z", subject: `Uw verzoek ${reference}`, text: `Beste ${polish},\n\nWe hebben uw verzoek ${reference} ontvangen.` }],
    ...overrides,
  };
}

function dossier(name: string, requests: DossierRequest[]): Dossier {
  return dossierSchema.parse({
    schemaVersion: 2,
    generatedAt: "2026-03-01T12:00:00.000Z",
    complainant: { name, email: "klager@example.com", postalAddress: "ul. Źródlana 7\n00-001 Warszawa", phone: "+48 600 000 000", outcome: `Antwoord voor ${name}.` },
    controller: {
      slug: "inone",
      name: "inONE",
      legalName: "inONE B.V.",
      address: "Stationsplein 1, Utrecht",
      country: "NL",
      registrationNumber: "12345678",
      contactEmail: "privacy@inone.example",
      phone: null,
      website: "https://inone.example",
      dpoName: "Ивана Петрова",
      dpoEmail: "dpo@inone.example",
      timeZone: "Europe/Amsterdam",
    },
    authorities: { country: "GR", countrySource: "chosen", countryAuthority: authorityById("gr-hdpa"), leadAuthority: authorityById("nl-ap") },
    summary: { requests: requests.length, open: requests.length, late: requests.length, rejected: 0, reminders: requests.length },
    requests,
  });
}

/** The text of each block in reading order, as a screen reader should get it from the PDF's structure. */
function outlineTexts(blocks: OutlineBlock[]): string[] {
  return blocks
    .flatMap((block) => {
      switch (block.kind) {
        case "title":
        case "heading":
        case "paragraph":
          return [block.text];
        case "fields":
          return block.rows.flatMap((row) => (row.label ? [row.label, row.value || "-"] : [row.value || "-"]));
        case "list":
          return block.items;
        case "table":
          return [...block.columns.map((c) => c.header), ...block.rows.flatMap((r) => r.cells)];
      }
    })
    .map(collapse);
}

const leafTypes = new Set(["H1", "H2", "H3", "P", "TH", "TD", "LBody"]);

async function check(subject: Dossier, locale: Locale) {
  const pdf = await dossierPdf(subject, locale);
  const outline = dossierOutline(subject, locale);
  const raw = pdf.toString("latin1");
  const text = pdfText(pdf);
  const structure = pdfStructure(pdf);
  return { pdf, outline, raw, text, structure, info: pdfInfo(pdf) };
}

// Each case renders and reads back whole PDFs with poppler: seconds, not milliseconds.
describe("dossierPdf", { timeout: 60_000 }, () => {
  it("keeps Polish, Greek and Cyrillic letters as written (they came out as 'Lukasz Zólc ?' before)", async () => {
    const { text, info } = await check(dossier(polish, [request("R-AAAA-BBBB")]), "nl");
    expect(text).toContain(polish);
    expect(text).toContain("Ωμέγα, Київ, Gdańsk.");
    expect(text).toContain("ul. Źródlana 7");
    expect(text).toContain("Ивана Петрова");
    expect(info.Author).toBe(polish);
    expect(info.Title).toBe("Klachtdossier · inONE");

    const english = await check(dossier(cyrillic, [request("R-CCCC-DDDD")]), "en");
    expect(english.text).toContain(cyrillic);
    expect(english.text).toContain(`Antwoord voor ${cyrillic}.`);
    expect(english.info.Author).toBe(cyrillic);
  });

  it("is a tagged PDF 1.7 in the reader's language, with the fonts embedded", async () => {
    for (const locale of ["nl", "en"] as const) {
      const { raw, info } = await check(dossier(polish, [request("R-AAAA-BBBB")]), locale);
      expect(raw.startsWith("%PDF-1.7\n")).toBe(true);
      expect(raw.trimEnd().endsWith("%%EOF")).toBe(true);
      expect(raw).toContain(`/Lang (${locale})`);
      expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raw).toContain("/Marked true");
      expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(raw).toContain("/DisplayDocTitle true");
      // Subsets of DejaVu Sans, embedded; none of the standard 14 fonts, which know no Ł or Ψ.
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
      expect(raw).toContain("/FontFile2");
      expect(raw).not.toContain("/Helvetica");
      expect(info.Tagged).toBe("yes");
      expect(info["PDF version"]).toBe("1.7");
      expect(info["Page size"]).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    }
  });

  it("tags every heading, paragraph, field, list item and table cell in reading order, and nothing else", async () => {
    const subject = dossier(polish, [request("R-AAAA-BBBB"), request("R-EEEE-FFFF", { status: "REJECTED", rejectionReason: "Wettelijke bewaarplicht", late: false, timeliness: "closed-on-time", daysLate: null, closedAt: "2026-01-20T10:00:00.000Z" })]);
    const { outline, structure, text } = await check(subject, "nl");
    expect(structure[0]).toMatchObject({ type: "Document", depth: 0 });
    const headings = structure.filter((e) => /^H\d$/.test(e.type)).map((e) => [e.type, e.text]);
    expect(headings).toEqual(
      outline.flatMap((b) => (b.kind === "title" ? [["H1", b.text]] : b.kind === "heading" ? [[b.level === 1 ? "H2" : "H3", collapse(b.text)]] : [])),
    );
    expect(headings.map(([, h]) => h)).toContain("Verzoek R-AAAA-BBBB: Inzage");
    for (const [, heading] of headings) expect(collapse(text)).toContain(heading);
    // All that the dossier says, and only that: the footers are artifacts, outside the structure.
    expect(structure.filter((e) => leafTypes.has(e.type)).map((e) => e.text)).toEqual(outlineTexts(outline));
    expect(structure.filter((e) => e.type === "Lbl").every((e) => e.text === "•")).toBe(true);
    expect(structure.filter((e) => e.type === "Table").length).toBe(outline.filter((b) => b.kind === "fields" || b.kind === "table").length);
    expect(structure.some((e) => e.text.includes("pagina 1 van"))).toBe(false);
    expect(text).toMatch(/Klachtdossier inONE · 1 maart 2026 · pagina 1 van \d+/);
  });

  it("puts a long dossier on numbered pages, repeating the table's header on each as an artifact", async () => {
    const requests = Array.from({ length: 80 }, (_, i) => request(`R-${String(i).padStart(4, "0")}-WXYZ`, { details: `${polish} ${"opnieuw ".repeat(i % 7 === 0 ? 400 : 3)}` }));
    const { outline, structure, text, info } = await check(dossier(polish, requests), "en");
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(10);
    const pageTexts = text.split("\f").filter((page) => page.trim());
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => expect(collapse(page)).toContain(`Complaint dossier inONE · 1 March 2026 · page ${i + 1} of ${pages}`));
    // The overview table runs over several pages, its header on each; tagged once.
    expect(pageTexts.filter((page) => page.includes("On time?")).length).toBeGreaterThan(1);
    expect(structure.filter((e) => e.type === "TH" && e.text === "On time?")).toHaveLength(1);
    // Nothing is lost, not even a value longer than a page.
    expect(structure.filter((e) => leafTypes.has(e.type)).map((e) => e.text)).toEqual(outlineTexts(outline));
  });
});

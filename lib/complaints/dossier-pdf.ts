import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { dossierOutline } from "./outline";
import { renderPdf, type PdfBlock } from "./pdf";
import type { Dossier } from "./schema";

/** The complaint dossier as a PDF file, in the reader's language. */
export function dossierPdf(dossier: Dossier, locale: Locale): Buffer {
  const t = translator(locale);
  const company = dossier.controller.name;
  const generated = new Date(dossier.generatedAt);
  const blocks = dossierOutline(dossier, locale).map((block): PdfBlock => {
    switch (block.kind) {
      case "title":
        return { kind: "title", text: block.text };
      case "heading":
        return { kind: "heading", text: block.text, level: block.level };
      case "paragraph":
        return { kind: "paragraph", text: block.text, bold: block.strong, small: block.small };
      case "fields":
        return { kind: "fields", rows: block.rows.map((row) => [row.label, row.value]) };
      case "list":
        return { kind: "list", items: block.items };
      case "table":
        return { kind: "table", columns: block.columns, rows: block.rows.map((row) => row.cells) };
    }
  });
  return renderPdf(blocks, {
    title: `${t("Complaint.doc.title")} · ${company}`,
    subject: t("Complaint.doc.subtitle", { company }),
    author: dossier.complainant.name ?? dossier.complainant.email,
    language: locale,
    creationDate: generated,
    footer: (page, pages) => t("Complaint.doc.footer", { company, date: formatDate(generated, locale), page, pages }),
  });
}

/** complaint-dossier-<slug>-<yyyy-mm-dd>.pdf (klachtdossier-… in Dutch), the date in Amsterdam. */
export function dossierFileName(slug: string, at: Date, extension: "pdf" | "json", locale: Locale = "en"): string {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return `${locale === "nl" ? "klachtdossier" : "complaint-dossier"}-${slug}-${date}.${extension}`;
}

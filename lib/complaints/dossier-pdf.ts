import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { dossierOutline } from "./outline";
import { renderOutlinePdf } from "./outline-pdf";
import type { Dossier } from "./schema";

/** The complaint dossier as a PDF file (tagged, with DejaVu Sans embedded), in the reader's language. */
export function dossierPdf(dossier: Dossier, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const company = dossier.controller.name;
  const generated = new Date(dossier.generatedAt);
  return renderOutlinePdf(dossierOutline(dossier, locale), {
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

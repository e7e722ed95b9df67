import type { NextRequest } from "next/server";
import { dossierFileName, dossierPdf } from "@/lib/complaints/dossier-pdf";
import { dossierForRequest } from "@/lib/complaints/route";
import { isLocale } from "@/lib/i18n/routing";

/**
 * The signed-in person's complaint dossier as a tagged PDF (A4), laid out by lib/complaints/outline-pdf.ts.
 * ?locale=nl|en picks the language (by default the person's preferred one);
 * ?country=XX adds the authority of the country where they live or work.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const found = await dossierForRequest(request, params);
  if ("error" in found) return found.error;
  const { tenant, subject, dossier } = found;
  const asked = request.nextUrl.searchParams.get("locale");
  const locale = isLocale(asked) ? asked : isLocale(subject.preferredLocale) ? subject.preferredLocale : "nl";
  const pdf = await dossierPdf(dossier, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="${dossierFileName(tenant.slug, new Date(dossier.generatedAt), "pdf", locale)}"`,
      "Cache-Control": "no-store",
    },
  });
}

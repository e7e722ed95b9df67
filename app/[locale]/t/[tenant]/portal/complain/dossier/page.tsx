import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DossierDocument } from "@/components/complaints/dossier-document";
import { PrintButton } from "@/components/complaints/print-button";
import { PortalShell } from "@/components/portal/portal-shell";
import { guessResidenceCountry, parseResidenceCountry } from "@/lib/authorities/residence";
import { buildDossier } from "@/lib/complaints/dossier";
import { complaintLinks } from "@/lib/complaints/links";
import { dossierOutline } from "@/lib/complaints/outline";
import { translator } from "@/lib/i18n/messages";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Complaint.doc.metaTitle", { company: tenant.name }), robots: { index: false } };
}

/** The complaint dossier to print (A4, without the portal's navigation) or save as PDF. */
export default async function DossierPage({ params, searchParams }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const country = parseResidenceCountry((await searchParams).country);
  const guessedCountry = guessResidenceCountry((await headers()).get("accept-language"));
  const dossier = await buildDossier(tenant, subject.id, { country, guessedCountry });
  if (!dossier) redirect(href("/portal"));
  const links = complaintLinks(tenant.slug, href, locale, country);
  const back = `${href("/portal/complain")}${country ? `?country=${country}` : ""}`;

  return (
    <PortalShell page={page} subject={subject} section="complain">
      <div className="space-y-6">
        <section aria-label={t("Complaint.doc.actions")} className="no-print space-y-2 rounded border border-line bg-gray-50 p-3" data-testid="dossier-toolbar">
          <div className="flex flex-wrap items-center gap-4">
            <PrintButton label={t("Complaint.doc.print")} />
            <a href={links.pdf}>{t("Complaint.dossier.pdf")}</a>
            <a href={links.json}>{t("Complaint.dossier.json")}</a>
          </div>
          <p className="text-sm text-muted">{t("Complaint.doc.printHint")}</p>
          <p className="text-sm">
            <a href={back}>{t("Complaint.doc.back")}</a>
          </p>
        </section>
        <DossierDocument blocks={dossierOutline(dossier, locale)} />
      </div>
    </PortalShell>
  );
}

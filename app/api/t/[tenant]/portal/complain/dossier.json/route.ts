import { NextResponse, type NextRequest } from "next/server";
import { dossierFileName } from "@/lib/complaints/dossier-pdf";
import { dossierForRequest } from "@/lib/complaints/route";

/**
 * The signed-in person's complaint dossier as JSON: their requests to this tenant with
 * deadlines, answers and lateness, the tenant's details and the authorities.
 * ?country=XX adds the authority of the country where they live or work.
 * Shape: dossierSchema in lib/complaints/schema.ts, served as JSON Schema at
 * /api/schemas/complaint-dossier (docs/complaint-dossier.schema.json).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const found = await dossierForRequest(request, params);
  if ("error" in found) return found.error;
  const { tenant, dossier } = found;
  return NextResponse.json(dossier, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="${dossierFileName(tenant.slug, new Date(dossier.generatedAt), "json")}"`,
      Link: '</api/schemas/complaint-dossier>; rel="describedby"',
    },
  });
}

import { NextResponse, type NextRequest } from "next/server";
import type { Subject, Tenant } from "@/generated/prisma/client";
import { currentSubject } from "@/lib/portal/session";
import { findTenantBySlug } from "@/lib/tenants";
import { guessResidenceCountry, parseResidenceCountry } from "@/lib/authorities/residence";
import { buildDossier } from "./dossier";
import type { Dossier } from "./schema";

/**
 * What the dossier routes share: the tenant from the path, the signed-in person of
 * its portal (401 without one), their country from ?country=XX (else as saved, else
 * guessed from the browser's language, as the complain page preselects it), and the dossier.
 */
export async function dossierForRequest(
  request: NextRequest,
  params: Promise<{ tenant: string }>,
): Promise<{ tenant: Tenant; subject: Subject; dossier: Dossier } | { error: NextResponse }> {
  const { tenant: slug } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) return { error: problem(404, "tenant_not_found", "no tenant with this slug") };
  const subject = await currentSubject(tenant);
  if (!subject) return { error: problem(401, "not_signed_in", "sign in to the portal to download your complaint dossier") };
  const country = parseResidenceCountry(request.nextUrl.searchParams.get("country"));
  const guessedCountry = guessResidenceCountry(request.headers.get("accept-language"));
  const dossier = await buildDossier(tenant, subject.id, { country, guessedCountry });
  if (!dossier) return { error: problem(401, "not_signed_in", "sign in to the portal to download your complaint dossier") };
  return { tenant, subject, dossier };
}

export function problem(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

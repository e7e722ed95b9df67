import { z } from "zod";
import { parseResidenceCountry } from "@/lib/authorities/residence";
import { withTenant } from "@/lib/db/tenant-db";
import { phone } from "@/lib/portal/profile";
import { optionalText } from "@/lib/validation";

/**
 * What the complainant adds to their dossier for an authority's complaint form (GDPR
 * art. 77; the Dutch AP's form, for instance, asks for the complainant's address and
 * phone, and what they want to achieve): all optional, entered by the person on the
 * complain page, kept per portal user (ComplaintDetails) and deleted with them.
 */

/** Optional text over several lines; a browser posts a textarea's line breaks as CRLF, kept here as LF. */
const lines = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .pipe(optionalText(max));

export const complaintDetailsSchema = z.object({
  postalAddress: lines(500),
  phone,
  outcome: lines(2000),
  /** The country where the person lives or works; "" for none. */
  country: z
    .string()
    .trim()
    .max(2, "country")
    .refine((value) => value === "" || parseResidenceCountry(value) !== null, "country")
    .transform((value) => parseResidenceCountry(value)),
});

export type ComplaintDetailsInput = z.output<typeof complaintDetailsSchema>;

export interface ComplaintDetailsView {
  postalAddress: string | null;
  phone: string | null;
  outcome: string | null;
  country: string | null;
}

const empty: ComplaintDetailsView = { postalAddress: null, phone: null, outcome: null, country: null };

export async function complaintDetails(tenantId: string, subjectId: string): Promise<ComplaintDetailsView> {
  const row = await withTenant(tenantId, (tx) =>
    tx.complaintDetails.findFirst({ where: { tenantId, subjectId }, select: { postalAddress: true, phone: true, outcome: true, country: true } }),
  );
  return row ? { ...row, country: parseResidenceCountry(row.country) } : empty;
}

/** Stores the person's details (replacing earlier ones); false when the subject is not this tenant's. */
export async function saveComplaintDetails(tenantId: string, subjectId: string, input: ComplaintDetailsInput): Promise<boolean> {
  return withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { tenantId, id: subjectId }, select: { id: true } });
    if (!subject) return false;
    const data = { postalAddress: input.postalAddress, phone: input.phone, outcome: input.outcome, country: input.country };
    await tx.complaintDetails.upsert({ where: { subjectId }, create: { tenantId, subjectId, ...data }, update: data });
    return true;
  });
}

/**
 * The country the complaint page and the dossier name, and why: chosen on the page
 * (?country=XX), saved with the person's details, or guessed from the browser's
 * language. The page preselects exactly this country and the dossier links carry it,
 * so what the person sees chosen is what the dossier says.
 */
export type CountrySource = "chosen" | "saved" | "guessed";

export function complaintCountry(
  chosen: string | null,
  saved: string | null,
  guessed: string | null,
): { country: string; source: CountrySource } | { country: null; source: null } {
  if (chosen) return { country: chosen, source: "chosen" };
  if (saved) return { country: saved, source: "saved" };
  if (guessed) return { country: guessed, source: "guessed" };
  return { country: null, source: null };
}

import { z } from "zod";
import { authorityById } from "@/lib/authorities/data";
import { auditByUser } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import { tenantChanged } from "@/lib/tenant-changes";
import { accentColor, countryCode, email, embedOrigins, optionalEmail, optionalText, httpsUrl, text } from "@/lib/validation";
import { isTimeZone } from "@/lib/requests/deadline";
import type { ConsoleContext } from "./context";

/** The company details a statement's controller section shows, its lead authority and its colour. */
export const companySchema = z
  .object({
    name: text(120),
    legalName: text(200),
    address: text(500),
    country: countryCode,
    registrationNumber: optionalText(60),
    contactEmail: email,
    phone: optionalText(40),
    website: httpsUrl,
    dpoName: optionalText(120),
    dpoEmail: optionalEmail,
    leadAuthorityId: z
      .string()
      .refine((id) => id === "" || authorityById(id) !== undefined, "invalid")
      .transform((id) => id || null),
    accentColor,
    /** One origin per line; absent leaves them as they are. */
    embedOrigins: embedOrigins.optional(),
    /** Days between approving an erasure and carrying it out (0: at once); absent leaves it as it is. */
    erasureGraceDays: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "invalid")
      .transform(Number)
      .refine((days) => days <= 90, "invalid")
      .optional(),
    /** The IANA time zone deadlines are counted in; absent leaves it as it is. */
    timeZone: z.string().trim().max(64, "invalid").refine(isTimeZone, "invalid").optional(),
  })
  .refine((company) => !company.dpoName || company.dpoEmail, { path: ["dpoEmail"], message: "dpoEmailRequired" });

export type CompanyInput = z.output<typeof companySchema>;

export async function updateCompany(context: ConsoleContext, input: CompanyInput): Promise<void> {
  const tenant = await withTenant(context.tenant.id, async (tx) => {
    const updated = await tx.tenant.update({ where: { id: context.tenant.id }, data: { ...input, accentColor: input.accentColor.toLowerCase() } });
    const changed = Object.keys(input).filter(
      (key) => JSON.stringify(context.tenant[key as keyof CompanyInput]) !== JSON.stringify(updated[key as keyof CompanyInput]),
    );
    await auditByUser(tx, context, { action: "company.updated", targetType: "tenant", targetId: updated.id, details: { fields: changed } });
    return updated;
  });
  tenantChanged(tenant);
}

import { defaultAuthorityForCountry } from "@/lib/authorities/data";
import { normaliseEmail } from "@/lib/auth/adapter";
import { withPlatform } from "@/lib/db/tenant-db";
import { ActionError } from "@/lib/action";
import { statementTemplate } from "@/lib/policy/template";
import { createDraft } from "@/lib/policy/versions";

export interface SignupInput {
  companyName: string;
  slug: string;
  legalName: string;
  address: string;
  country: string;
  registrationNumber: string | null;
  contactEmail: string;
  adminEmail: string;
}

/**
 * Creates a tenant with a draft statement from Inzage's template and makes the admin
 * its owner. Runs across tenants (the slug must be unique platform-wide).
 */
export async function createTenant(input: SignupInput): Promise<{ tenantId: string; userId: string }> {
  return withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({
      data: {
        slug: input.slug,
        name: input.companyName,
        legalName: input.legalName,
        address: input.address,
        country: input.country,
        registrationNumber: input.registrationNumber,
        contactEmail: input.contactEmail,
        leadAuthorityId: defaultAuthorityForCountry(input.country)?.id ?? null,
      },
    });
    const email = normaliseEmail(input.adminEmail);
    const user = await tx.user.upsert({ where: { email }, create: { email }, update: {} });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "OWNER" } });
    await createDraft(tx, tenant.id, statementTemplate({ name: input.companyName, contactEmail: input.contactEmail }));
    return { tenantId: tenant.id, userId: user.id };
  }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ActionError("slugTaken", "slug");
      throw error;
    });
}

export async function slugTaken(slug: string): Promise<boolean> {
  return (await withPlatform((tx) => tx.tenant.count({ where: { slug } }))) > 0;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

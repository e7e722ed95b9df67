import type { PolicyVersion, Tenant } from "@/generated/prisma/client";
import type { TenantTx } from "@/lib/db/tenant-db";
import type { Controller, LocalizedText, StatementContent } from "./content";
import { writeVersionContent } from "./store";

/** The life of statement versions: one draft per tenant, published versions numbered 1, 2, 3... */

type ControllerSource = Pick<
  Tenant,
  "name" | "legalName" | "address" | "country" | "registrationNumber" | "contactEmail" | "phone" | "website" | "dpoName" | "dpoEmail" | "leadAuthorityId"
>;

export function controllerFromTenant(tenant: ControllerSource): Controller {
  return {
    name: tenant.name,
    legalName: tenant.legalName,
    address: tenant.address,
    country: tenant.country,
    registrationNumber: tenant.registrationNumber,
    contactEmail: tenant.contactEmail,
    phone: tenant.phone,
    website: tenant.website,
    dpoName: tenant.dpoName,
    dpoEmail: tenant.dpoEmail,
    leadAuthorityId: tenant.leadAuthorityId,
  };
}

export async function findDraft(tx: TenantTx, tenantId: string): Promise<PolicyVersion | null> {
  return tx.policyVersion.findFirst({ where: { tenantId, status: "DRAFT" } });
}

export async function createDraft(tx: TenantTx, tenantId: string, content: StatementContent): Promise<PolicyVersion> {
  const draft = await tx.policyVersion.create({ data: { tenantId, status: "DRAFT" } });
  await writeVersionContent(tx, tenantId, draft.id, content);
  return draft;
}

export interface PublishInput {
  changeSummary: LocalizedText;
  materialChange: boolean;
  /** Completeness gaps the publisher accepted; recorded on the version. */
  gaps: string[];
  publishedAt?: Date;
}

/** Turns the tenant's draft into the next numbered, immutable version. */
export async function publishDraft(tx: TenantTx, tenant: Tenant, input: PublishInput): Promise<PolicyVersion> {
  const draft = await findDraft(tx, tenant.id);
  if (!draft) throw new Error(`tenant ${tenant.slug} has no draft to publish`);
  const latest = await tx.policyVersion.aggregate({
    where: { tenantId: tenant.id, status: "PUBLISHED" },
    _max: { number: true },
  });
  return tx.policyVersion.update({
    where: { id: draft.id, tenantId: tenant.id },
    data: {
      status: "PUBLISHED",
      number: (latest._max.number ?? 0) + 1,
      publishedAt: input.publishedAt ?? new Date(),
      changeSummary: input.changeSummary,
      materialChange: input.materialChange,
      gaps: input.gaps,
      controller: controllerFromTenant(tenant),
    },
  });
}

export async function listPublishedVersions(tx: TenantTx, tenantId: string): Promise<PolicyVersion[]> {
  return tx.policyVersion.findMany({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" } });
}

/** A published version by number, or the newest one when number is omitted. */
export async function findPublishedVersion(tx: TenantTx, tenantId: string, number?: number): Promise<PolicyVersion | null> {
  return tx.policyVersion.findFirst({
    where: { tenantId, status: "PUBLISHED", ...(number === undefined ? {} : { number }) },
    orderBy: { number: "desc" },
  });
}

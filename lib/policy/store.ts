import type { PolicyVersion } from "@/generated/prisma/client";
import type { TenantTx } from "@/lib/db/tenant-db";
import {
  controllerSchema,
  declarationsSchema,
  localizedText,
  statementContentSchema,
  type Controller,
  type LocalizedText,
  type StatementContent,
} from "./content";

/** Reading and writing a statement version's content rows. Callers run inside withTenant(). */

const text = (value: unknown): LocalizedText => localizedText.parse(value);

export async function readVersionContent(tx: TenantTx, tenantId: string, versionId: string): Promise<StatementContent> {
  const where = { tenantId, versionId };
  const orderBy = { position: "asc" } as const;
  const [version, sections, dataCategories, purposes, recipients, cookies, retention] = await Promise.all([
    tx.policyVersion.findFirst({ where: { id: versionId, tenantId }, select: { declarations: true } }),
    tx.policySection.findMany({ where, orderBy }),
    tx.dataCategory.findMany({ where, orderBy }),
    tx.purpose.findMany({ where, orderBy }),
    tx.recipient.findMany({ where, orderBy }),
    tx.cookie.findMany({ where, orderBy }),
    tx.retentionRule.findMany({ where, orderBy }),
  ]);
  return {
    declarations: declarationsSchema.parse(version?.declarations ?? {}),
    sections: sections.map((s) => ({ uid: s.uid, placement: s.placement, title: text(s.title), body: text(s.body) })),
    dataCategories: dataCategories.map((c) => ({
      uid: c.uid,
      key: c.key,
      name: text(c.name),
      description: text(c.description),
      origin: c.origin,
      source: text(c.source),
      publiclyAccessible: c.publiclyAccessible,
    })),
    purposes: purposes.map((p) => ({
      uid: p.uid,
      name: text(p.name),
      description: text(p.description),
      legalBasis: p.legalBasis,
      legitimateInterest: text(p.legitimateInterest),
      dataCategoryKeys: p.dataCategoryKeys,
      provision: p.provision,
      provisionNote: text(p.provisionNote),
    })),
    recipients: recipients.map((r) => ({
      uid: r.uid,
      name: r.name,
      role: r.role,
      purpose: text(r.purpose),
      dataShared: text(r.dataShared),
      country: r.country,
      safeguard: r.safeguard,
      policyUrl: r.policyUrl,
    })),
    cookies: cookies.map((c) => ({
      uid: c.uid,
      name: c.name,
      provider: c.provider,
      purpose: text(c.purpose),
      category: c.category,
      lifetimeValue: c.lifetimeValue,
      lifetimeUnit: c.lifetimeUnit,
    })),
    retention: retention.map((r) => ({
      uid: r.uid,
      dataCategoryKey: r.dataCategoryKey,
      periodValue: r.periodValue,
      periodUnit: r.periodUnit,
      criteria: text(r.criteria),
    })),
  };
}

/** Replaces every content row of a draft version. The database refuses this for a published version. */
export async function writeVersionContent(
  tx: TenantTx,
  tenantId: string,
  versionId: string,
  input: StatementContent,
): Promise<void> {
  const content = statementContentSchema.parse(input);
  const where = { tenantId, versionId };
  await Promise.all([
    tx.policySection.deleteMany({ where }),
    tx.dataCategory.deleteMany({ where }),
    tx.purpose.deleteMany({ where }),
    tx.recipient.deleteMany({ where }),
    tx.cookie.deleteMany({ where }),
    tx.retentionRule.deleteMany({ where }),
  ]);
  // The version row's trigger refuses this for a published version, as the content rows' triggers do.
  await tx.policyVersion.update({ where: { id: versionId, tenantId }, data: { declarations: content.declarations } });
  const row = <T>(item: T, position: number) => ({ ...item, ...where, position });
  await tx.policySection.createMany({ data: content.sections.map(row) });
  await tx.dataCategory.createMany({ data: content.dataCategories.map(row) });
  await tx.purpose.createMany({ data: content.purposes.map(row) });
  await tx.recipient.createMany({ data: content.recipients.map(row) });
  await tx.cookie.createMany({ data: content.cookies.map(row) });
  await tx.retentionRule.createMany({ data: content.retention.map(row) });
}

export function versionController(version: Pick<PolicyVersion, "controller">): Controller | null {
  return version.controller ? controllerSchema.parse(version.controller) : null;
}

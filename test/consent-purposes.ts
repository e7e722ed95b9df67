import type { Tenant } from "@/generated/prisma/client";
import { withPlatform } from "@/lib/db/tenant-db";
import type { PurposeContent } from "@/lib/policy/content";
import { readVersionContent } from "@/lib/policy/store";
import { createDraft, findDraft, publishDraft } from "@/lib/policy/versions";

/**
 * For tests that need consent purposes at a tenant whose statement bases nothing on
 * consent (inONE): publishes the next statement version with a purpose of legal basis
 * CONSENT per key (uid `test-<key>`) and makes the consent purposes tied to them, each
 * with its wording as version 1. Purposes whose key exists are left alone.
 */
export async function askConsentFor(tenant: Tenant, purposes: Array<{ key: string; directMarketing?: boolean }>): Promise<void> {
  await withPlatform(async (tx) => {
    const tenantId = tenant.id;
    const latest = await tx.policyVersion.findFirstOrThrow({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" } });
    const content = await readVersionContent(tx, tenantId, latest.id);
    const missing = purposes.filter((p) => !content.purposes.some((row) => row.uid === `test-${p.key}`));
    if (missing.length > 0) {
      if (await findDraft(tx, tenantId)) throw new Error(`${tenant.slug} has a draft; askConsentFor would publish it`);
      const added: PurposeContent[] = missing.map((p) => ({
        uid: `test-${p.key}`,
        name: { nl: `Toestemming ${p.key}`, en: `Consent ${p.key}` },
        description: { nl: `Doel ${p.key} op basis van toestemming.`, en: `Purpose ${p.key} based on consent.` },
        legalBasis: "CONSENT",
        legitimateInterest: { nl: "", en: "" },
        dataCategoryKeys: [],
        provision: "VOLUNTARY",
        provisionNote: { nl: "", en: "" },
      }));
      await createDraft(tx, tenantId, { ...content, purposes: [...content.purposes, ...added] });
      await publishDraft(tx, tenant, { changeSummary: { nl: "Toestemming", en: "Consent" }, materialChange: false, gaps: [] });
    }
    const last = await tx.consentPurpose.aggregate({ where: { tenantId }, _max: { position: true } });
    for (const [index, p] of purposes.entries()) {
      if (await tx.consentPurpose.findFirst({ where: { tenantId, key: p.key } })) continue;
      const title = { nl: `Toestemming ${p.key}`, en: `Consent ${p.key}` };
      const description = { nl: `Wij vragen uw toestemming voor ${p.key}.`, en: `We ask your consent for ${p.key}.` };
      const purpose = await tx.consentPurpose.create({
        data: { tenantId, key: p.key, title, description, position: (last._max.position ?? -1) + 1 + index, directMarketing: p.directMarketing ?? false, statementPurposeUid: `test-${p.key}` },
      });
      await tx.consentPurposeVersion.create({ data: { tenantId, purposeId: purpose.id, version: 1, title, description } });
    }
  });
}

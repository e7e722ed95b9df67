import type { PolicyVersion, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { sharedCache } from "@/lib/tenant-cache";
import { localizedText, type Locale } from "./content";
import { buildPublicStatement, type PublicStatement } from "./public-statement";
import { readVersionContent, versionController } from "./store";
import { findPublishedVersion, listPublishedVersions } from "./versions";

/**
 * Published statements as visitors read them, cached per tenant, version and locale
 * so that a page view does not touch the database. publishing calls forgetPublished().
 */

const statements = sharedCache<PublicStatement | null>("published-statement");
const histories = sharedCache<PublishedVersionSummary[]>("published-history");

export interface PublishedVersionSummary {
  number: number;
  publishedAt: Date;
  materialChange: boolean;
  changeSummary: { nl: string; en: string };
}

export function publishedStatement(tenant: Tenant, locale: Locale, number?: number): Promise<PublicStatement | null> {
  return statements.get(tenant.id, `${number ?? "latest"}:${locale}`, () => loadStatement(tenant, locale, number));
}

export function publishedHistory(tenant: Tenant): Promise<PublishedVersionSummary[]> {
  return histories.get(tenant.id, "all", () =>
    withTenant(tenant.id, async (tx) => (await listPublishedVersions(tx, tenant.id)).map(summarise)),
  );
}

export function forgetPublished(tenantId: string): void {
  statements.forget(tenantId);
  histories.forget(tenantId);
}

function summarise(version: PolicyVersion): PublishedVersionSummary {
  return {
    number: version.number!,
    publishedAt: version.publishedAt!,
    materialChange: version.materialChange,
    changeSummary: localizedText.parse(version.changeSummary),
  };
}

async function loadStatement(tenant: Tenant, locale: Locale, number?: number): Promise<PublicStatement | null> {
  return withTenant(tenant.id, async (tx) => {
    const version = await findPublishedVersion(tx, tenant.id, number);
    if (!version) return null;
    const latest = number === undefined ? version : await findPublishedVersion(tx, tenant.id);
    const content = await readVersionContent(tx, tenant.id, version.id);
    return buildPublicStatement(
      {
        tenant: { slug: tenant.slug, name: tenant.name },
        version: { ...summarise(version), number: version.number! },
        latestNumber: latest!.number!,
        controller: versionController(version)!,
        content,
      },
      locale,
    );
  });
}

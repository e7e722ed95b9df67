import { createHash } from "node:crypto";
import { withPlatform } from "@/lib/db/tenant-db";
import { findGaps } from "@/lib/policy/completeness";
import { blockHeadings } from "@/lib/policy/public-statement";
import type { StatementContent } from "@/lib/policy/content";
import { controllerFromTenant, createDraft, publishDraft } from "@/lib/policy/versions";
import type { Role } from "@/generated/prisma/enums";
import type { DemoTenant } from "./demo-tenant";
import { seedDemoPortal } from "./demo-portal";

/** Console users of a demo tenant: an owner everywhere, and every role for the first one. */
export function demoTeam(slug: string, index: number): Array<{ email: string; role: Role }> {
  const team: Array<{ email: string; role: Role }> = [{ email: `owner@${slug}.example`, role: "OWNER" }];
  if (index === 0) {
    team.push(
      { email: `admin@${slug}.example`, role: "ADMIN" },
      { email: `editor@${slug}.example`, role: "EDITOR" },
      { email: `viewer@${slug}.example`, role: "VIEWER" },
    );
  }
  return team;
}

/**
 * Gives each demo row the uid an editor would have kept: the same for the same row in
 * every version of the demo (same section heading, purpose name, recipient, category key,
 * cookie, retention category), so the public ids of the demo's versions line up as they do
 * for a tenant who edits and publishes. Each version of a demo is a separate literal, so
 * without this every version's rows would get fresh uids. Returns a copy.
 */
export function demoRowUids(slug: string, content: StatementContent): StatementContent {
  const identity = {
    sections: (row: StatementContent["sections"][number]) => `${row.placement}:${row.title.en || row.title.nl}`,
    dataCategories: (row: StatementContent["dataCategories"][number]) => row.key,
    purposes: (row: StatementContent["purposes"][number]) => row.name.en || row.name.nl,
    recipients: (row: StatementContent["recipients"][number]) => row.name,
    cookies: (row: StatementContent["cookies"][number]) => `${row.provider}:${row.name}`,
    retention: (row: StatementContent["retention"][number]) => row.dataCategoryKey,
  };
  const withUids = <T extends { uid?: string }>(list: string, rows: T[], of: (row: T) => string): T[] => {
    const seen = new Map<string, number>();
    return rows.map((row) => {
      const key = of(row);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const hash = createHash("sha256").update(`${slug}\n${list}\n${key}\n${occurrence}`).digest("hex");
      return { ...row, uid: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}` };
    });
  };
  return {
    ...content,
    sections: withUids("sections", content.sections, identity.sections),
    dataCategories: withUids("dataCategories", content.dataCategories, identity.dataCategories),
    purposes: withUids("purposes", content.purposes, identity.purposes),
    recipients: withUids("recipients", content.recipients, identity.recipients),
    cookies: withUids("cookies", content.cookies, identity.cookies),
    retention: withUids("retention", content.retention, identity.retention),
  };
}

/**
 * Loads demo tenants that are not there yet. A tenant whose slug exists is left as it
 * is, so running the seed again changes nothing.
 */
export async function seedDemoTenants(tenants: DemoTenant[]): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const [index, demo] of tenants.entries()) {
    if (await withPlatform((tx) => tx.tenant.findUnique({ where: { slug: demo.tenant.slug } }))) {
      existing.push(demo.tenant.slug);
      continue;
    }
    await withPlatform(async (tx) => {
      const tenant = await tx.tenant.create({ data: { ...demo.tenant, demo: true } });
      for (const member of demoTeam(demo.tenant.slug, index)) {
        const user = await tx.user.upsert({ where: { email: member.email }, create: { email: member.email }, update: {} });
        await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: member.role } });
      }
      for (const version of demo.versions) {
        await createDraft(tx, tenant.id, demoRowUids(demo.tenant.slug, version.content));
        await publishDraft(tx, tenant, {
          changeSummary: version.changeSummary,
          materialChange: version.materialChange,
          // What the demo statement does not say is recorded as its gaps, as a real publish would.
          gaps: [...new Set(findGaps({ content: version.content, controller: controllerFromTenant(tenant), headings: blockHeadings() }).map((gap) => gap.code))],
          publishedAt: new Date(version.publishedAt),
        });
      }
      await seedDemoPortal(tx, tenant);
    });
    created.push(demo.tenant.slug);
  }
  return { created, existing };
}

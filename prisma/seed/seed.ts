import { withPlatform } from "@/lib/db/tenant-db";
import { findGaps } from "@/lib/policy/completeness";
import { blockHeadings } from "@/lib/policy/public-statement";
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
        await createDraft(tx, tenant.id, version.content);
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

import { describe, expect, it } from "vitest";
import { notifyOtherProcesses } from "@/lib/db/client";
import { findTenantBySlug } from "@/lib/tenants";
import { platformDb, useTestDatabase } from "@/test/database";
import { followTenantChanges, tenantChanged } from "./tenant-changes";

useTestDatabase();

async function tenantNamed(slug: string, name: string) {
  return platformDb().tenant.create({ data: { slug, name, legalName: name, address: "Straat 1", country: "NL", contactEmail: `privacy@${slug}.example` } });
}

/** Changes the row behind the caches' back, as another process would. */
async function renameBehindTheCache(id: string, name: string) {
  await platformDb().tenant.update({ where: { id }, data: { name } });
}

describe("tenant changes", () => {
  it("drop the tenant's cached details in this process at once", async () => {
    const tenant = await tenantNamed("changes-here", "Before");
    expect((await findTenantBySlug(tenant.slug))?.name).toBe("Before");
    await renameBehindTheCache(tenant.id, "After");
    expect((await findTenantBySlug(tenant.slug))?.name, "served from the cache").toBe("Before");
    tenantChanged(tenant);
    expect((await findTenantBySlug(tenant.slug))?.name).toBe("After");
  });

  it.runIf(process.env.TEST_DB === "postgres")("reach the other app processes on the same PostgreSQL database", async () => {
    const listener = followTenantChanges();
    try {
      await listener.listening;
      const tenant = await tenantNamed("changes-there", "Before");
      expect((await findTenantBySlug(tenant.slug))?.name).toBe("Before");
      await renameBehindTheCache(tenant.id, "After");
      expect((await findTenantBySlug(tenant.slug))?.name, "served from the cache").toBe("Before");
      // What tenantChanged in another process sends; a payload that is not a change is ignored.
      await notifyOtherProcesses("inzage_tenant_changed", "not json");
      await notifyOtherProcesses("inzage_tenant_changed", JSON.stringify({ id: tenant.id, slug: tenant.slug }));
      await expect.poll(async () => (await findTenantBySlug(tenant.slug))?.name, { timeout: 5_000 }).toBe("After");
    } finally {
      await listener.stop();
    }
  });
});

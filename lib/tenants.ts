import type { Tenant } from "@/generated/prisma/client";
import { withPlatform } from "@/lib/db/tenant-db";
import { sharedCache } from "@/lib/tenant-cache";
import { isValidSlug } from "@/lib/tenant-host";

// Keyed by slug rather than id: the slug is what a request carries.
const bySlug = sharedCache<Tenant | null>("tenant-by-slug");

/** The tenant with this slug, or null. Served from memory after the first request. */
export async function findTenantBySlug(slug: string): Promise<Tenant | null> {
  if (!isValidSlug(slug)) return null;
  const tenant = await bySlug.get(slug, "tenant", () => withPlatform((tx) => tx.tenant.findUnique({ where: { slug } })));
  // Unknown slugs are not kept, so that probing many names cannot fill the cache.
  if (!tenant) bySlug.forget(slug);
  return tenant;
}

export function forgetTenant(slug: string): void {
  bySlug.forget(slug);
}

/** The demo tenants with a published statement, for the platform's home page. */
export async function listDemoTenants(): Promise<Array<{ slug: string; name: string }>> {
  return withPlatform((tx) =>
    tx.tenant.findMany({
      where: { demo: true, versions: { some: { status: "PUBLISHED" } } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
  );
}

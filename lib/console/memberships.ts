import type { Role } from "@/generated/prisma/enums";
import { withPlatform } from "@/lib/db/tenant-db";

/**
 * The tenants one person belongs to. This reads across tenants by user, so it is one of
 * the few places outside lib/db/tenant-db.ts that touch tenant-owned rows.
 */
export interface TenantMembership {
  tenant: { id: string; slug: string; name: string };
  role: Role;
}

export async function membershipsOf(userId: string): Promise<TenantMembership[]> {
  const rows = await withPlatform((tx) =>
    tx.membership.findMany({
      where: { userId },
      include: { tenant: { select: { id: true, slug: true, name: true } } },
      orderBy: { tenant: { name: "asc" } },
    }),
  );
  return rows.map((row) => ({ tenant: row.tenant, role: row.role }));
}

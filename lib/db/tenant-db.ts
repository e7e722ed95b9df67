import type { Prisma } from "@/generated/prisma/client";
import { db, platformDbClient } from "./client";

/**
 * The one door to tenant-owned data. withTenant() runs its work in a transaction as
 * the database role inzage_app with the setting inzage.tenant_id, so row-level
 * security (migration 20261122060000) shows and accepts only that tenant's rows; every
 * query in it still names tenantId as well. A query outside any tenant sees nothing.
 * On PostgreSQL its connections log in as inzage_app_login, a member of inzage_app
 * only (lib/db/client.ts), so SQL run there cannot switch to inzage_platform.
 */
export type TenantTx = Prisma.TransactionClient;

/**
 * Under load every pool connection may be busy: a transaction waits its turn for up to
 * 15 s (Prisma's default is 2 s, after which the request would fail).
 */
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export async function withTenant<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  const client = await db();
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'inzage_app', true), set_config('inzage.tenant_id', ${tenantId}, true)`;
    return work(tx);
  }, transactionOptions);
}

/**
 * The narrow path for work that must cross tenants: sign-up, finding a tenant by its
 * slug or host, an API key by its hash, an invitation by its token, the reminder and
 * webhook jobs. It runs as inzage_platform, which row-level security lets through, on
 * PostgreSQL over a pool and login of its own (inzage_platform_login).
 * Keep its uses few and easy to review: `grep -rn withPlatform`.
 */
export async function withPlatform<T>(work: (tx: TenantTx) => Promise<T>): Promise<T> {
  const client = await platformDbClient();
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'inzage_platform', true)`;
    return work(tx);
  }, transactionOptions);
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnect, rawSql, useAppRole } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { withPlatform, type TenantTx } from "@/lib/db/tenant-db";

/**
 * Gives the test file its own empty, migrated database: an in-memory PGlite, or a new
 * database on the PostgreSQL server (dropped afterwards). Call at the top of a file.
 */
export function useTestDatabase(): void {
  let created: string | null = null;
  beforeAll(async () => {
    if (process.env.TEST_DB === "postgres") {
      const admin = process.env.TEST_DATABASE_ADMIN_URL!;
      created = `inzage_test_${randomBytes(6).toString("hex")}`;
      await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${created}`));
      const url = new URL(admin);
      url.pathname = `/${created}`;
      process.env.DATABASE_URL = url.toString();
    } else {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DATA_DIR = "memory://";
    }
    const raw = await rawSql();
    await migrate(raw);
    await raw.close();
    await useAppRole();
  });
  afterAll(async () => {
    await disconnect();
    if (created) {
      const name = created;
      await withAdmin(process.env.TEST_DATABASE_ADMIN_URL!, async (client) => {
        // A connection still closing would be killed by FORCE; give it a moment first.
        await client.query(`DROP DATABASE IF EXISTS ${name}`).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      });
    }
  });
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * For tests that look at the database directly: each call runs as the platform role,
 * which row-level security lets through (the app's own session sees only what
 * withTenant allows). Use it like a Prisma client: `await platformDb().tenant.findMany()`.
 */
export function platformDb(): TenantTx {
  return new Proxy({} as TenantTx, {
    get: (_client, model: string) =>
      new Proxy(
        {},
        {
          get: (_delegate, operation: string) => (args?: unknown) =>
            withPlatform((tx) => (tx as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>)[model][operation](args)),
        },
      ),
  });
}

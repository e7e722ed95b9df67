import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnect, rawSql, useAppRole } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { withPlatform, type TenantTx } from "@/lib/db/tenant-db";
import { copyPostgresTemplate, databaseUrl, dropDatabase, withAdmin } from "./db-template";

/**
 * Gives the test file its own migrated database: an in-memory PGlite, or a new database
 * on the PostgreSQL server (dropped afterwards). Call at the top of a file.
 *
 * The database is a copy of the template test/global-setup.ts migrated once for the run
 * (test/db-template.ts). With `fromEmpty` it starts empty and is migrated here instead,
 * for the tests of the migrations themselves.
 */
export function useTestDatabase(options: { fromEmpty?: boolean } = {}): void {
  let created: string | null = null;
  beforeAll(async () => {
    const setup = inject("testDatabase");
    if (!setup) throw new Error("No test database template: run integration tests through vitest.config.ts (its globalSetup builds it)");
    if (setup.kind === "postgres") {
      const admin = process.env.TEST_DATABASE_ADMIN_URL!;
      created = `${setup.prefix}${randomBytes(6).toString("hex")}`;
      if (options.fromEmpty) {
        await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${created}`));
        process.env.DATABASE_URL = databaseUrl(admin, created);
      } else {
        process.env.DATABASE_URL = await copyPostgresTemplate(admin, setup.template, created);
      }
    } else {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DATA_DIR = "memory://";
      if (options.fromEmpty) delete process.env.PGLITE_LOAD_DATA_DIR;
      else process.env.PGLITE_LOAD_DATA_DIR = setup.template;
    }
    if (options.fromEmpty) {
      const raw = await rawSql();
      await migrate(raw);
      await raw.close();
    }
    await useAppRole();
  });
  afterAll(async () => {
    await disconnect();
    delete process.env.PGLITE_LOAD_DATA_DIR;
    if (created) {
      const name = created;
      await withAdmin(process.env.TEST_DATABASE_ADMIN_URL!, (client) => dropDatabase(client, name, true));
    }
  });
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

import { beforeAll, describe, expect, it } from "vitest";
import { rawSql } from "@/lib/db/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

useTestDatabase();

/** Tables of the installation itself, holding no tenant's data. Every other table must have a policy. */
const platformTables = ["_prisma_migrations", "User", "Session", "VerificationToken", "PlatformSetting", "OutboxMail", "RateLimitCounter"];

let a = "";
let b = "";

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 2));
  const tenants = await platformDb().tenant.findMany({ orderBy: { slug: "asc" } });
  [a, b] = tenants.map((t) => t.id);
});

/** Runs SQL as the app's database role, with the tenant setting given (or none). */
async function asApp<T>(tenantId: string | null, work: (query: (sql: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const raw = await rawSql();
  const rollback = new Error("rollback");
  let result: T | undefined;
  try {
    await raw.transaction(async (tx) => {
      await tx.query("SELECT set_config('role', 'inzage_app', true)");
      if (tenantId) await tx.query("SELECT set_config('inzage.tenant_id', $1, true)", [tenantId]);
      result = await work((sql, params) => tx.query(sql, params));
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  } finally {
    await raw.close();
  }
  return result as T;
}

describe("row-level security", () => {
  it("every table but the platform's own has row-level security, forced, with a policy", async () => {
    const raw = await rawSql();
    const tables = await raw.query<{ name: string; enabled: boolean; forced: boolean; policies: number }>(`
      SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    await raw.close();
    const tenantTables = tables.filter((t) => !platformTables.includes(t.name));
    expect(tenantTables.length).toBeGreaterThan(25);
    const unprotected = tenantTables.filter((t) => !t.enabled || !t.forced || t.policies === 0).map((t) => t.name);
    expect(unprotected).toEqual([]);
  });

  it("as the app's role, another tenant's rows cannot be read by raw SQL", async () => {
    await asApp(a, async (query) => {
      expect(await query(`SELECT id FROM "Tenant" WHERE id = $1`, [b])).toEqual([]);
      expect(await query(`SELECT id FROM "PolicyVersion" WHERE "tenantId" = $1`, [b])).toEqual([]);
      expect(await query(`SELECT id FROM "Membership" WHERE "tenantId" = $1`, [b])).toEqual([]);
      const own = (await query(`SELECT DISTINCT "tenantId" FROM "PolicyVersion"`)) as Array<{ tenantId: string }>;
      expect(own.map((row) => row.tenantId)).toEqual([a]);
    });
  });

  it("as the app's role, another tenant's rows cannot be written", async () => {
    await asApp(a, async (query) => {
      expect(await query(`UPDATE "Tenant" SET name = 'taken over' WHERE id = $1 RETURNING id`, [b])).toEqual([]);
      expect(await query(`DELETE FROM "Membership" WHERE "tenantId" = $1 RETURNING id`, [b])).toEqual([]);
      await expect(
        query(`INSERT INTO "ConsentPurpose" (id, "tenantId", key, title, description, position) VALUES ('x', $1, 'k', '{}', '{}', 0)`, [b]),
      ).rejects.toThrow(/row-level security/);
    });
    expect((await platformDb().tenant.findUniqueOrThrow({ where: { id: b } })).name).not.toBe("taken over");
  });

  it("a query that forgets its tenant sees nothing rather than everything", async () => {
    await asApp(null, async (query) => {
      expect(await query(`SELECT id FROM "Tenant"`)).toEqual([]);
      expect(await query(`SELECT id FROM "PolicyVersion"`)).toEqual([]);
    });
  });

  it("withTenant sees one tenant, withPlatform all", async () => {
    const seen = await withTenant(a, (tx) => tx.policyVersion.findMany({ select: { tenantId: true } }));
    expect(new Set(seen.map((v) => v.tenantId))).toEqual(new Set([a]));
    const all = await withPlatform((tx) => tx.policyVersion.findMany({ select: { tenantId: true } }));
    expect(new Set(all.map((v) => v.tenantId))).toEqual(new Set([a, b]));
  });
});

/**
 * An SQL injection inside withTenant runs as the app's login. On PostgreSQL that login is
 * a member of inzage_app only (migration 20261203050000_login_roles), so it cannot
 * become the platform (which passes row-level security) or the owner. The embedded
 * database has a single session started as its superuser, which any statement could
 * switch back to: these tests do not apply there, which the README states.
 */
describe.skipIf(process.env.TEST_DB !== "postgres")("the app's database login (PostgreSQL)", () => {
  /** Runs the statements inside a withTenant transaction of tenant a, rolled back afterwards. */
  async function injected<T>(work: (query: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T> {
    const rollback = new Error("rollback");
    let result: T | undefined;
    await withTenant(a, async (tx) => {
      result = await work((sql) => tx.$queryRawUnsafe(sql));
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
    return result as T;
  }

  it("cannot SET ROLE to the platform role or the owner", async () => {
    for (const role of ["inzage_platform", "postgres", "inzage_platform_login"]) {
      await expect(injected((query) => query(`SET ROLE ${role}`)), role).rejects.toThrow(/permission denied to set role/);
    }
  });

  it("after RESET ROLE is still neither platform nor owner and sees only its tenant", async () => {
    const seen = await injected(async (query) => {
      await query("RESET ROLE");
      const [who] = (await query(
        `SELECT session_user::text AS login, current_user::text AS role, r.rolsuper AS super, r.rolbypassrls AS bypass,
                pg_has_role(current_user, 'inzage_platform', 'MEMBER') AS platform
         FROM pg_roles r WHERE r.rolname = current_user`,
      )) as Array<Record<string, unknown>>;
      const other = await query(`SELECT id FROM "PolicyVersion" WHERE "tenantId" = '${b}'`);
      const tenants = await query(`SELECT id FROM "Tenant"`);
      const escape = await query(`SET ROLE inzage_platform`).then(
        () => "switched",
        (error: Error) => error.message,
      );
      return { who, other, tenants, escape };
    });
    expect(seen.who).toEqual({ login: "inzage_app_login", role: "inzage_app_login", super: false, bypass: false, platform: false });
    expect(seen.other).toEqual([]);
    expect(seen.tenants).toEqual([{ id: a }]);
    expect(seen.escape).toMatch(/permission denied to set role/);
  });

  it("cannot read another tenant's rows by clearing or changing the setting it cannot own", async () => {
    const rows = await injected(async (query) => {
      await query("RESET ROLE");
      await query("SELECT set_config('inzage.tenant_id', '', true)");
      return query(`SELECT id FROM "Membership"`);
    });
    expect(rows).toEqual([]);
  });

  it("platform work runs on its own login, as the platform role", async () => {
    const [who] = await withPlatform((tx) => tx.$queryRaw<Array<{ login: string; role: string }>>`SELECT session_user::text AS login, current_user::text AS role`);
    expect(who).toEqual({ login: "inzage_platform_login", role: "inzage_platform" });
    const tenants = await withPlatform((tx) => tx.tenant.count());
    expect(tenants).toBe(2);
  });
});

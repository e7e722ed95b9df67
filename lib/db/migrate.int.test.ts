import { describe, expect, it } from "vitest";
import { rawSql } from "@/lib/db/client";
import { migrate, readMigrations, type Migration } from "@/lib/db/migrate";
import { useTestDatabase } from "@/test/database";

// From an empty database, not the migrated template the other files copy: the first
// test's "skipped" then proves every migration applied to an empty database.
useTestDatabase({ fromEmpty: true });

describe("migrate", () => {
  it("is safe to run twice: the second run applies nothing", async () => {
    const raw = await rawSql();
    const result = await migrate(raw);
    expect(result.applied).toEqual([]);
    expect(result.skipped).toEqual((await readMigrations()).map((m) => m.name));
    await raw.close();
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    const raw = await rawSql();
    const broken: Migration = {
      name: "99999999999999_broken",
      sql: `CREATE TABLE "half_done" (id int); SELECT * FROM "no_such_table";`,
      checksum: "x",
    };
    await expect(migrate(raw, [...(await readMigrations()), broken])).rejects.toThrow(/99999999999999_broken failed and was rolled back/);
    const tables = await raw.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toEqual([]);
    const ledger = await raw.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(ledger).toEqual([]);
    await raw.close();
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const raw = await rawSql();
    const [first, ...rest] = await readMigrations();
    await expect(migrate(raw, [{ ...first, checksum: "changed" }, ...rest])).rejects.toThrow(/was changed after it was applied/);
    await raw.close();
  });
});

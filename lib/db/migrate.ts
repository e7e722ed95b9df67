import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { RawSql } from "./raw";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own
 * transaction, and records them in Prisma's _prisma_migrations table. Prisma's own
 * `migrate deploy` cannot reach a PostgreSQL server through the JavaScript engine on
 * these machines, so this runner serves both PGlite and PostgreSQL.
 */

export const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const createLedger = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary constant that serialises concurrent migration runs on one server. */
const lockKey = 7_262_011;

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

export async function migrate(db: RawSql, migrations?: Migration[]): Promise<MigrateResult> {
  const all = migrations ?? (await readMigrations());
  await db.exec(createLedger);
  await db.query("SELECT pg_advisory_lock($1)", [lockKey]);
  try {
    const done = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
    const known = new Set(all.map((m) => m.name));
    const unknown = [...doneByName.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(`The database has migrations this code does not know: ${unknown.join(", ")}`);
    }
    const result: MigrateResult = { applied: [], skipped: [] };
    for (const migration of all) {
      const appliedChecksum = doneByName.get(migration.name);
      if (appliedChecksum === migration.checksum) {
        result.skipped.push(migration.name);
        continue;
      }
      if (appliedChecksum) {
        throw new MigrationError(`Migration ${migration.name} was changed after it was applied; add a new migration instead`);
      }
      await applyOne(db, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [lockKey]);
  }
}

async function applyOne(db: RawSql, migration: Migration): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

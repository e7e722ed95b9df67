import { createGunzip, createGzip } from "node:zlib";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { RawSql } from "./raw";

/**
 * A logical backup that works the same on the embedded database and on PostgreSQL: a
 * gzip of JSON lines, first a header naming the applied migrations, then each table's
 * rows in chunks. Restoring replaces every table's contents in one transaction, with
 * triggers paused so that append-only tables can be reloaded (this needs a superuser,
 * which the embedded database always is).
 */

interface Header {
  format: "inzage-backup";
  version: 1;
  createdAt: string;
  migrations: string[];
}

interface Chunk {
  table: string;
  rows: unknown[];
}

const chunkRows = 2000;

/** Columns that hold data (generated columns are computed again on insert). */
async function storedColumns(raw: RawSql): Promise<Map<string, string[]>> {
  const rows = await raw.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const row of rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), `"${row.column_name}"`]);
  return columns;
}

export async function userTables(raw: RawSql): Promise<string[]> {
  const rows = await raw.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

async function appliedMigrations(raw: RawSql): Promise<string[]> {
  const rows = await raw.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

export async function writeBackup(raw: RawSql, destination: Writable): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => {
    gzip.pipe(destination).on("finish", resolve).on("error", reject);
  });
  const write = (value: unknown) =>
    new Promise<void>((resolve) => (gzip.write(JSON.stringify(value) + "\n") ? resolve() : gzip.once("drain", resolve)));
  const header: Header = { format: "inzage-backup", version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(raw) };
  await write(header);
  const tables = await userTables(raw);
  let total = 0;
  // One snapshot for all tables, read through a cursor so a large table is not held in memory.
  await raw.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    for (const table of tables) {
      await tx.exec(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t) AS row FROM "${table}" t`);
      for (;;) {
        const rows = await tx.query<{ row: unknown }>(`FETCH ${chunkRows} FROM backup_rows`);
        if (rows.length === 0) break;
        total += rows.length;
        await write({ table, rows: rows.map((r) => r.row) } satisfies Chunk);
      }
      await tx.exec("CLOSE backup_rows");
    }
  });
  gzip.end();
  await done;
  return { tables: tables.length, rows: total };
}

export class BackupError extends Error {}

export async function restoreBackup(raw: RawSql, source: Readable): Promise<{ tables: number; rows: number }> {
  let header: Header | null = null;
  let rows = 0;
  const seen = new Set<string>();
  const tables = await userTables(raw);
  const columns = await storedColumns(raw);
  const current = await appliedMigrations(raw);
  await raw.transaction(async (tx) => {
    // Created only now: lines read before the loop starts listening would be lost.
    const lines = createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Header | Chunk;
      if (!header) {
        if ((record as Header).format !== "inzage-backup") throw new BackupError("this file is not an Inzage backup");
        header = record as Header;
        if (header.migrations.join() !== current.join()) {
          throw new BackupError("the backup was made at another schema version; run npm run db:migrate to the same version first");
        }
        await tx.exec("SET LOCAL session_replication_role = replica");
        await tx.exec(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")}`);
        continue;
      }
      const chunk = record as Chunk;
      if (!tables.includes(chunk.table)) throw new BackupError(`the backup has a table this database does not: ${chunk.table}`);
      seen.add(chunk.table);
      const list = columns.get(chunk.table)!.join(", ");
      await tx.query(`INSERT INTO "${chunk.table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${chunk.table}", $1::json)`, [
        JSON.stringify(chunk.rows),
      ]);
      rows += chunk.rows.length;
    }
    if (!header) throw new BackupError("the backup file is empty");
  });
  return { tables: seen.size, rows };
}

import { readFile } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "./target";

/**
 * Plain SQL as the database's owner, for migrations, backups and tests; the app itself
 * uses Prisma as the restricted role inzage_app (lib/db/client.ts).
 */
export interface RawQueries {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

export interface RawSql extends RawQueries {
  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (raw: RawQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded database has one session, shared with Prisma, whose role is the app's.
 * Each raw call therefore runs in a transaction of its own that acts as the owner.
 */
export function rawFromPglite(db: PGlite, closeDb = false): RawSql {
  const asOwner = async <T>(work: (tx: Transaction) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.exec("SET LOCAL ROLE NONE");
      return work(tx);
    });
  const queries = (tx: Transaction): RawQueries => ({
    async query<Row>(sql: string, params?: unknown[]) {
      return (await tx.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
  });
  return {
    query: (sql, params) => asOwner((tx) => queries(tx).query(sql, params)),
    exec: (sql) => asOwner((tx) => queries(tx).exec(sql)),
    transaction: (work) => asOwner((tx) => work(queries(tx))),
    async close() {
      if (closeDb) await db.close();
    },
  };
}

export function rawFromPgClient(client: pg.Client): RawSql {
  const queries: RawQueries = {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
  return {
    ...queries,
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work(queries);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

export async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<PGlite> {
  const loadDataDir = target.loadFrom ? new Blob([await readFile(/*turbopackIgnore: true*/ target.loadFrom)]) : undefined;
  const db = new PGlite({ dataDir: target.dataDir === "memory://" ? undefined : target.dataDir, loadDataDir });
  await db.waitReady;
  return db;
}

export async function openRaw(target: DatabaseTarget): Promise<RawSql> {
  if (target.kind === "pglite") return rawFromPglite(await openPglite(target), true);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return rawFromPgClient(client);
}

/** Makes the session act as inzage_app, once migrations have created that role. */
export const useAppRoleSql = `DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inzage_app') THEN SET ROLE inzage_app; END IF;
END $$`;

import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite, rawFromPglite, useAppRoleSql, type RawSql } from "./raw";
import { databaseTarget, type DatabaseTarget } from "./target";

export type Db = PrismaClient;

interface Connection {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The embedded database, when that is the target: one instance per process. */
  pglite: PGlite | null;
  pool: pg.Pool | null;
}

// Next.js may load this module in more than one bundle of the same process; the
// connection lives on globalThis so that every copy shares it.
const state = globalThis as typeof globalThis & { __inzageDb?: Promise<Connection> };

async function connect(target: DatabaseTarget): Promise<Connection> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // Every connection of the app acts as inzage_app, which row-level security binds.
    pool.on("connect", (client) => void client.query(useAppRoleSql));
    // A connection the server closes while idle is replaced on next use; it must not end the process.
    pool.on("error", (error) => console.warn(`database connection closed: ${error.message}`));
    return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), target, pglite: null, pool };
  }
  const pglite = await openPglite(target.dataDir);
  await pglite.exec(useAppRoleSql);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), target, pglite, pool: null };
}

function connection(): Promise<Connection> {
  state.__inzageDb ??= connect(databaseTarget());
  return state.__inzageDb;
}

/** The process-wide Prisma client for the configured database. */
export async function db(): Promise<PrismaClient> {
  return (await connection()).prisma;
}

/**
 * Plain SQL on the same database as db(). With PGlite this is the same in-process
 * instance, which is the only way to reach an in-memory database.
 */
export async function rawSql(): Promise<RawSql> {
  const { pglite, target } = await connection();
  if (pglite) return rawFromPglite(pglite);
  const { openRaw } = await import("./raw");
  return openRaw(target);
}

/**
 * Sends a notification to every process listening on the same PostgreSQL database.
 * The embedded database is opened by one process only: nobody else to tell.
 */
export async function notifyOtherProcesses(channel: string, payload: string): Promise<void> {
  const { pool } = await connection();
  await pool?.query("SELECT pg_notify($1, $2)", [channel, payload]);
}

/**
 * Calls onMessage for each notification on the channel, on a connection of its own that
 * is opened again after it drops. `listening` settles once the first connection
 * listens (or failed to). With the embedded database it does nothing.
 */
export interface Listener {
  listening: Promise<void>;
  stop(): Promise<void>;
}

export function listenToOtherProcesses(channel: string, onMessage: (payload: string) => void): Listener {
  const target = databaseTarget();
  if (target.kind !== "postgres") return { listening: Promise.resolve(), stop: async () => {} };
  let client: pg.Client | null = null;
  let stopped = false;
  const open = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: target.url });
    next.on("notification", (message) => message.channel === channel && onMessage(message.payload ?? ""));
    next.on("error", () => {
      client = null;
      next.end().catch(() => {});
      if (!stopped) setTimeout(open, 5_000).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
    } catch {
      next.end().catch(() => {});
      if (!stopped) setTimeout(open, 5_000).unref();
    }
  };
  return {
    listening: open(),
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}

export async function disconnect(): Promise<void> {
  const pending = state.__inzageDb;
  if (!pending) return;
  state.__inzageDb = undefined;
  const { prisma, pglite, pool } = await pending;
  await prisma.$disconnect();
  await pool?.end();
  await pglite?.close();
}

/**
 * After migrations ran on a database this process already has open (tests do this with
 * an in-memory database): from now on the app's session acts as inzage_app.
 */
export async function useAppRole(): Promise<void> {
  const { pglite } = await connection();
  // PostgreSQL pool connections take the role as they open (see connect above).
  if (pglite) await pglite.exec(useAppRoleSql);
}

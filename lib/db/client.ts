import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite, rawFromPglite, useAppRoleSql, type RawSql } from "./raw";
import { appLogins, databaseTarget, type DatabaseTarget } from "./target";

export type Db = PrismaClient;

interface Connection {
  /** The app's client: withTenant and the platform's own tables. */
  prisma: PrismaClient;
  /** withPlatform's client; on PostgreSQL over a pool of its own (see connect). */
  platformPrisma: PrismaClient;
  target: DatabaseTarget;
  /** The embedded database, when that is the target: one instance per process. */
  pglite: PGlite | null;
  pools: pg.Pool[];
}

// Next.js may load this module in more than one bundle of the same process; the
// connection lives on globalThis so that every copy shares it.
const state = globalThis as typeof globalThis & { __inzageDb?: Promise<Connection> };

async function connect(target: DatabaseTarget): Promise<Connection> {
  if (target.kind === "postgres") {
    // Two logins, two pools (migration 20261203050000_login_roles). The app's login is a
    // member of inzage_app only, so no statement on its connections, not even an injected
    // SET ROLE or RESET ROLE, reaches inzage_platform (which passes row-level security) or
    // the owner. Platform work runs on its own login, a member of inzage_platform only;
    // its connections take that role as they open (BYPASSRLS is not inherited).
    const { tenantUrl, platformUrl } = appLogins(target.url);
    const tenantPool = openPool(tenantUrl);
    const platformPool = openPool(platformUrl, "-c role=inzage_platform");
    return {
      prisma: new PrismaClient({ adapter: new PrismaPg(tenantPool) }),
      platformPrisma: new PrismaClient({ adapter: new PrismaPg(platformPool) }),
      target,
      pglite: null,
      pools: [tenantPool, platformPool],
    };
  }
  // The embedded database has one session, started as its superuser: it acts as
  // inzage_app and withPlatform switches to inzage_platform per transaction. A second
  // login cannot exist there, so this split does not protect the embedded database.
  const pglite = await openPglite(target);
  await pglite.exec(useAppRoleSql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return { prisma, platformPrisma: prisma, target, pglite, pools: [] };
}

function openPool(connectionString: string, options?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, options, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // A connection the server closes while idle is replaced on next use; it must not end the process.
  pool.on("error", (error) => console.warn(`database connection closed: ${error.message}`));
  return pool;
}

function connection(): Promise<Connection> {
  state.__inzageDb ??= connect(databaseTarget());
  return state.__inzageDb;
}

/** The process-wide Prisma client for the configured database. */
export async function db(): Promise<PrismaClient> {
  return (await connection()).prisma;
}

/** The client for withPlatform (lib/db/tenant-db.ts) only. */
export async function platformDbClient(): Promise<PrismaClient> {
  return (await connection()).platformPrisma;
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
  const { pools } = await connection();
  await pools[0]?.query("SELECT pg_notify($1, $2)", [channel, payload]);
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
    const next = new pg.Client({ connectionString: appLogins(target.url).tenantUrl });
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
  const { prisma, platformPrisma, pglite, pools } = await pending;
  await prisma.$disconnect();
  if (platformPrisma !== prisma) await platformPrisma.$disconnect();
  for (const pool of pools) await pool.end();
  await pglite?.close();
}

/**
 * After migrations ran on a database this process already has open (tests do this with
 * an in-memory database): from now on the app's session acts as inzage_app.
 */
export async function useAppRole(): Promise<void> {
  const { pglite } = await connection();
  // PostgreSQL connections log in as the app's own roles (see connect above).
  if (pglite) await pglite.exec(useAppRoleSql);
}

import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate, readMigrations, type Migration } from "@/lib/db/migrate";
import { openRaw, rawFromPglite } from "@/lib/db/raw";

/**
 * Migrated databases to copy, so that each integration test file (test/database.ts) and
 * each end-to-end server (scripts/e2e-server.ts) starts from a copy instead of building
 * and migrating a database of its own. Both are named by a hash of the migrations, so a
 * new or changed migration builds a new template and an old one is never used:
 * - PostgreSQL: a database inzage_test_template_<hash>, copied with CREATE DATABASE … TEMPLATE.
 * - PGlite: a dump of its data directory (dumpDataDir) in node_modules/.cache/inzage-tests/,
 *   loaded into a new in-memory database (PGLITE_LOAD_DATA_DIR) or a new data directory.
 * Building one takes as long as migrating once (PGlite's initdb is most of it); copying
 * takes a second or two. The login roles migrations create belong to the whole server,
 * so a copy finds them there.
 */

/** sha256 of every migration's name and SQL (plus, for a PGlite dump, PGlite's version), 16 hex digits. */
export function templateHash(migrations: Migration[], extra = ""): string {
  const hash = createHash("sha256").update(`${extra}\0`);
  for (const migration of migrations) hash.update(`${migration.name}\0${migration.checksum}\0`);
  return hash.digest("hex").slice(0, 16);
}

// ---- PostgreSQL ----

const templatePrefix = "inzage_test_template_";
/** A template nobody used for this long belongs to migrations no checkout has any more. */
const staleAfterMs = 24 * 60 * 60 * 1000;

/**
 * The name of the migrated template database for the current migrations, built now when
 * the server has none. Built under a name of its own and renamed when complete, so a run
 * that starts meanwhile (another checkout, the e2e servers) never copies half a template.
 */
export async function postgresTemplate(adminUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const name = `${templatePrefix}${templateHash(migrations)}`;
  return withAdmin(adminUrl, async (admin) => {
    if (!(await databaseExists(admin, name))) {
      const building = `${name}_b${randomBytes(3).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${building}`);
      try {
        const raw = await openRaw({ kind: "postgres", url: databaseUrl(adminUrl, building) });
        try {
          await migrate(raw, migrations);
        } finally {
          await raw.close();
        }
        // The migration's connection may still be closing on the server side.
        await retryWhileInUse(() => admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
      } catch (error) {
        await dropDatabase(admin, building, true);
        if (!(await databaseExists(admin, name))) throw error;
        // Another run built the same template first: use theirs.
      }
    }
    await admin.query(`COMMENT ON DATABASE ${name} IS ${pg.escapeLiteral(`inzage test template, last used ${new Date().toISOString()}`)}`);
    await dropStaleTemplates(admin, name);
    return name;
  });
}

/** A new database `name` as a copy of the template. */
export async function copyPostgresTemplate(adminUrl: string, template: string, name: string): Promise<string> {
  await withAdmin(adminUrl, async (admin) => {
    // Copies are made at once by parallel test files; each copy only reads the template.
    await retryWhileInUse(() => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    // A database's own privileges are not copied from its template (migration 20261203050000_login_roles).
    await admin.query(`GRANT CONNECT ON DATABASE ${name} TO inzage_app_login, inzage_platform_login`);
  });
  return databaseUrl(adminUrl, name);
}

/** Drops the databases whose names start with `prefix` (a test run's copies left behind by a crashed worker). */
export async function dropDatabasesStartingWith(adminUrl: string, prefix: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows.rows) await dropDatabase(admin, datname, true);
  });
}

export async function dropDatabase(admin: pg.Client, name: string, force = false): Promise<void> {
  // A connection still closing would be killed by FORCE; give it a moment first.
  await retryWhileInUse(() => admin.query(`DROP DATABASE IF EXISTS ${name}`), 5).catch(() =>
    force ? admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) : Promise.reject(new Error(`${name} is still in use`)),
  );
}

async function dropStaleTemplates(admin: pg.Client, current: string): Promise<void> {
  const rows = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2`,
    [templatePrefix, current],
  );
  for (const { datname, comment } of rows.rows) {
    const lastUsed = Date.parse(comment?.match(/last used (\S+)/)?.[1] ?? "");
    // Half-built ones (no comment yet) may be another run's work in progress: left alone.
    if (Number.isFinite(lastUsed) && Date.now() - lastUsed > staleAfterMs) await dropDatabase(admin, datname).catch(() => {});
  }
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  return (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
}

/**
 * Retries while PostgreSQL says another session is using the database (55006
 * object_in_use): a connection just closed by the client can linger for a moment.
 */
async function retryWhileInUse<T>(work: () => Promise<T>, tries = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---- PGlite ----

const cacheDir = path.resolve(process.cwd(), "node_modules/.cache/inzage-tests");

/** The path of a dump of a migrated PGlite data directory for the current migrations, built now when missing. */
export async function pgliteTemplate(): Promise<string> {
  // Its package.json is not among its exports; a new version may store data differently.
  const manifest = path.resolve(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  const pgliteVersion = (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
  const migrations = await readMigrations();
  const file = path.join(cacheDir, `pglite-${templateHash(migrations, `pglite ${pgliteVersion}`)}.tar`);
  if (await stat(file).then(() => true, () => false)) return file;
  const db = new PGlite();
  try {
    await migrate(rawFromPglite(db), migrations);
    const dump = await db.dumpDataDir("none");
    await mkdir(cacheDir, { recursive: true });
    // Written under a name of its own and renamed: a run starting meanwhile never reads half a file.
    const partial = `${file}.${randomBytes(3).toString("hex")}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

/** Replaces `dataDir` with a copy of the PGlite template. */
export async function copyPgliteTemplate(template: string, dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  const db = new PGlite(dataDir, { loadDataDir: new Blob([await readFile(template)]) });
  await db.waitReady;
  await db.close();
}

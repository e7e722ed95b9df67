import path from "node:path";

/**
 * Which database the process uses: a PostgreSQL server, or the embedded PGlite.
 * On PostgreSQL, `url` is the owner's (migrations, backups, tests' raw SQL); the app's
 * queries use two other logins, see appLogins below.
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string; loadFrom?: string };

export const defaultPgliteDir = "data/pglite";

export function databaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)");
    }
    return { kind: "postgres", url };
  }
  const dir = env.PGLITE_DATA_DIR?.trim() || defaultPgliteDir;
  // A dump (PGlite's dumpDataDir) that a new in-memory database starts as a copy of: the
  // integration tests' migrated template (test/db-template.ts).
  const loadFrom = env.PGLITE_LOAD_DATA_DIR?.trim();
  if (dir.startsWith("memory://")) return { kind: "pglite", dataDir: dir, ...(loadFrom ? { loadFrom: path.resolve(/*turbopackIgnore: true*/ loadFrom) } : {}) };
  if (loadFrom) throw new Error("PGLITE_LOAD_DATA_DIR is for an in-memory database only (PGLITE_DATA_DIR=memory://)");
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ dir) };
}

/** Login roles made by migration 20261203050000_login_roles: each a member of one group role only. */
export const appLoginRole = "inzage_app_login";
export const platformLoginRole = "inzage_platform_login";

export interface AppLogins {
  /** withTenant and everything else of the app: a member of inzage_app only, which row-level security binds. */
  tenantUrl: string;
  /** withPlatform: a member of inzage_platform only; connections act as inzage_platform. */
  platformUrl: string;
}

/**
 * The app's two PostgreSQL logins: DATABASE_APP_URL and DATABASE_PLATFORM_URL, or else
 * DATABASE_URL with its user replaced by the login role and no password (enough with
 * trust authentication, as on development and CI machines; production sets both URLs
 * with passwords). The tenant login can never become the platform or the owner.
 */
export function appLogins(ownerUrl: string, env: Record<string, string | undefined> = process.env): AppLogins {
  return {
    tenantUrl: env.DATABASE_APP_URL?.trim() || withUser(ownerUrl, appLoginRole),
    platformUrl: env.DATABASE_PLATFORM_URL?.trim() || withUser(ownerUrl, platformLoginRole),
  };
}

function withUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = "";
  return parsed.toString();
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

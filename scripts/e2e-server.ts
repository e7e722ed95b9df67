import { spawn } from "node:child_process";
import path from "node:path";
import { copyPgliteTemplate, copyPostgresTemplate, pgliteTemplate, postgresTemplate, withAdmin } from "../test/db-template";
import { runMigrations } from "./db-migrate";
import { runSeed } from "./db-seed";

/**
 * Starts the built app for the end-to-end tests on a fresh database with the demo
 * tenants: an embedded one, or with E2E_POSTGRES_URL a new database on that server.
 * The database starts as a copy of the migrated template the integration tests use
 * (test/db-template.ts); the demo tenants are seeded each time, as their requests'
 * dates count from today.
 */
const name = `inzage_e2e_${process.env.PORT ?? "3210"}`;
const env: Record<string, string | undefined> = {};

if (process.env.E2E_POSTGRES_URL) {
  const adminUrl = process.env.E2E_POSTGRES_URL;
  const template = await postgresTemplate(adminUrl);
  await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  env.DATABASE_URL = await copyPostgresTemplate(adminUrl, template, name);
} else {
  const dataDir = path.resolve("data", name);
  await copyPgliteTemplate(await pgliteTemplate(), dataDir);
  env.PGLITE_DATA_DIR = dataDir;
  env.DATABASE_URL = undefined;
}
Object.assign(process.env, env);
if (!env.DATABASE_URL) delete process.env.DATABASE_URL;

// Applies nothing on a copy of the template; says so.
await runMigrations();
await runSeed();

// The app's own server, as `npm start` runs it: it appends the socket's address to X-Forwarded-For.
const server = spawn(process.execPath, ["scripts/server.js", "--port", process.env.PORT ?? "3210"], { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

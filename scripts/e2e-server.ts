import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "./db-migrate";
import { runSeed } from "./db-seed";

/**
 * Starts the built app for the end-to-end tests on a fresh database with the demo
 * tenants: an embedded one, or with E2E_POSTGRES_URL a new database on that server.
 */
const name = `inzage_e2e_${process.env.PORT ?? "3210"}`;
const env: Record<string, string | undefined> = {};

if (process.env.E2E_POSTGRES_URL) {
  const admin = new pg.Client({ connectionString: process.env.E2E_POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.E2E_POSTGRES_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dataDir = path.resolve("data", name);
  await rm(dataDir, { recursive: true, force: true });
  env.PGLITE_DATA_DIR = dataDir;
  env.DATABASE_URL = undefined;
}
Object.assign(process.env, env);
if (!env.DATABASE_URL) delete process.env.DATABASE_URL;

await runMigrations();
await runSeed();

// The app's own server, as `npm start` runs it: it appends the socket's address to X-Forwarded-For.
const server = spawn(process.execPath, ["scripts/server.js", "--port", process.env.PORT ?? "3210"], { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

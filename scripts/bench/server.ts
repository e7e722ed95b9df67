import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Starts `next start` (the build must exist) with the given environment and waits until it answers. */
export async function startServer(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const server = spawn("node_modules/.bin/next", ["start", "--port", String(port)], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/robots.txt`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error("the server did not start within 60 s");
}

export async function freshDataDir(name: string): Promise<string> {
  const dir = path.resolve("data", name);
  await rm(dir, { recursive: true, force: true });
  return dir;
}

/**
 * A fresh embedded database (data/bench-<name>), or with BENCH_POSTGRES_URL a fresh
 * database inzage_bench_<name> on that PostgreSQL server. Points this process at it and
 * returns the environment a server needs to use it too.
 */
export async function freshDatabase(name: string): Promise<{ label: string; env: Record<string, string | undefined> }> {
  const server = process.env.BENCH_POSTGRES_URL;
  if (server) {
    const database = `inzage_bench_${name}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${database}`;
    process.env.DATABASE_URL = url.toString();
    return { label: "PostgreSQL server", env: { DATABASE_URL: url.toString() } };
  }
  const dataDir = await freshDataDir(`bench-${name}`);
  process.env.PGLITE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  return { label: "embedded database", env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: undefined } };
}

import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { runMigrations } from "../db-migrate";
import { runSeed } from "../db-seed";
import { describe, load, type LoadResult } from "./http-load";
import { freshDataDir, startServer } from "./server";

/**
 * The public statement page against static files of the same server, on the embedded
 * database. Goal: the statement page at no less than half the static file's throughput.
 * Two static files are measured: a tiny one (robots.txt) and a build asset of about
 * the page's size, which compares the work per request rather than bytes sent.
 */
export async function benchStatement(): Promise<void> {
  const dataDir = await freshDataDir("bench-pglite");
  process.env.PGLITE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  await runMigrations();
  await runSeed();

  const port = 3290;
  const server = await startServer(port, { PGLITE_DATA_DIR: dataDir, DATABASE_URL: undefined });
  try {
    const base = `http://localhost:${port}`;
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
    const pagePath = "/nl/t/web1on1";
    const pageBytes = (await (await fetch(base + pagePath)).arrayBuffer()).byteLength;
    const asset = await assetOfSize(pageBytes);
    const targets = [
      { label: "statement", path: pagePath },
      { label: "static, tiny", path: "/robots.txt" },
      { label: "static, same size", path: asset },
    ];
    const results = new Map<string, LoadResult>();
    for (const target of targets) {
      await load(base + target.path, { seconds: 2, concurrency });
      results.set(target.label, await load(base + target.path, { seconds, concurrency }));
    }
    console.log(`\nPublic statement page vs static files (embedded database, production server, ${concurrency} connections, ${seconds} s each)`);
    for (const target of targets) console.log(`  ${target.label.padEnd(18)} ${target.path.padEnd(44)} ${describe(results.get(target.label)!)}`);
    const page = results.get("statement")!.perSecond;
    for (const label of ["static, tiny", "static, same size"]) {
      const ratio = page / results.get(label)!.perSecond;
      console.log(`  ratio to ${label.padEnd(18)} ${ratio.toFixed(2)} (goal >= 0.50: ${ratio >= 0.5 ? "met" : "not met"})`);
    }
    console.log(`  (page ${pageBytes} bytes)`);
  } finally {
    server.kill();
  }
}

async function assetOfSize(bytes: number): Promise<string> {
  const dir = path.resolve(process.env.NEXT_DIST_DIR || ".next", "static/chunks");
  const files = (await readdir(dir)).filter((name) => name.endsWith(".js"));
  const sized = await Promise.all(files.map(async (name) => ({ name, size: (await stat(path.join(dir, name))).size })));
  sized.sort((a, b) => Math.abs(a.size - bytes) - Math.abs(b.size - bytes));
  return `/_next/static/chunks/${sized[0].name}`;
}

import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db, disconnect } from "@/lib/db/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { subjectExportStream } from "@/lib/export/stream";
import { runMigrations } from "../db-migrate";
import { freshDatabase } from "./server";

/**
 * The personal data export of one person with 100,000 records on a fresh embedded
 * database, written to a sink that only counts bytes. Goal: under 10 s and under
 * 300 MB resident memory. The records are inserted first; the export then runs in a
 * process of its own (what a server does when the download is asked for), so that its
 * memory is not the memory the bulk insert left behind. That process holds the
 * embedded database too, so its resident memory includes PGlite (about 400 MB with
 * the data open, before the export starts). BENCH_POSTGRES_URL=postgresql://… runs
 * the same on a PostgreSQL server instead; BENCH_EXPORT_RECORDS changes the count.
 */
export async function benchExport(): Promise<void> {
  const total = Number(process.env.BENCH_EXPORT_RECORDS ?? 100_000);
  const database = await freshDatabase("export");
  await runMigrations();

  const tenant = await withPlatform((tx) => tx.tenant.create({
    data: { slug: "bench-export", name: "Bench B.V.", legalName: "Bench B.V.", address: "Benchstraat 1, Utrecht", country: "NL", contactEmail: "privacy@bench.example" },
  }));
  const subject = await withTenant(tenant.id, (tx) =>
    tx.subject.create({ data: { tenantId: tenant.id, email: "many-records@bench.example", name: "Veel Records" } }),
  );
  const inserting = performance.now();
  const categories = ["orders", "tickets", "web-visits"];
  for (let start = 0; start < total; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, total - start) }, (_, i) => {
      const n = start + i;
      return {
        tenantId: tenant.id,
        subjectId: subject.id,
        category: categories[n % categories.length],
        sourceSystem: n % 2 ? "webshop" : "crm",
        fields: {
          number: `N-${n.toString().padStart(7, "0")}`,
          amount: Math.round(n * 137) / 100,
          currency: "EUR",
          status: n % 5 === 0 ? "cancelled" : "delivered",
          note: n % 10 === 0 ? `Bel klant terug, "dringend", ref ${n}` : null,
          placedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
        },
      };
    });
    await withTenant(tenant.id, (tx) => tx.subjectRecord.createMany({ data: rows }));
  }
  const insertSeconds = (performance.now() - inserting) / 1000;
  await disconnect();

  const figures = await runChild(database.env, tenant.id, subject.id);
  // The same in a process whose JavaScript heap may not grow past 64 MB: the export
  // only fits if it holds a bounded amount of data, whatever the number of records.
  const capped = await runChild({ ...database.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=64`.trim() }, tenant.id, subject.id);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\nExport of one person with ${total.toLocaleString("en")} records (${database.label}, ZIP to a counting sink)`);
  console.log(`  inserted in        ${insertSeconds.toFixed(1)} s (createMany, 5,000 a batch)`);
  console.log(`  export took        ${figures.seconds.toFixed(2)} s (goal < 10 s: ${figures.seconds < 10 ? "met" : "not met"})`);
  console.log(`  archive            ${mb(figures.bytes)} (${figures.bytes.toLocaleString("en")} bytes, ${figures.mbPerSecond.toFixed(1)} MB/s of ZIP)`);
  console.log(
    `  resident memory    ${mb(figures.rssBefore)} with the ${database.label} open, peak ${mb(figures.peak)} during the export (goal < 300 MB: ${figures.peak < 300 * 1024 * 1024 ? "met" : "not met"})`,
  );
  console.log(`  export's own part  +${mb(figures.peak - figures.rssBefore)} resident; JavaScript heap ${mb(figures.heapBefore)} before, peak ${mb(figures.heapPeak)}`);
  console.log(
    `  heap capped 64 MB  ${capped.seconds.toFixed(2)} s, peak ${mb(capped.peak)} resident (+${mb(capped.peak - capped.rssBefore)}), JavaScript heap peak ${mb(capped.heapPeak)}`,
  );
}

interface Figures {
  seconds: number;
  bytes: number;
  mbPerSecond: number;
  rssBefore: number;
  peak: number;
  heapBefore: number;
  heapPeak: number;
}

function runChild(env: Record<string, string | undefined>, tenantId: string, subjectId: string): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/bench/export.ts", "--run", tenantId, subjectId], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("FIGURES "));
      if (code !== 0 || !line) return reject(new Error(`the export process failed (exit ${code})`));
      resolve(JSON.parse(line.slice("FIGURES ".length)));
    });
  });
}

/** In the child: open the database, export, report the figures as one line. */
async function exportOnce(tenantId: string, subjectId: string): Promise<Figures> {
  await db();
  // Open the data once, as a running server has, before measuring.
  await withTenant(tenantId, (tx) => tx.subject.findFirst({ where: { tenantId, id: subjectId } }));
  const before = process.memoryUsage();
  const rssBefore = before.rss;
  let peak = rssBefore;
  let heapPeak = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }, 50);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const started = performance.now();
  await pipeline(await subjectExportStream(tenantId, subjectId, "nl"), sink);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await disconnect();
  return { seconds, bytes, mbPerSecond: bytes / 1024 / 1024 / seconds, rssBefore, peak, heapBefore: before.heapUsed, heapPeak };
}

if (process.argv[2] === "--run") {
  if (!process.env.DATABASE_URL) delete process.env.DATABASE_URL;
  const figures = await exportOnce(process.argv[3], process.argv[4]);
  console.log(`FIGURES ${JSON.stringify(figures)}`);
  process.exit(0);
}

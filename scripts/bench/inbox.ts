import pg from "pg";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import { disconnect, rawSql } from "@/lib/db/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { defaultCalendar, dueDate, latestExtension } from "@/lib/requests/deadline";
import { defaultFilter, inboxCounts, inboxPage, parseCursor, type InboxFilter } from "@/lib/requests/inbox";
import { requesterEmailHash } from "@/lib/requests/reference";
import { requestStats } from "@/lib/requests/stats";
import { runMigrations } from "../db-migrate";
import { freshDatabase } from "./server";

/**
 * The staff inbox with 100,000 requests in one tenant, timed in-process: the inbox's
 * query functions (lib/requests/inbox.ts, stats.ts) are called directly, `runs` times
 * each, and p50/p99 printed. Goal: p99 under 100 ms on PostgreSQL. A fresh embedded
 * database by default; BENCH_POSTGRES_URL=postgresql://… uses a fresh database on that
 * server. BENCH_INBOX_REQUESTS and BENCH_INBOX_RUNS change the count and the runs.
 *
 * The requests spread over three years: older ones mostly completed (some rejected or
 * withdrawn, one in two hundred still open and so overdue), those of the last six weeks
 * mostly open; one in twenty was extended, one in a hundred awaits confirmation.
 */
export async function benchInbox(): Promise<void> {
  const total = Number(process.env.BENCH_INBOX_REQUESTS ?? 100_000);
  const runs = Number(process.env.BENCH_INBOX_RUNS ?? 200);
  const { label } = await freshDatabase("inbox");
  await runMigrations();

  const tenant = await withPlatform((tx) =>
    tx.tenant.create({
      data: { slug: "bench-inbox", name: "Inbox Bench B.V.", legalName: "Inbox Bench B.V.", address: "Benchstraat 2, Utrecht", country: "NL", contactEmail: "privacy@inbox-bench.example" },
    }),
  );
  const now = new Date();
  const filling = performance.now();
  await fill(tenant, total, now);
  await vacuum();
  const fillSeconds = (performance.now() - filling) / 1000;

  const first = await inboxPage(tenant, defaultFilter, null, { now });
  const secondCursor = parseCursor({ after: first.next ?? "" });
  const filtered: InboxFilter = { ...defaultFilter, status: "RECEIVED", due: "overdue" };
  const searched: InboxFilter = { ...defaultFilter, status: "all", q: "person00123@bench.example" };
  const cases: Array<[string, () => Promise<unknown>]> = [
    ["first page (open, by deadline)", () => inboxPage(tenant, defaultFilter, null, { now })],
    ["next page (keyset cursor)", () => inboxPage(tenant, defaultFilter, secondCursor, { now })],
    ["filtered (received + overdue)", () => inboxPage(tenant, filtered, null, { now })],
    ["all statuses, first page", () => inboxPage(tenant, { ...defaultFilter, status: "all" }, null, { now })],
    ["completed only, first page", () => inboxPage(tenant, { ...defaultFilter, status: "COMPLETED" }, null, { now })],
    ["search by e-mail", () => inboxPage(tenant, searched, null, { now })],
    ["counts per status", () => inboxCounts(tenant.id, now)],
    ["dashboard figures (12 weeks)", () => requestStats(tenant.id, now)],
  ];
  const sample = {
    first: first.rows.length,
    filtered: (await inboxPage(tenant, filtered, null, { now })).rows.length,
    searched: (await inboxPage(tenant, searched, null, { now })).rows.length,
    counts: await inboxCounts(tenant.id, now),
  };

  console.log(`\nStaff inbox with ${total.toLocaleString("en")} requests in one tenant (${label}; ${runs} runs each, in-process)`);
  console.log(`  filled in          ${fillSeconds.toFixed(1)} s (createMany, 5,000 a batch, then ${process.env.DATABASE_URL ? "VACUUM ANALYZE" : "ANALYZE"})`);
  console.log(
    `  sample             first page ${sample.first} rows, filtered ${sample.filtered}, search ${sample.searched}; open ${sample.counts.open}, overdue ${sample.counts.overdue}, due soon ${sample.counts.dueSoon}`,
  );
  for (const [name, run] of cases) {
    for (let i = 0; i < 10; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    const p99 = p(0.99);
    console.log(`  ${name.padEnd(32)} p50 ${p(0.5).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms${p99 < 100 ? "" : "   (goal p99 < 100 ms: not met)"}`);
  }
  await disconnect();
}

const types: RequestType[] = ["ACCESS", "ACCESS", "ACCESS", "ERASURE", "ERASURE", "RECTIFICATION", "OBJECTION", "RESTRICTION", "PORTABILITY"];
const day = 86_400_000;

async function fill(tenant: { id: string; hashSalt: string }, total: number, now: Date): Promise<void> {
  const span = 3 * 365 * day;
  for (let start = 0; start < total; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, total - start) }, (_, i) => {
      const n = start + i;
      // Oldest first; spread evenly over three years up to now.
      const createdAt = new Date(now.getTime() - span + Math.floor((n / total) * span));
      const age = now.getTime() - createdAt.getTime();
      const awaiting = n % 100 === 7;
      const status: RequestStatus = awaiting ? "AWAITING_CONFIRMATION" : statusFor(n, age);
      const receivedAt = awaiting ? null : createdAt;
      const dueAt = receivedAt ? dueDate(receivedAt, defaultCalendar) : null;
      const extendedDueAt = dueAt && n % 20 === 3 ? latestExtension(dueAt, defaultCalendar) : null;
      const closed = status === "COMPLETED" || status === "REJECTED" || status === "WITHDRAWN";
      const email = `person${String(n % 40_000).padStart(5, "0")}@bench.example`;
      return {
        tenantId: tenant.id,
        reference: `R-${n.toString(30).toUpperCase().padStart(8, "0").slice(0, 4)}-${n.toString(30).toUpperCase().padStart(8, "0").slice(4)}`,
        type: types[n % types.length],
        status,
        requesterEmail: email,
        requesterName: `Persoon ${n % 40_000}`,
        requesterEmailHash: requesterEmailHash(tenant, email),
        locale: n % 3 ? "nl" : "en",
        channel: n % 4 ? "portal" : "web",
        details: "",
        receivedAt,
        dueAt,
        extendedDueAt,
        closedAt: closed && receivedAt ? new Date(receivedAt.getTime() + ((n % 45) + 1) * day) : null,
        createdAt,
      };
    });
    await withTenant(tenant.id, (tx) => tx.dataRequest.createMany({ data: rows }));
  }
}

function statusFor(n: number, age: number): RequestStatus {
  if (age > 42 * day) {
    if (n % 200 === 11) return "RECEIVED";
    if (n % 13 === 0) return "REJECTED";
    if (n % 17 === 0) return "WITHDRAWN";
    return "COMPLETED";
  }
  const open: RequestStatus[] = ["RECEIVED", "IDENTITY_CONFIRMED", "IN_PROGRESS", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "EXTENDED", "COMPLETED"];
  return open[n % open.length];
}

/** What autovacuum does on a server after a bulk load (the visibility map lets counts read the index alone). */
async function vacuum(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`VACUUM ANALYZE "DataRequest"`);
    await client.end();
    return;
  }
  // The embedded database runs raw SQL in a transaction, where VACUUM is not allowed.
  const raw = await rawSql();
  await raw.exec(`ANALYZE "DataRequest"`);
  await raw.close();
}

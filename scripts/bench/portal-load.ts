import { SMTPServer } from "smtp-server";
import { disconnect } from "@/lib/db/client";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { limits } from "@/lib/rate-limit";
import { runMigrations } from "../db-migrate";
import { runSeed } from "../db-seed";
import { FormClient } from "./form-client";
import { freshDatabase, startServer } from "./server";

/**
 * 50 portal users of one tenant at once, for two minutes: each signs in with the code
 * from the mail, then keeps reading their data, correcting their phone number and
 * downloading their export (as often as its hourly limit allows). Prints requests served, errors and latency. Goal: no errors.
 * The embedded database by default; BENCH_POSTGRES_URL=postgresql://… uses a fresh
 * database on that server.
 */
const users = Number(process.env.BENCH_USERS ?? 50);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 120);
const slug = "inone";

export async function benchPortalLoad(): Promise<void> {
  const database = await freshDatabase("load");
  await runMigrations();
  await runSeed();
  const emails = Array.from({ length: users }, (_, i) => `load-${i}@example.com`);
  const tenant = await withPlatform((tx) => tx.tenant.findUniqueOrThrow({ where: { slug } }));
  await withTenant(tenant.id, (tx) => tx.subject.createMany({ data: emails.map((email, i) => ({ tenantId: tenant.id, email, name: `Load ${i}` })) }));
  await disconnect();

  const codes = new Map<string, string>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const code = /\b(\d{6})\b/.exec(raw.replace(/=\r?\n/g, ""))?.[1];
        if (code) for (const to of session.envelope.rcptTo) codes.set(to.address.toLowerCase(), code);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(2590, "127.0.0.1", resolve));

  const port = 3291;
  const server = await startServer(port, {
    ...database.env,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: "2590",
    SMTP_IGNORE_TLS: "true",
    INZAGE_BACKGROUND_JOBS: "0",
  });
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const timed = async <T>(kind: string, work: () => Promise<T>, ok: (result: T) => boolean): Promise<T | null> => {
    const started = performance.now();
    try {
      const result = await work();
      const ms = performance.now() - started;
      latencies.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (!ok(result)) errors.set(kind, (errors.get(kind) ?? 0) + 1);
      return result;
    } catch {
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
      return null;
    }
  };

  try {
    const base = `http://localhost:${port}`;
    const deadline = Date.now() + seconds * 1000;
    const portal = `/nl/t/${slug}/portal`;
    await Promise.all(
      emails.map(async (email, i) => {
        const client = new FormClient(base, { "x-forwarded-for": `198.51.100.${(i % 250) + 1}` });
        const asked = await timed("sign-in: ask code", () => client.submit(portal, { email }), (r) => r.status === 200);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const code = codes.get(email);
        if (!asked || !code) return void errors.set("sign-in: no code", (errors.get("sign-in: no code") ?? 0) + 1);
        await timed("sign-in: enter code", () => client.submit(portal, { code }, asked), (r) => r.status === 200 && !/role="alert"/.test(r.body));
        let round = 0;
        while (Date.now() < deadline) {
          round++;
          await timed("read: my data", () => client.get(portal), (r) => r.status === 200 && r.body.includes(email));
          await timed("read: profile", () => client.get(`${portal}/profile`), (r) => r.status === 200);
          await timed("read: requests", () => client.get(`${portal}/requests`), (r) => r.status === 200);
          await timed(
            "correct: phone",
            () => client.submit(`${portal}/profile`, { phone: `+31 6 ${String(1000_0000 + i * 1000 + round).slice(0, 8)}` }),
            (r) => r.status === 200 && !/role="alert"/.test(r.body),
          );
          // As often as a person may: more is answered 429 by design (limits.portalExport).
          if (round <= limits.portalExport.max) await timed("export", () => client.download(`/api/t/${slug}/portal/export`), (r) => r.status === 200 && r.bytes > 1000);
        }
      }),
    );
  } finally {
    server.kill();
    smtp.close();
  }

  const at = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(`\nPortal load: ${users} users for ${seconds} s (${database.label})`);
  console.log(`  requests served  ${latencies.length} (${(latencies.length / seconds).toFixed(1)} per second)`);
  console.log(`  errors           ${errorCount} (goal: none)${errorCount ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ""}`);
  console.log(`  latency          p50 ${at(latencies, 0.5).toFixed(0)} ms, p99 ${at(latencies, 0.99).toFixed(0)} ms`);
  for (const [kind, values] of byKind) {
    console.log(`    ${kind.padEnd(20)} n=${String(values.length).padStart(5)}  p50 ${at(values, 0.5).toFixed(0).padStart(5)} ms  p99 ${at(values, 0.99).toFixed(0).padStart(5)} ms`);
  }
}

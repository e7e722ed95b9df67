import { spawn, spawnSync } from "node:child_process";
import { platformHost } from "@/lib/tenant-host";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { runMigrations } from "./db-migrate";
import { runSeed } from "./db-seed";

/**
 * npm run demo — migrates and seeds the configured database (the embedded one by
 * default), builds the app and starts it. PORT sets the port (default 3000).
 */
const port = process.env.PORT || "3000";
// The local demo shows mail at /{locale}/dev/outbox even though it runs the production build.
process.env.INZAGE_DEMO = "1";

await runMigrations();
await runSeed();

if (!process.env.DEMO_SKIP_BUILD) {
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The app's own server (scripts/server.js): it appends the socket's address to X-Forwarded-For.
const server = spawn(process.execPath, ["scripts/server.js", "--port", port], { stdio: ["inherit", "pipe", "inherit"] });
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started/i.test(chunk.toString())) {
    announced = true;
    announce();
  }
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

function announce() {
  const base = `http://localhost:${port}`;
  const host = platformHost();
  const lines = [
    "",
    `Inzage is running at ${base}/nl (English: ${base}/en)`,
    "Demo statements:",
    ...demoTenants.map(({ tenant }) => `  ${tenant.name.padEnd(12)} ${base}/nl/t/${tenant.slug}   or   http://${tenant.slug}.${host}:${port}/nl`),
    "",
    `Admin console: ${base}/nl/signin — sign in as ${demoTenants.map(({ tenant }) => `owner@${tenant.slug}.example`).join(", ")}`,
    `Portal of a data subject: ${base}/nl/t/inone/portal — sign in as jan.jansen@example.com`,
    process.env.SMTP_HOST ? "Mail goes to your SMTP server." : `Sign-in links and other mail: ${base}/nl/dev/outbox`,
    "",
  ];
  console.log(lines.join("\n"));
}

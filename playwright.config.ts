import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against the production build (`npm run build`
 * first). Each project has its own server on a fresh database with the demo tenants
 * (scripts/e2e-server.ts): the embedded PGlite always, and PostgreSQL when
 * E2E_POSTGRES_URL names a server. Mail goes over SMTP to scripts/mail-catcher.ts.
 */
const postgres = process.env.E2E_POSTGRES_URL;
const portBase = Number(process.env.E2E_PORT_BASE ?? 3210);
const databases: Array<{ name: string; port: number; env: Record<string, string> }> = [
  { name: "pglite", port: portBase, env: {} },
  ...(postgres ? [{ name: "postgres", port: portBase + 1, env: { E2E_POSTGRES_URL: postgres } }] : []),
];
const mailCatcher = { smtp: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525), http: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 2526) };
process.env.MAIL_CATCHER_HTTP_PORT = String(mailCatcher.http);

const appServer = (db: (typeof databases)[number]) => ({
  command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
  url: `http://localhost:${db.port}/robots.txt`,
  env: {
    PORT: String(db.port),
    PUBLIC_URL: `http://localhost:${db.port}`,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(mailCatcher.smtp),
    SMTP_IGNORE_TLS: "true",
    RATE_LIMIT_IP_FACTOR: "5",
    // The suites save webhook endpoints on TEST-NET-3 (203.0.113.0/24), documentation
    // addresses that are refused unless allowed and reach no one.
    WEBHOOK_ALLOWED_NETWORKS: "203.0.113.0/24",
    ...db.env,
  },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    locale: "nl-NL",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: databases.map((db, index) => ({
    name: db.name,
    use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${db.port}`, locale: "nl-NL" },
    // Pages render the same markup from either database: the accessibility sweep runs once.
    testIgnore: index > 0 ? /a11y\.spec\.ts/ : undefined,
  })),
  webServer: [
    {
      command: "npx tsx scripts/mail-catcher.ts",
      url: `http://127.0.0.1:${mailCatcher.http}/health`,
      env: { MAIL_CATCHER_SMTP_PORT: String(mailCatcher.smtp), MAIL_CATCHER_HTTP_PORT: String(mailCatcher.http) },
      reuseExistingServer: false,
    },
    ...databases.map(appServer),
  ],
});

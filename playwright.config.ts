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
/**
 * Sign-in on the site's real address (e2e/hosts.spec.ts), each on a server of its own:
 * "nginx" behind Debian's nginx ending TLS (scripts/e2e-nginx.ts, a self-signed certificate
 * for localhost and *.localhost; PUBLIC_URL https, TRUSTED_PROXIES=1), "public-host" over
 * plain http with PUBLIC_URL=http://127.0.0.1:{port}. Their servers start only when the run
 * can include them: no --project or one naming them, and no spec file named or hosts.spec.ts.
 */
const hostSites: Array<{ name: string; port: number; nginxPort?: number; baseURL: string; env: Record<string, string> }> = [
  { name: "nginx", port: portBase + 2, nginxPort: portBase + 3, baseURL: `https://localhost:${portBase + 3}`, env: { TRUSTED_PROXIES: "1" } },
  { name: "public-host", port: portBase + 4, baseURL: `http://127.0.0.1:${portBase + 4}`, env: {} },
];
const argv = process.argv.slice(2);
const chosenProjects = argv.flatMap((arg, i) => (arg.startsWith("--project=") ? [arg.slice(10)] : arg === "--project" ? [argv[i + 1]] : []));
const chosenSpecs = argv.filter((arg) => /\.spec\.ts|^e2e\//.test(arg));
const runsHostSites = (name: string) =>
  (chosenProjects.length === 0 || chosenProjects.includes(name)) && (chosenSpecs.length === 0 || chosenSpecs.some((spec) => spec.includes("hosts")));
const hostSpec = /hosts\.spec\.ts/;

const mailCatcher = { smtp: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525), http: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 2526) };
process.env.MAIL_CATCHER_HTTP_PORT = String(mailCatcher.http);

const appServer = (db: { port: number; env: Record<string, string>; publicUrl?: string }) => ({
  command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
  url: `http://localhost:${db.port}/robots.txt`,
  env: {
    PORT: String(db.port),
    PUBLIC_URL: db.publicUrl ?? `http://localhost:${db.port}`,
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
  projects: [
    ...databases.map((db, index) => ({
      name: db.name,
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${db.port}`, locale: "nl-NL" },
      // Pages render the same markup from either database: the accessibility sweep runs once.
      testIgnore: index > 0 ? [/a11y\.spec\.ts/, hostSpec] : hostSpec,
    })),
    ...hostSites.map((site) => ({
      name: site.name,
      testMatch: hostSpec,
      use: { ...devices["Desktop Chrome"], baseURL: site.baseURL, locale: "nl-NL", ignoreHTTPSErrors: true },
    })),
  ],
  webServer: [
    {
      command: "npx tsx scripts/mail-catcher.ts",
      url: `http://127.0.0.1:${mailCatcher.http}/health`,
      env: { MAIL_CATCHER_SMTP_PORT: String(mailCatcher.smtp), MAIL_CATCHER_HTTP_PORT: String(mailCatcher.http) },
      reuseExistingServer: false,
    },
    ...databases.map(appServer),
    ...hostSites.filter((site) => runsHostSites(site.name)).map((site) => appServer({ ...site, publicUrl: site.baseURL })),
    ...hostSites
      .filter((site) => site.nginxPort && runsHostSites(site.name))
      .map((site) => ({
        command: "npx tsx scripts/e2e-nginx.ts",
        url: `${site.baseURL}/robots.txt`,
        ignoreHTTPSErrors: true,
        env: { NGINX_PORT: String(site.nginxPort), UPSTREAM_PORT: String(site.port) },
        reuseExistingServer: false,
        gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
        stdout: "pipe" as const,
        stderr: "pipe" as const,
      })),
  ],
});

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

/**
 * Staff sign in with Auth.js's magic link on the site's real address, not only on
 * http://localhost: Next.js hands route handlers every request as `http(s)://localhost:{PORT}`
 * (NextRequest even turns 127.0.0.1 into localhost), and Auth.js redirected there after the
 * link, where the session cookie set for the real host does not apply. Behind a proxy that
 * ends TLS the session cookie is Secure, and reading the session finds it again.
 */

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const { auth } = await import("./index");
const { requestPortalSignIn } = await import("@/lib/portal/sign-in");

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  delete process.env.RATE_LIMIT_IP_FACTOR;
  await seedDemoTenants(demoTenants);
});

beforeEach(() => {
  delete process.env.TRUSTED_PROXIES;
  delete process.env.PLATFORM_HOST;
});

const lastMailTo = async (email: string) =>
  (await platformDb().outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } })).at(-1)!;

const cookiePairs = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/**
 * A browser at `site` asks Auth.js for a link and follows it. The app's server sees each
 * request as Next.js hands it over: under `http(s)://localhost:{port}`, with the browser's
 * Host and what a proxy in front added (`proxied`).
 */
async function signInThroughTheRoute(email: string, site: string, nextOrigin: string, proxied: Record<string, string> = {}) {
  const ip = freshIp();
  const asNextSeesIt = (url: string, init: { method?: string; headers?: Record<string, string>; body?: URLSearchParams } = {}) => {
    const { pathname, search, host } = new URL(url);
    return new NextRequest(`${nextOrigin}${pathname}${search}`, { ...init, headers: { host, "x-forwarded-for": ip, ...proxied, ...init.headers } });
  };
  const csrf = await GET(asNextSeesIt(`${site}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const asked = await POST(
    asNextSeesIt(`${site}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/nl/admin" }),
    }),
  );
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec((await lastMailTo(email)).text)![0];
  const landed = await GET(asNextSeesIt(link));
  return { asked, link, landed, session: landed.headers.getSetCookie().find((c) => /session-token=/.test(c)) };
}

describe("the staff magic link", () => {
  it("on PUBLIC_URL=http://127.0.0.1:3700 asks, links and lands on 127.0.0.1, with a session cookie that is not Secure", async () => {
    process.env.PUBLIC_URL = "http://127.0.0.1:3700";
    const { asked, link, landed, session } = await signInThroughTheRoute("owner@inone.example", "http://127.0.0.1:3700", "http://localhost:3700");
    expect(asked.headers.get("location")).toMatch(/^http:\/\/127\.0\.0\.1:3700\//);
    expect(link.startsWith("http://127.0.0.1:3700/api/auth/callback/email?")).toBe(true);
    expect(landed.headers.get("location")).toBe("http://127.0.0.1:3700/nl/admin");
    expect(session).toMatch(/^authjs\.session-token=/);
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it("behind a proxy that ends TLS (TRUSTED_PROXIES=1, X-Forwarded-Proto: https) lands on the https origin with a Secure __Secure- cookie that auth() then reads", async () => {
    process.env.PUBLIC_URL = "https://privacy.example";
    process.env.PLATFORM_HOST = "privacy.example";
    process.env.TRUSTED_PROXIES = "1";
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "privacy.example" };
    const { landed, session } = await signInThroughTheRoute("owner@web1on1.example", "https://privacy.example", "https://localhost:3700", proxied);
    expect(landed.headers.get("location")).toBe("https://privacy.example/nl/admin");
    expect(session).toMatch(/^__Secure-authjs\.session-token=[^;]+;.*;\s*Secure/i);

    requestHeaders.current = new Headers({ host: "privacy.example", ...proxied, cookie: session!.split(";")[0] });
    expect((await auth())?.user?.email).toBe("owner@web1on1.example");
  });

  it("over https by a trusted proxy's word alone (PUBLIC_URL still http) the cookie is Secure; the same header from a client reaching the app directly changes nothing", async () => {
    process.env.PUBLIC_URL = "http://127.0.0.1:3700";
    process.env.TRUSTED_PROXIES = "1";
    const trusted = await signInThroughTheRoute("admin@inone.example", "http://127.0.0.1:3700", "https://localhost:3700", { "x-forwarded-proto": "https" });
    expect(trusted.session).toMatch(/^__Secure-authjs\.session-token=[^;]+;.*;\s*Secure/i);

    process.env.TRUSTED_PROXIES = "0";
    const forged = await signInThroughTheRoute("editor@inone.example", "http://127.0.0.1:3700", "https://localhost:3700", { "x-forwarded-proto": "https" });
    expect(forged.session).toMatch(/^authjs\.session-token=/);
    expect(forged.session).not.toMatch(/;\s*Secure/i);
    expect(forged.landed.headers.get("location")).toBe("http://127.0.0.1:3700/nl/admin");
  });
});

describe("the portal's sign-in link", () => {
  it("leads to the tenant's own host when asked there, and to the platform's path otherwise", async () => {
    process.env.PUBLIC_URL = "http://127.0.0.1:3700";
    const inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
    const jan = "jan.jansen@example.com";
    await requestPortalSignIn(inone, jan, "nl", true);
    expect((await lastMailTo(jan)).text).toMatch(/http:\/\/inone\.localhost:3700\/nl\/portal\/signin\?token=\S+/);
    await requestPortalSignIn(inone, jan, "en");
    expect((await lastMailTo(jan)).text).toMatch(/http:\/\/127\.0\.0\.1:3700\/en\/t\/inone\/portal\/signin\?token=\S+/);
  });
});

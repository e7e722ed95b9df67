import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ActionError } from "@/lib/action";
import { membershipsOf } from "@/lib/console/memberships";
import { acceptInvitation } from "@/lib/console/team";
import { limits } from "@/lib/rate-limit";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

/**
 * Mail that strangers can make Inzage send: staff sign-in links, whichever way they are
 * asked for (the sign-in form, sign-up, or Auth.js's own POST /api/auth/signin/email),
 * and sign-up with an address that already has an account.
 */

// Server actions read the request's headers and cookies from Next.js; here they are the test's.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const { requestSignInLink } = await import("./sign-in");
const { signUp } = await import("@/lib/console/signup");

useTestDatabase();

const origin = "http://localhost:3000";
let ipCounter = 0;
/** A fresh client address per test, so that only the limit a test is about is reached. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  delete process.env.RATE_LIMIT_IP_FACTOR;
  process.env.PUBLIC_URL = origin;
  await seedDemoTenants(demoTenants);
});

beforeEach(() => {
  requestHeaders.current = new Headers({ host: "localhost:3000", "x-forwarded-for": freshIp() });
});

async function mailsTo(email: string) {
  return platformDb().outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

/** What a browser (or a script) does to use Auth.js's endpoint: fetch a CSRF token, then post the form. */
async function postSignInEmail(email: string, ip: string, callbackUrl = `${origin}/nl/admin`): Promise<Response> {
  const csrf = await GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return POST(
    new NextRequest(`${origin}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
      body: new URLSearchParams({ email, csrfToken, callbackUrl }),
    }),
  );
}

describe("Auth.js's own endpoint, POST /api/auth/signin/email", () => {
  it("counts the limit per address: one request more than its share in a quarter of an hour sends no mail and is answered like any refused sign-in", async () => {
    const owner = "owner@inone.example";
    const before = (await mailsTo(owner)).length;
    const answers: Response[] = [];
    for (let i = 0; i < limits.signInMailPerAddress.max + 1; i++) answers.push(await postSignInEmail(owner, freshIp()));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 302));
    expect(answers.slice(0, -1).every((a) => !a.headers.get("location")!.includes("error="))).toBe(true);
    expect(answers.at(-1)!.headers.get("location")).toMatch(/\/signin\/error\?error=AccessDenied$/);
    expect((await mailsTo(owner)).length).toBe(before + limits.signInMailPerAddress.max);
  });

  it("counts the limit per IP address over all addresses, known or not", async () => {
    const ip = freshIp();
    const statuses: string[] = [];
    for (let i = 0; i < limits.signInMailPerIp.max + 1; i++) {
      const answer = await postSignInEmail(`stranger-${ip}-${i}@example.com`, ip);
      statuses.push(answer.headers.get("location")!.includes("error=AccessDenied") ? "refused" : "answered");
    }
    expect(statuses.slice(0, -1).every((s) => s === "answered")).toBe(true);
    expect(statuses.at(-1)).toBe("refused");
    // A known address from that client is refused too, and gets nothing.
    const before = (await mailsTo("admin@inone.example")).length;
    expect((await postSignInEmail("admin@inone.example", ip)).headers.get("location")).toContain("error=AccessDenied");
    expect((await mailsTo("admin@inone.example")).length).toBe(before);
  });

  it("the sign-in form shares the same count: once the endpoint and the form have used it up, the form answers rateLimited", async () => {
    const editor = "editor@inone.example";
    for (let i = 0; i < limits.signInMailPerAddress.max - 1; i++) await postSignInEmail(editor, freshIp());
    await requestSignInLink(editor, "nl");
    const refused = await requestSignInLink(editor, "nl").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).key).toBe("rateLimited");
    expect((await mailsTo(editor)).length).toBe(limits.signInMailPerAddress.max);
  });
});

describe("the language of a stored user", () => {
  it("does not change when someone asks for a sign-in link in another language", async () => {
    const viewer = "viewer@inone.example";
    await platformDb().user.update({ where: { email: viewer }, data: { locale: "en" } });
    await requestSignInLink(viewer, "nl");
    await postSignInEmail(viewer, freshIp(), `${origin}/nl/admin`);
    expect((await platformDb().user.findUniqueOrThrow({ where: { email: viewer } })).locale).toBe("en");
  });

  it("becomes the language of the page the person lands on once they sign in with the link", async () => {
    const owner = "owner@web1on1.example";
    await platformDb().user.update({ where: { email: owner }, data: { locale: "nl" } });
    await postSignInEmail(owner, freshIp(), `${origin}/en/admin`);
    const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec((await mailsTo(owner)).at(-1)!.text)![0];
    const landed = await GET(new NextRequest(link));
    expect(landed.headers.get("location")).toBe(`${origin}/en/admin`);
    expect((await platformDb().user.findUniqueOrThrow({ where: { email: owner } })).locale).toBe("en");
  });
});

describe("sign-up", () => {
  const company = (slug: string, adminEmail: string) => ({
    companyName: "Cheap pills, click spam.example now",
    slug,
    legalName: "Spam B.V.",
    address: "Straat 1, Utrecht",
    country: "NL",
    registrationNumber: null,
    contactEmail: `privacy@${slug}.example`,
    adminEmail,
    locale: "en" as const,
  });

  it("with the address of an existing user makes them owner only once they accept, and the mail does not name the company", async () => {
    const owner = "owner@superoffice.example";
    const user = await platformDb().user.findUniqueOrThrow({ where: { email: owner } });
    const before = (await mailsTo(owner)).length;
    const outcome = await signUp(company("spam-one", owner), freshIp());
    expect(outcome.owner).toBe("invited");
    expect((await membershipsOf(user.id)).map((m) => m.tenant.slug)).not.toContain("spam-one");
    expect(await platformDb().membership.count({ where: { tenantId: outcome.tenantId } })).toBe(0);

    const mails = await mailsTo(owner);
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).not.toContain("pills");
    expect(mail.text).not.toContain("pills");
    expect(mail.html).not.toContain("pills");
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];

    await acceptInvitation(token, { id: user.id, email: owner });
    expect((await membershipsOf(user.id)).find((m) => m.tenant.slug === "spam-one")?.role).toBe("OWNER");
  });

  it("with a new address makes its owner at once and mails a sign-in link that does not name the company, in the sign-up's language", async () => {
    const newcomer = "newcomer@example.com";
    const outcome = await signUp(company("spam-two", newcomer), freshIp());
    expect(outcome.owner).toBe("new");
    const user = await platformDb().user.findUniqueOrThrow({ where: { email: newcomer } });
    expect(user.locale).toBe("en");
    expect((await membershipsOf(user.id)).map((m) => [m.tenant.slug, m.role])).toEqual([["spam-two", "OWNER"]]);
    const [mail] = await mailsTo(newcomer);
    expect(mail.subject).toBe("Your sign-in link for Inzage");
    expect(`${mail.subject} ${mail.text}`).not.toContain("pills");
  });

  it("counts against the sign-in mail limit of the address, and a refused invitation leaves no tenant behind", async () => {
    const owner = "owner@allatonce.example";
    for (let i = 0; i < limits.signInMailPerAddress.max; i++) await postSignInEmail(owner, freshIp());
    const refused = await signUp(company("spam-three", owner), freshIp()).then(
      () => null,
      (e: unknown) => e,
    );
    expect((refused as ActionError).key).toBe("rateLimited");
    expect(await platformDb().tenant.count({ where: { slug: "spam-three" } })).toBe(0);
  });
});

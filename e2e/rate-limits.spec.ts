import { expect, test } from "@playwright/test";
import { demoOwner } from "./fixtures/auth";
import { actionForm, actionState, consoleSignIn, HttpClient, loopbackAddress, serverActionIds } from "./fixtures/http-client";
import { uniqueEmail } from "./fixtures/mail";

test.describe("abuse limits", () => {
  test("the public subscription form answers 429 with Retry-After once an address has used its share, whatever X-Forwarded-For it sends", async ({ baseURL }) => {
    test.setTimeout(60_000);
    // The app is reached directly (TRUSTED_PROXIES unset): the address is the socket's, and a
    // client that writes its own X-Forwarded-For on every request still has one share.
    const address = loopbackAddress(88);
    const client = new HttpClient(baseURL!, undefined, {}, address);
    const subscribe = (from: HttpClient, forwardedFor: string) =>
      from.post("/api/t/web1on1/subscriptions", new URLSearchParams({ email: uniqueEmail("limit"), locale: "en" }).toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
      });
    const statuses: number[] = [];
    let last = null;
    // The e2e servers raise per-address limits by RATE_LIMIT_IP_FACTOR (5): 10 an hour becomes 50.
    for (let i = 0; i < 51; i++) {
      last = await subscribe(client, `198.18.${i}.${1 + Math.floor(Math.random() * 250)}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 50).every((s) => s === 303)).toBe(true);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(last!.body).error.code).toBe("rate_limited");
    // Nor does naming that address put another client in its bucket.
    expect((await subscribe(new HttpClient(baseURL!, undefined, {}, loopbackAddress(88)), address)).status).toBe(303);
  });

  test("the audit trail records the address a call came from, not the X-Forwarded-For it sent", async ({ baseURL }) => {
    test.setTimeout(60_000);
    const owner = await consoleSignIn(new HttpClient(baseURL!, undefined, {}, loopbackAddress(89)), baseURL!, demoOwner("inone"));
    const action = serverActionIds().get("app/[locale]/admin/integrations/actions.ts#createKey")!;
    const name = `forwarded-${Date.now().toString(36)}`;
    const made = await owner.post("/nl/admin/integrations", actionForm(action.id, { locale: "nl", name }));
    const key = (actionState(made.body)!.result as { secret: string }).secret;
    const caller = loopbackAddress(89);
    const forged = `198.18.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const listed = await new HttpClient(baseURL!, undefined, {}, caller).get("/api/v1/requests", {
      headers: { authorization: `Bearer ${key}`, "x-forwarded-for": forged },
    });
    expect(listed.status).toBe(200);
    const audit = await owner.get("/api/admin/audit?action=requests.list");
    expect(audit.status).toBe(200);
    const calls = audit.body.split("\n").filter((line) => line.includes(`${name} (`));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) {
      expect(line).toContain(`,${caller},`);
      expect(line).not.toContain(forged);
    }
  });

  test("a form post from another site is refused", async ({ request }) => {
    const response = await request.post("/api/t/web1on1/subscriptions", {
      headers: { origin: "https://evil.example" },
      form: { email: uniqueEmail("csrf"), locale: "en" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    const alsoRefused = await request.post("/nl/signin", { headers: { "sec-fetch-site": "cross-site" }, form: { email: "x@example.com" } });
    expect(alsoRefused.status()).toBe(403);
  });
});

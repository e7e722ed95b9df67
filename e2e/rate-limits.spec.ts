import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures/mail";

test.describe("abuse limits", () => {
  test("the public subscription form answers 429 with Retry-After once an address has used its share", async ({ request, baseURL }) => {
    test.setTimeout(60_000);
    const headers = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200) + 20}`, origin: baseURL! };
    const statuses: number[] = [];
    let last = null;
    // The e2e servers raise per-address limits by RATE_LIMIT_IP_FACTOR (5): 10 an hour becomes 50.
    for (let i = 0; i < 51; i++) {
      last = await request.post("/api/t/web1on1/subscriptions", {
        headers,
        form: { email: uniqueEmail("limit"), locale: "en" },
        maxRedirects: 0,
      });
      statuses.push(last.status());
    }
    expect(statuses.slice(0, 50).every((s) => s === 303)).toBe(true);
    expect(last!.status()).toBe(429);
    expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("rate_limited");
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

import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  for (const path of ["/nl/t/web1on1", "/nl/signin", "/en/authorities"]) {
    test(`${path} carries a nonce-based policy that its own scripts satisfy`, async ({ page, request }) => {
      const first = await request.get(path);
      const second = await request.get(path);
      const nonces = [first, second].map((r) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1]);
      expect(nonces[0]).toBeTruthy();
      expect(nonces[0]).not.toBe(nonces[1]);
      const policy = first.headers()["content-security-policy"];
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(first.headers()["x-content-type-options"]).toBe("nosniff");
      expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(first.headers()["strict-transport-security"]).toBeUndefined();
      const html = await first.text();
      const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonces[0]]));

      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(violations).toEqual([]);
    });
  }

  test("API responses are hardened too", async ({ request }) => {
    const response = await request.get("/api/t/inone/policy");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  });
});

test("a tenant's statement may be framed only by the sites it lists", async ({ page, request, baseURL }) => {
  const { signInAs, demoOwner } = await import("./fixtures/auth");
  const before = await request.get("/en/t/allatonce");
  expect(before.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  await signInAs(page, demoOwner("allatonce"), "en");
  await page.goto("/en/admin/settings");
  await page.getByLabel("Websites that may embed your statement (optional)").fill("https://www.allatonce.example\nhttps://evil.example;script-src");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByTestId("error-embedOrigins")).toContainText("“https://evil.example;script-src” is not a website address");
  await expect(page.getByTestId("error-embedOrigins")).toContainText("one address per line");
  await page.getByLabel("Websites that may embed your statement (optional)").fill("https://www.allatonce.example\nhttps://help.allatonce.example");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();

  const after = await request.get("/en/t/allatonce");
  expect(after.headers()["content-security-policy"]).toContain("frame-ancestors https://www.allatonce.example https://help.allatonce.example");
  const other = await request.get("/en/t/inqonto");
  expect(other.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(new URL(baseURL!).hostname).toBe("localhost");
});

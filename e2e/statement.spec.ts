import { expect, test } from "@playwright/test";

test.describe("hosted privacy statement", () => {
  test("a demo statement in Dutch, then in English through the language switch", async ({ page }) => {
    await page.goto("/nl/t/web1on1");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacyverklaring van Web1on1");
    await expect(page.getByTestId("version-line")).toContainText("Versie 2");
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /\/en\/t\/web1on1$/);
    await expect(page.getByTestId("cookies-table").getByRole("row", { name: /hubspotutk/ })).toBeVisible();

    await page.getByTestId("switch-en").click();
    await expect(page).toHaveURL(/\/en\/t\/web1on1$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy statement of Web1on1");
    await expect(page.getByTestId("version-line")).toContainText("Version 2");
  });

  test("the tables carry the statement's structure", async ({ page }) => {
    await page.goto("/en/t/inone");
    const purposes = page.getByTestId("purposes-table");
    await expect(purposes.getByRole("columnheader")).toHaveText(["Purpose", "Legal basis", "Data used", "Must you provide it?"]);
    await expect(purposes).toContainText("Legitimate interest");
    await expect(page.getByTestId("recipients-table")).toContainText("Salesforce");
    await expect(page.getByTestId("retention-table")).toBeVisible();
    // inONE's statement names no processor's country, no cookies by name, no DPO and no lead
    // authority, but promises notice of material changes: the page claims exactly that (issue 12).
    await expect(page.getByTestId("transfers-table")).toHaveCount(0);
    await expect(page.getByTestId("unknown-transfers")).toBeVisible();
    await expect(page.getByTestId("cookies-not-stated")).toBeVisible();
    await expect(page.getByTestId("cookies-none")).toHaveCount(0);
    await expect(page.getByTestId("no-dpo")).toHaveCount(0);
    await expect(page.getByTestId("lead-authority")).toHaveCount(0);
    await expect(page.getByTestId("announces-changes")).toBeVisible();
    await expect(page.getByTestId("automated-decisions")).toContainText("does not say");

    // Web1on1's statement names the Dutch authority.
    await page.goto("/en/t/web1on1");
    await expect(page.getByTestId("lead-authority")).toContainText("Dutch Data Protection Authority (AP)");
    await expect(page.getByTestId("lead-authority")).toContainText("Autoriteit Persoonsgegevens");
    await expect(page.getByTestId("announces-changes")).toHaveCount(0);
  });

  test("history lists both versions and the old one is marked as superseded", async ({ page }) => {
    await page.goto("/en/t/superoffice/history");
    const items = page.getByTestId("history").getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("Version 2");
    await page.getByRole("link", { name: "Read version 1" }).click();
    await expect(page).toHaveURL(/\/en\/t\/superoffice\/v\/1$/);
    await expect(page.getByTestId("superseded")).toBeVisible();
    await expect(page.getByTestId("version-line")).toContainText("Version 1");
  });

  test("the JSON endpoint returns the published statement", async ({ request }) => {
    const response = await request.get("/api/t/allatonce/policy?locale=en");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ schemaVersion: 1, locale: "en", tenant: { slug: "allatonce" }, version: { number: 2 } });
    const old = await request.get("/api/t/allatonce/policy?locale=nl&version=1");
    expect((await old.json()).version).toMatchObject({ number: 1, superseded: true });
    expect((await request.get("/api/t/allatonce/policy?locale=fr")).status()).toBe(400);
    expect((await request.get("/api/t/allatonce/policy?version=99")).status()).toBe(404);
  });

  test("a tenant on its own host shows the same pages without /t/slug", async ({ page, baseURL }) => {
    const url = new URL(baseURL!);
    await page.goto(`http://inqonto.localhost:${url.port}/`);
    await expect(page).toHaveURL(new RegExp(`inqonto\\.localhost:${url.port}/nl$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacyverklaring van inqonto");
    await page.getByRole("link", { name: "Eerdere versies" }).click();
    await expect(page).toHaveURL(new RegExp(`inqonto\\.localhost:${url.port}/nl/history$`));
    await expect(page.getByTestId("history")).toBeVisible();
  });

  test("unknown tenants, versions and locales get a translated 404", async ({ page }) => {
    let response = await page.goto("/en/t/no-such-company");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No privacy statement here");

    response = await page.goto("/nl/t/inone/v/42");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze versie bestaat niet");

    response = await page.goto("/fr/t/inone");
    expect(response!.status()).toBe(404);

    response = await page.goto("/nl/t/INVALID_slug!");
    expect(response!.status()).toBe(404);
  });

  test("a 404 for an unknown tenant, language or page is readable without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const port = new URL(baseURL!).port;
    const cases = [
      { path: "/en/t/no-such-company/history", lang: "en", heading: "No privacy statement here" },
      { path: `http://no-such-company.localhost:${port}/nl`, lang: "nl", heading: "Hier staat geen privacyverklaring" },
      { path: "/nl/no-such-page", lang: "nl", heading: "Pagina niet gevonden" },
      { path: "/en/admin/no-such-page", lang: "en", heading: "Page not found" },
    ];
    for (const { path, lang, heading } of cases) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(404);
      await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
      await expect(page, path).toHaveTitle(`${heading} · Inzage`);
      await expect(page.locator('head link[rel="alternate"][hreflang="x-default"]'), path).toHaveCount(1);
    }
    await context.close();
  });

  test("/ sends the visitor to the language their browser prefers", async ({ browser }) => {
    const english = await browser.newContext({ locale: "en-GB" });
    const page = await english.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await english.close();
    const other = await browser.newContext({ locale: "de-DE" });
    const page2 = await other.newPage();
    await page2.goto("/");
    await expect(page2).toHaveURL(/\/nl$/);
    await other.close();
  });
});

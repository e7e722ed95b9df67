import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoOwner, signInAs } from "./fixtures/auth";

/** Makes an API key in the console and reads it from the one place it is ever shown. */
async function makeKey(page: Page, name: string): Promise<string> {
  await page.goto("/nl/admin/integrations");
  await page.getByLabel("Naam van de sleutel").fill(name);
  await page.getByRole("button", { name: "Sleutel aanmaken" }).click();
  await expect(page.getByTestId("form-success")).toHaveText(`De sleutel ‘${name}’ is aangemaakt.`);
  const key = await page.getByTestId("api-key-secret").inputValue();
  expect(key).toMatch(/^inz_[A-Za-z0-9_-]{32}$/);
  return key;
}

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

test.describe("API keys and the API", () => {
  test("an owner makes a key, sees it once, uses it, another tenant's key gets 404, and revoking gives 401", async ({ page, browser, request }) => {
    test.setTimeout(90_000);
    await signInAs(page, demoOwner("inone"));
    const name = `Webwinkel ${Date.now().toString(36)}`;
    const key = await makeKey(page, name);
    await expect(page.getByTestId("new-api-key")).toContainText("alleen deze ene keer");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations).toEqual([]);

    // Listed by name and prefix; the key itself is gone after a reload.
    const row = page.getByTestId(`api-key-${key.slice(0, 10)}`);
    await expect(row).toContainText(name);
    await expect(row.getByTestId("api-key-status")).toHaveText("Actief");
    await page.reload();
    await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(key);
    await expect(row).toContainText("Nooit");

    const email = `E2E.${Date.now().toString(36)}@Example.com`;
    const subjectUrl = `/api/v1/subjects/${encodeURIComponent(email)}`;
    const created = await request.put(subjectUrl, { headers: bearer(key), data: { name: "Eef Tweede", preferredLocale: "en" } });
    expect(created.status()).toBe(201);
    expect((await created.json()).profile.email).toBe(email.toLowerCase());
    const records = await request.post(`${subjectUrl}/records`, {
      headers: bearer(key),
      data: { records: [{ category: "orders", sourceSystem: "webshop", fields: { orderNumber: "O-1", total: 12.5 } }] },
    });
    expect(records.status()).toBe(201);
    const read = await request.get(subjectUrl, { headers: bearer(key) });
    expect(read.status()).toBe(200);
    const subject = await read.json();
    expect(subject.profile).toMatchObject({ name: "Eef Tweede", preferredLocale: "en" });
    expect(subject.records.items).toEqual([expect.objectContaining({ category: "orders", fields: { orderNumber: "O-1", total: 12.5 } })]);
    expect(subject).toMatchObject({ restricted: false, objections: [] });

    const invalid = await request.post(`${subjectUrl}/records`, { headers: bearer(key), data: { records: [{ category: "Orders!", sourceSystem: "x", fields: [] }] } });
    expect(invalid.status()).toBe(400);
    const problem = await invalid.json();
    expect(problem.error.code).toBe("invalid_body");
    expect(problem.error.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(["records.0.category", "records.0.fields"]));

    await page.reload();
    await expect(row).not.toContainText("Nooit");

    // A key of another tenant does not reach this person: the same 404 as for nobody.
    const otherContext = await browser.newContext({ locale: "nl-NL" });
    const otherPage = await otherContext.newPage();
    await signInAs(otherPage, demoOwner("allatonce"));
    const otherKey = await makeKey(otherPage, "Ander systeem");
    await otherContext.close();
    const foreign = await request.get(subjectUrl, { headers: bearer(otherKey) });
    expect(foreign.status()).toBe(404);
    const nobody = await request.get(`/api/v1/subjects/${encodeURIComponent(`nobody-${Date.now()}@example.com`)}`, { headers: bearer(otherKey) });
    expect(await foreign.text()).toBe(await nobody.text());
    expect((await request.post(`${subjectUrl}/records`, { headers: bearer(otherKey), data: { records: [{ category: "orders", sourceSystem: "x", fields: {} }] } })).status()).toBe(404);
    expect((await (await request.get(subjectUrl, { headers: bearer(key) })).json()).records.items).toHaveLength(1);

    // Revoked: refused from now on.
    await page.getByRole("button", { name: `Sleutel ${name} intrekken` }).click();
    await expect(row.getByTestId("api-key-status")).toContainText("Ingetrokken op");
    const refused = await request.get(subjectUrl, { headers: bearer(key) });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
  });

  test("requests without a key, or with the key in the URL, are refused", async ({ request }) => {
    const none = await request.get("/api/v1/requests");
    expect(none.status()).toBe(401);
    expect(none.headers()["content-type"]).toBe("application/problem+json");
    const inQuery = await request.get(`/api/v1/requests?api_key=inz_${"a".repeat(32)}`);
    expect(inQuery.status()).toBe(400);
    expect((await inQuery.json()).error.code).toBe("key_in_query");
  });

  test("the OpenAPI description is served", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/subjects/{email}", "/subjects/{email}/records", "/requests"]));
  });

  test("a viewer does not see the integrations page", async ({ page }) => {
    await signInAs(page, "viewer@inone.example");
    const response = await page.goto("/nl/admin/integrations");
    expect(response?.status()).toBe(404);
  });
});

test.describe("portal export", () => {
  test("the download needs a signed-in person", async ({ request }) => {
    const response = await request.get("/api/t/inone/portal/export");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("not_signed_in");
    expect((await request.get("/api/t/no-such-tenant/portal/export")).status()).toBe(404);
  });
});

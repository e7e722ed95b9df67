import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { demoOwner } from "./fixtures/auth";
import { mailsTo } from "./fixtures/mail";

/**
 * Signing in on the site's real address, in the projects "nginx" (https://localhost:…
 * through Debian's nginx ending TLS, TRUSTED_PROXIES=1) and "public-host" (plain http with
 * PUBLIC_URL=http://127.0.0.1:…; see playwright.config.ts). Each lands signed in on the
 * address it started from, every redirect stays there, and the session cookies are Secure
 * exactly when the site is https.
 */

const jan = "jan.jansen@example.com";

/** The newest link to `address` that leads to `prefix`, once there are more than `before`. */
async function mailedLink(address: string, prefix: string, before: number): Promise<{ link: string; text: string }> {
  const pattern = new RegExp(`${prefix.replace(/[.?*+^$()[\]{}|\\/]/g, "\\$&")}\\S+`);
  let found: string[] = [];
  await expect
    .poll(async () => (found = (await mailsTo(address)).map((m) => m.text).filter((text) => pattern.test(text))).length, {
      timeout: 15_000,
      message: `mail to ${address} with a link to ${prefix}`,
    })
    .toBeGreaterThan(before);
  const text = found.at(-1)!;
  return { link: pattern.exec(text)![0], text };
}

const linksTo = async (address: string, prefix: string) => (await mailsTo(address)).filter((m) => m.text.includes(prefix)).length;

/** Every redirect the page follows, as absolute addresses. */
function redirectsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (response) => {
    const location = response.headers()["location"];
    if (response.status() >= 300 && response.status() < 400 && location) seen.push(new URL(location, response.url()).href);
  });
  return seen;
}

async function expectCookie(context: BrowserContext, name: string, https: boolean) {
  const cookie = (await context.cookies()).find((c) => c.name === name);
  expect(cookie, name).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: https });
}

test("staff sign in with the mailed link and land signed in on the site's own address", async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const https = origin.startsWith("https:");
  const owner = demoOwner("inone");
  const callback = `${origin}/api/auth/callback/email?`;
  const before = await linksTo(owner, callback);
  const redirects = redirectsOf(page);

  await page.goto("/nl/signin");
  await page.getByLabel("E-mailadres").fill(owner);
  await page.getByRole("button", { name: "Stuur mij een aanmeldlink" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  const { link } = await mailedLink(owner, callback, before);
  const landed = await page.goto(link);
  await expect(page.getByTestId("active-tenant")).toBeVisible();
  expect(page.url()).toBe(`${origin}/nl/admin`);
  expect(redirects.length).toBeGreaterThan(0);
  for (const redirect of redirects) expect(new URL(redirect).origin, redirect).toBe(origin);

  await expectCookie(context, https ? "__Secure-authjs.session-token" : "authjs.session-token", https);
  expect((await landed!.allHeaders())["strict-transport-security"] !== undefined).toBe(https);
});

test("a person signs in to the portal on the tenant's own host, with the code and with the link", async ({ page, context, browser, baseURL }) => {
  const site = new URL(baseURL!);
  const tenantOrigin = `${site.protocol}//inone.localhost:${site.port}`;
  const https = site.protocol === "https:";
  const signInLink = `${tenantOrigin}/nl/portal/signin?token=`;
  const redirects = redirectsOf(page);

  const askForCode = async (on: Page) => {
    const before = await linksTo(jan, signInLink);
    await on.goto(`${tenantOrigin}/nl/portal`);
    await on.getByLabel("E-mailadres").fill(jan);
    await on.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
    await expect(on.getByTestId("code-sent")).toBeVisible();
    return mailedLink(jan, signInLink, before);
  };

  // With the code, typed on the page that asked for it.
  const { text } = await askForCode(page);
  await page.getByLabel("Aanmeldcode").fill(/: (\d{6})/.exec(text)![1]);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.getByTestId("portal-overview")).toBeVisible();
  expect(page.url()).toBe(`${tenantOrigin}/nl/portal`);
  await expectCookie(context, "inzage_portal_inone", https);
  for (const redirect of redirects) expect(new URL(redirect).origin, redirect).toBe(tenantOrigin);

  // With the link, in a browser of its own.
  const other = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, locale: "nl-NL" });
  const second = await other.newPage();
  const { link } = await askForCode(second);
  await second.goto(link);
  await second.getByTestId("link-sign-in").getByRole("button", { name: "Aanmelden" }).click();
  await expect(second.getByTestId("portal-overview")).toBeVisible();
  expect(second.url()).toBe(`${tenantOrigin}/nl/portal`);
  await expectCookie(other, "inzage_portal_inone", https);
  await other.close();
});

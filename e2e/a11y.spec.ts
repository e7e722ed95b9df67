import { readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { appRoutes } from "./fixtures/app-routes";
import { mailsTo, type ReceivedMail } from "./fixtures/mail";

/**
 * Accessibility sweep: every page of the app (from the file system, see
 * fixtures/app-routes.ts) in both languages, signed out, signed in to the console as
 * inONE's owner and signed in to inONE's portal as jan.jansen@example.com. Each page
 * must pass axe's default rules (WCAG 2 A/AA and best practices), say its language,
 * link its other-language versions and have one h1, and show no message key as text.
 * At a phone's width (in Dutch; A11Y_PHONE_LOCALES=all adds English) nothing may
 * scroll sideways and the navigation must be usable; printed, the statement, its
 * history and the complaint dossier drop navigation and forms but keep the content.
 *
 * Sign-ins happen once per database and role (guarded by a lock, shared by the
 * workers through a file); pages only read, apart from the audit entry a staff view of
 * a request leaves, which the portal's log then shows.
 */

type Locale = "nl" | "en";
type Audience = "public" | "console" | "portal";

interface Visit {
  /** With {locale} and, where needed, {reference} (jan's request at inONE). */
  path: string;
  audience: Audience;
  status?: number;
  /** Shown in the test's title when one route has more than one visit. */
  label?: string;
}

const locales: Locale[] = ["nl", "en"];
/** The phone pass runs in Dutch, whose long compound words overflow first; A11Y_PHONE_LOCALES=all adds English. */
const phoneLocales: Locale[] = process.env.A11Y_PHONE_LOCALES === "all" ? locales : ["nl"];
const owner = "owner@inone.example";
const jan = "jan.jansen@example.com";

/** Concrete values for every page route of the demo data. A new page without an entry fails the first test. */
const pages: Record<string, Visit[]> = {
  "/[locale]": [
    { path: "/{locale}", audience: "public" },
    { path: "/{locale}/no-such-page", audience: "public", status: 404, label: "no such page" },
  ],
  "/[locale]/admin": [{ path: "/{locale}/admin", audience: "console" }],
  "/[locale]/admin/audit": [{ path: "/{locale}/admin/audit", audience: "console" }],
  "/[locale]/admin/consent": [{ path: "/{locale}/admin/consent", audience: "console" }],
  "/[locale]/admin/integrations": [{ path: "/{locale}/admin/integrations", audience: "console" }],
  "/[locale]/admin/requests": [{ path: "/{locale}/admin/requests", audience: "console" }],
  "/[locale]/admin/requests/[reference]": [{ path: "/{locale}/admin/requests/{reference}", audience: "console" }],
  "/[locale]/admin/requests/new": [{ path: "/{locale}/admin/requests/new", audience: "console" }],
  "/[locale]/admin/settings": [{ path: "/{locale}/admin/settings", audience: "console" }],
  "/[locale]/admin/statement": [{ path: "/{locale}/admin/statement", audience: "console" }],
  "/[locale]/admin/statement/compare": [{ path: "/{locale}/admin/statement/compare?from=1&to=2", audience: "console" }],
  "/[locale]/admin/statement/preview": [{ path: "/{locale}/admin/statement/preview", audience: "console" }],
  "/[locale]/admin/statement/publish": [{ path: "/{locale}/admin/statement/publish", audience: "console" }],
  "/[locale]/admin/team": [{ path: "/{locale}/admin/team", audience: "console" }],
  "/[locale]/admin/tenants": [{ path: "/{locale}/admin/tenants", audience: "console" }],
  "/[locale]/admin/webhooks": [{ path: "/{locale}/admin/webhooks", audience: "console" }],
  "/[locale]/authorities": [{ path: "/{locale}/authorities", audience: "public" }],
  "/[locale]/authorities/[id]": [{ path: "/{locale}/authorities/nl-ap", audience: "public" }],
  // Only with INZAGE_DEMO=1 or in development; the e2e server answers 404.
  "/[locale]/dev/outbox": [{ path: "/{locale}/dev/outbox", audience: "public", status: 404 }],
  "/[locale]/invite/[token]": [{ path: "/{locale}/invite/not-a-valid-token", audience: "public" }],
  "/[locale]/signin": [{ path: "/{locale}/signin", audience: "public" }],
  "/[locale]/signin/error": [{ path: "/{locale}/signin/error", audience: "public" }],
  "/[locale]/signup": [{ path: "/{locale}/signup", audience: "public" }],
  "/[locale]/t/[tenant]": [
    { path: "/{locale}/t/inone", audience: "public" },
    // The other demo companies: other content, other accent colours.
    ...["allatonce", "inqonto", "web1on1", "superoffice"].map((slug) => ({ path: `/{locale}/t/${slug}`, audience: "public" as const, label: slug })),
    { path: "/{locale}/t/no-such-company", audience: "public", status: 404, label: "unknown tenant" },
  ],
  "/[locale]/t/[tenant]/history": [{ path: "/{locale}/t/inone/history", audience: "public" }],
  "/[locale]/t/[tenant]/history/compare": [{ path: "/{locale}/t/inone/history/compare?from=1&to=2", audience: "public" }],
  "/[locale]/t/[tenant]/v/[version]": [
    { path: "/{locale}/t/inone/v/1", audience: "public" },
    { path: "/{locale}/t/inone/v/99", audience: "public", status: 404, label: "unknown version" },
  ],
  "/[locale]/t/[tenant]/portal": [
    { path: "/{locale}/t/inone/portal", audience: "portal" },
    { path: "/{locale}/t/inone/portal", audience: "public", label: "signed out" },
  ],
  "/[locale]/t/[tenant]/portal/complain": [{ path: "/{locale}/t/inone/portal/complain", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/complain/dossier": [{ path: "/{locale}/t/inone/portal/complain/dossier", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/consent": [{ path: "/{locale}/t/inone/portal/consent", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/email": [{ path: "/{locale}/t/inone/portal/email?token=not-a-valid-token", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/log": [{ path: "/{locale}/t/inone/portal/log", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/profile": [{ path: "/{locale}/t/inone/portal/profile", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/records": [{ path: "/{locale}/t/inone/portal/records?category=orders&source=ordering-platform", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/requests": [{ path: "/{locale}/t/inone/portal/requests", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/requests/[reference]": [{ path: "/{locale}/t/inone/portal/requests/{reference}", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/requests/new": [{ path: "/{locale}/t/inone/portal/requests/new?type=ACCESS", audience: "portal" }],
  "/[locale]/t/[tenant]/portal/signin": [{ path: "/{locale}/t/inone/portal/signin?token=not-a-valid-token", audience: "public" }],
  "/[locale]/t/[tenant]/request": [{ path: "/{locale}/t/inone/request?type=ACCESS", audience: "public" }],
  "/[locale]/t/[tenant]/request/status": [{ path: "/{locale}/t/inone/request/status?token=not-a-valid-token", audience: "public" }],
  "/[locale]/t/[tenant]/subscription": [{ path: "/{locale}/t/inone/subscription", audience: "public" }],
  // The page behind an access answer's download link; an unknown link is the translated 404.
  "/[locale]/t/[tenant]/answer": [{ path: "/{locale}/t/inone/answer?token=not-a-valid-token", audience: "public", status: 404, label: "unknown link" }],
};

/** Printed, these keep their content and lose navigation and forms. */
const printed: Visit[] = [
  { path: "/{locale}/t/inone", audience: "public" },
  { path: "/{locale}/t/inone/history", audience: "public" },
  { path: "/{locale}/t/inone/portal/complain/dossier", audience: "portal" },
];

// ---- signing in once per database and role --------------------------------------------

type Storage = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function ownMails(address: string, baseURL: string, subject: RegExp): Promise<ReceivedMail[]> {
  return (await mailsTo(address)).filter((m) => subject.test(m.subject) && m.text.includes(baseURL));
}

async function newMail(address: string, baseURL: string, subject: RegExp, before: number): Promise<ReceivedMail> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(async () => (found = await ownMails(address, baseURL, subject)).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThan(before);
  return found.at(-1)!;
}

/** The owner asks for a sign-in link and follows it. Other suites sign in as the same owner, so a link someone else used first is retried. */
async function signInOwner(page: Page, baseURL: string): Promise<void> {
  const subject = /Inzage/;
  for (let attempt = 1; ; attempt++) {
    const before = (await ownMails(owner, baseURL, subject)).length;
    await page.goto("/nl/signin");
    await page.getByLabel("E-mailadres").fill(owner);
    await page.getByRole("button", { name: "Stuur mij een aanmeldlink" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    const mail = await newMail(owner, baseURL, subject, before);
    await page.goto(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(mail.text)![0]);
    if (await page.getByTestId("active-tenant").isVisible()) return;
    if (attempt === 3) await expect(page.getByTestId("active-tenant")).toHaveText("inONE");
  }
}

/** Jan asks inONE's portal for a code and signs in with it; retried when another suite's code crossed it. */
async function signInJan(page: Page, baseURL: string): Promise<void> {
  const subject = /aanmeldcode voor inONE$/;
  for (let attempt = 1; ; attempt++) {
    const before = (await ownMails(jan, baseURL, subject)).length;
    await page.goto("/nl/t/inone/portal");
    await page.getByLabel("E-mailadres").fill(jan);
    await page.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
    await expect(page.getByTestId("code-sent")).toBeVisible();
    const mail = await newMail(jan, baseURL, subject, before);
    await page.getByLabel("Aanmeldcode").fill(/: (\d{6})/.exec(mail.text)![1]);
    await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
    const overview = page.getByTestId("portal-overview");
    if (await overview.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
    if (attempt === 3) await expect(overview).toBeVisible();
  }
}

/**
 * A signed-in storage state, made once per project (database) and role: the first worker
 * signs in under a lock and leaves the state in a file, later workers (also those that
 * replace a worker after a failure) reuse it while it still works.
 */
async function sharedState(
  browser: Browser,
  baseURL: string,
  dir: string,
  role: string,
  signIn: (page: Page, baseURL: string) => Promise<void>,
  works: (page: Page) => Promise<boolean>,
): Promise<Storage> {
  const file = path.join(dir, `${role}.json`);
  const lock = path.join(dir, `${role}.lock`);
  await mkdir(dir, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (waited > 60_000) throw new Error(`waited a minute for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const saved = await readFile(file, "utf8").then((text) => JSON.parse(text) as Storage, () => null);
    const context = await browser.newContext({ baseURL, storageState: saved ?? undefined });
    try {
      const page = await context.newPage();
      if (saved && (await works(page))) return saved;
      await signIn(page, baseURL);
      const state = await context.storageState();
      await writeFile(file, JSON.stringify(state));
      return state;
    } finally {
      await context.close();
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

interface Demo {
  consoleState: Storage;
  portalState: Storage;
  /** The reference of one of jan's requests at inONE. */
  reference: string;
}

const test = base.extend<object, Demo>({
  consoleState: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const dir = path.join(workerInfo.project.outputDir, ".a11y-auth", workerInfo.project.name);
      await use(
        await sharedState(browser, baseURL, dir, "console", signInOwner, async (page) => {
          await page.goto("/nl/admin");
          return page.getByTestId("active-tenant").isVisible();
        }),
      );
    },
    { scope: "worker", timeout: 90_000 },
  ],
  portalState: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const dir = path.join(workerInfo.project.outputDir, ".a11y-auth", workerInfo.project.name);
      await use(
        await sharedState(browser, baseURL, dir, "portal", signInJan, async (page) => {
          await page.goto("/nl/t/inone/portal");
          return page.getByTestId("portal-overview").isVisible();
        }),
      );
    },
    { scope: "worker", timeout: 90_000 },
  ],
  reference: [
    async ({ browser, portalState }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, storageState: portalState });
      const page = await context.newPage();
      await page.goto("/nl/t/inone/portal/requests");
      const row = page.locator('[data-testid^="request-R-"]').first();
      await expect(row).toBeVisible();
      const reference = (await row.getAttribute("data-testid"))!.replace("request-", "");
      await context.close();
      await use(reference);
    },
    { scope: "worker", timeout: 30_000 },
  ],
});

test.describe.configure({ mode: "parallel" });

// ---- the checks --------------------------------------------------------------------------

const concrete = (visit: Visit, locale: Locale, reference = "") => visit.path.replaceAll("{locale}", locale).replaceAll("{reference}", reference);

const title = (pattern: string, visit: Visit, locale: Locale) => `${pattern}${visit.label ? ` (${visit.label})` : ""} [${locale}]`;

async function open(page: Page, url: string, visit: Visit): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `status of ${url}`).toBe(visit.status ?? 200);
  // Signed-in pages must not have sent us to a sign-in form.
  expect(new URL(page.url()).pathname, "no redirect").toBe(url.split("?")[0]);
}

/** A text the page shows as its message key ("Console.webhooks.eventNames.x") is missing from the messages. */
const rawKey = new RegExp(`\\b(?:${Object.keys(JSON.parse(readFileSync("messages/nl.json", "utf8")) as object).join("|")})\\.[A-Za-z_]+(?:\\.[A-Za-z_]+)*\\b`);

async function expectAccessible(page: Page, locale: Locale): Promise<void> {
  expect(rawKey.exec(await page.locator("body").innerText())?.[0], "message key shown as text").toBeUndefined();
  // Legacy mode runs axe in the page itself instead of finishing in a second page, and
  // only violations carry all their nodes: together several times faster on a big form.
  // The app's pages have no frames, which legacy mode would not enter across origins.
  const { violations, passes, incomplete } = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  expect(passes.length).toBeGreaterThan(10);
  // axe does not count text in its background's own colour (a 1:1 ratio) as a contrast
  // violation but as "needs review": the blank call to action and tab went through that way.
  const invisible = incomplete
    .filter((result) => result.id === "color-contrast")
    .flatMap((result) => result.nodes)
    .filter((node) => node.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === "equalRatio"))
    .map((node) => `${node.target.join(" ")}: ${node.html.slice(0, 120)}`);
  expect(invisible, "text in its background's colour (axe: 1:1 contrast)").toEqual([]);
  expect(await unreadableControls(page), "links, buttons and tabs whose text has their background's colour").toEqual([]);
  const summary = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`),
  }));
  expect(summary, "axe violations").toEqual([]);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  for (const hreflang of ["nl", "en", "x-default"]) {
    await expect(page.locator(`head link[rel="alternate"][hreflang="${hreflang}"]`), `alternate ${hreflang}`).toHaveCount(1);
  }
  await expect(page.locator("h1")).toHaveCount(1);
  // axe no longer checks ids that no ARIA attribute points at; a label's "for" does.
  const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((element) => element.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index), "duplicate ids").toEqual([]);
}

/**
 * Links, buttons and tabs with a background of their own whose text has that same
 * colour (an element rule beating a utility such as text-white). Checked on the
 * computed styles, so it holds for every one of them, not only those axe samples.
 */
async function unreadableControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("a, button, summary, [role=tab], [aria-current]")]
      .filter((element) => (element as HTMLElement).offsetParent !== null && element.textContent?.trim())
      .filter((element) => {
        const style = getComputedStyle(element);
        const background = style.backgroundColor;
        const transparent = background === "transparent" || /^rgba\(.*,\s*0\)$/.test(background);
        return !transparent && style.color === background;
      })
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent!.trim().slice(0, 40)}": ${getComputedStyle(element).color}`),
  );
}

/**
 * At a phone's width: the page does not scroll sideways (wide tables scroll inside their
 * own region), and every navigation link is on screen and big enough to tap.
 */
async function expectPhoneFriendly(page: Page): Promise<void> {
  // A phone widens its layout viewport to fit content that overflows, so innerWidth grows
  // with it: the yardstick is the screen's 375 CSS pixels.
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  if (scrollWidth > width) {
    const wide = await page.evaluate(
      (width) =>
        [...document.querySelectorAll("body *")]
          .filter((element) => {
            const overflows = (e: Element) => e.getBoundingClientRect().right > width + 0.5;
            const scrolls = (e: Element | null): boolean => !!e && (/auto|scroll|hidden/.test(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
            // The innermost elements that stick out of the page, not every ancestor.
            return overflows(element) && ![...element.children].some(overflows) && !scrolls(element.parentElement);
          })
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${element.textContent?.trim().slice(0, 40)}"`),
      width,
    );
    expect(wide, `the page is ${scrollWidth}px wide; these stick out`).toEqual([]);
  }
  expect(scrollWidth, "scroll width").toBeLessThanOrEqual(width);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll("nav a, nav button")]
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { text: element.textContent?.trim(), left: box.left, right: box.right, width: box.width, height: box.height };
      }),
  );
  const unusable = links.filter((l) => l.left < 0 || l.right > width + 0.5 || l.width < 24 || l.height < 24);
  expect(unusable, "navigation links off screen or smaller than 24×24").toEqual([]);
}

test("every page route has an entry in the table, and every entry is a route", () => {
  const routes = appRoutes()
    .filter((route) => route.kind === "page")
    .map((route) => route.pattern);
  expect(routes.filter((pattern) => !(pattern in pages)), "page routes without an entry").toEqual([]);
  expect(Object.keys(pages).filter((pattern) => !routes.includes(pattern)), "entries without a page route").toEqual([]);
});

// The call to action on the home page and the current tab of the statement's pages are
// links drawn as filled buttons: their text must be white, not the link colour (which
// was also the fill, so they showed as blank blue boxes).
for (const locale of locales) {
  test(`the home page's call to action shows its text [${locale}]`, async ({ page }) => {
    await page.goto(`/${locale}`);
    const cta = page.getByTestId("home-actions").getByRole("link", { name: locale === "nl" ? "Meld uw bedrijf aan" : "Sign up your company" });
    await expect(cta).toBeVisible();
    const { color, background } = await cta.evaluate((element) => ({ color: getComputedStyle(element).color, background: getComputedStyle(element).backgroundColor }));
    expect(color).toBe("rgb(255, 255, 255)");
    expect(background).not.toBe(color);
  });
}

test("the statement pages' current tab shows its text", async ({ browser, baseURL, consoleState }) => {
  const context = await browser.newContext({ baseURL, storageState: consoleState });
  const page = await context.newPage();
  for (const [path, label] of [
    ["/nl/admin/statement", "Privacyverklaring"],
    ["/nl/admin/statement/compare", "Versies vergelijken"],
  ]) {
    await page.goto(path);
    const current = page.getByRole("navigation", { name: "Concept" }).locator('a[aria-current="page"]');
    await expect(current, path).toHaveText(label);
    const { color, background } = await current.evaluate((element) => ({ color: getComputedStyle(element).color, background: getComputedStyle(element).backgroundColor }));
    expect(color, path).toBe("rgb(255, 255, 255)");
    expect(background, path).not.toBe(color);
  }
  await context.close();
});

type Body = (browser: Browser, baseURL: string, storageState: Storage | undefined, reference: string) => Promise<void>;

/** The fixtures a test names decide which sign-ins it waits for, so each audience declares its own. */
const declare: Record<Audience, (name: string, body: Body) => void> = {
  public: (name, body) => test(name, ({ browser, baseURL }) => body(browser, baseURL!, undefined, "")),
  console: (name, body) => test(name, ({ browser, baseURL, consoleState, reference }) => body(browser, baseURL!, consoleState, reference)),
  portal: (name, body) => test(name, ({ browser, baseURL, portalState, reference }) => body(browser, baseURL!, portalState, reference)),
};

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

for (const [pattern, visits] of Object.entries(pages)) {
  for (const visit of visits) {
    for (const locale of locales) {
      const name = title(pattern, visit, locale);
      declare[visit.audience](`axe: ${name}`, async (browser, baseURL, storageState, reference) => {
        const context = await browser.newContext({ baseURL, storageState });
        const page = await context.newPage();
        await open(page, concrete(visit, locale, reference), visit);
        await expectAccessible(page, locale);
        await context.close();
      });
      if (!phoneLocales.includes(locale)) continue;
      declare[visit.audience](`phone: ${name}`, async (browser, baseURL, storageState, reference) => {
        const context = await browser.newContext({ baseURL, storageState, ...phone });
        const page = await context.newPage();
        await open(page, concrete(visit, locale, reference), visit);
        await expectPhoneFriendly(page);
        await context.close();
      });
    }
  }
}

for (const visit of printed) {
  for (const locale of locales) {
    declare[visit.audience](`print: ${visit.path.replace("{locale}", "[locale]")} [${locale}]`, async (browser, baseURL, storageState) => {
      const context = await browser.newContext({ baseURL, storageState });
      const page = await context.newPage();
      await open(page, concrete(visit, locale), visit);
      await page.emulateMedia({ media: "print" });
      await expect(page.locator("h1")).toBeVisible();
      expect((await page.locator("main").innerText()).length, "printed content").toBeGreaterThan(500);
      for (const selector of [".no-print", "nav", "form", "button"]) {
        const shown = await page
          .locator(selector)
          .evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).map((element) => element.outerHTML.slice(0, 120)));
        expect(shown, `${selector} shown in print`).toEqual([]);
      }
      await context.close();
    });
  }
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoOwner, signInAs } from "./fixtures/auth";
import { actionForm, actionState, consoleSignIn, formsOf, HttpClient, serverActionIds } from "./fixtures/http-client";
import { mailsTo, uniqueEmail, type ReceivedMail } from "./fixtures/mail";
import { defaultCalendar, dueDate } from "../lib/requests/deadline";

/**
 * The end-user portal and requests without an account. Both e2e servers mail the same
 * catcher, so mails are told apart by the server's address in their links.
 */

const jan = "jan.jansen@example.com";

async function ownMails(address: string, baseURL: string, subject: RegExp): Promise<ReceivedMail[]> {
  return (await mailsTo(address)).filter((m) => subject.test(m.subject) && m.text.includes(baseURL));
}

async function nextMail(address: string, baseURL: string, subject: RegExp, count: number): Promise<ReceivedMail> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(async () => (found = await ownMails(address, baseURL, subject)).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return found[count - 1];
}

async function signIn(page: Page, baseURL: string, email: string, slug = "inone", company = "inONE"): Promise<void> {
  const subject = new RegExp(`aanmeldcode voor ${company}$`);
  const before = (await ownMails(email, baseURL, subject)).length;
  await page.goto(`/nl/t/${slug}/portal`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
  await expect(page.getByTestId("code-sent")).toContainText("zes cijfers");
  const mail = await nextMail(email, baseURL, subject, before + 1);
  const code = /: (\d{6})/.exec(mail.text)![1];
  await page.getByLabel("Aanmeldcode").fill(code);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.getByTestId("portal-overview")).toBeVisible();
}

/** The last day of a request received now, at inONE (Amsterdam, Dutch holidays); the rule itself is unit-tested in lib/requests/deadline.test.ts. */
function dueInOneMonth(locale: "nl-NL" | "en-GB"): string {
  const due = dueDate(new Date(), defaultCalendar);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(due);
}

test("a person signs in with the mailed code, corrects their phone number, is asked no consent inONE's statement does not base on it, and asks for erasure", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, baseURL!, jan);
  await expect(page.getByTestId("portal-user")).toContainText(jan);
  await expect(page.getByTestId("profile-summary")).toContainText("Bakkerij Jansen");
  await expect(page.getByTestId("records")).toContainText("ordering-platform");
  await expect(page.getByTestId("portal-export-link")).toHaveAttribute("href", "/api/t/inone/portal/export");

  // Rectification: a bad number is explained and kept, a good one lands in the history.
  await page.getByRole("link", { name: "Profiel", exact: true }).click();
  await page.getByLabel("Telefoonnummer").fill("bel mij maar");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByTestId("error-phone")).toContainText("telefoonnummer");
  await expect(page.getByLabel("Telefoonnummer")).toHaveValue("bel mij maar");
  await expect(page.getByLabel("Telefoonnummer")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Telefoonnummer").fill("+31 6 11112222");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByTestId("form-success")).toContainText("opgeslagen");
  const history = page.getByTestId("profile-history");
  await expect(history).toContainText("Telefoonnummer");
  await expect(history).toContainText("+31 6 12345678");
  await expect(history).toContainText("+31 6 11112222");

  // Consent: inONE's statement bases no purpose on consent (contract and legitimate interest only), so its portal asks none.
  await page.getByRole("link", { name: "Toestemming", exact: true }).click();
  await expect(page.getByText("inONE vraagt op dit moment nergens toestemming voor.")).toBeVisible();

  // A request for erasure: a reference and a due date one calendar month away.
  await page.getByRole("link", { name: "Verzoeken", exact: true }).click();
  await page.getByRole("link", { name: "Verwijdering" }).click();
  await page.getByLabel(/^Toelichting/).fill("Graag al mijn gegevens wissen.");
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  const created = page.getByTestId("request-created");
  await expect(created).toContainText(`uiterlijk op ${dueInOneMonth("nl-NL")}`);
  const reference = /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await created.textContent()) ?? "")![0];
  await created.getByRole("link").click();
  await expect(page.getByTestId("request-status")).toHaveText("Ontvangen");
  await expect(page.getByTestId("request-due")).toHaveText(dueInOneMonth("nl-NL"));
  await page.getByRole("link", { name: "Terug naar uw verzoeken" }).click();
  await expect(page.getByTestId(`request-${reference}`)).toContainText("Verwijdering");
  await expect(page.getByTestId(`request-${reference}`)).toContainText(dueInOneMonth("nl-NL"));
});

test("without an account and without JavaScript: a request counts once the address is confirmed, and a repeat is merged once it is confirmed too", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  const requester = uniqueEmail("requester");

  await page.goto("/en/t/inone");
  await page.getByTestId("request-link").click();
  await page.getByRole("link", { name: "Erasure" }).click();
  await page.getByLabel("Your e-mail address").fill("not-an-address");
  await page.getByLabel(/^Explanation/).fill("Please remove my account.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("error-email")).toContainText("valid e-mail address");
  await expect(page.getByLabel(/^Explanation/)).toHaveValue("Please remove my account.");

  await page.getByLabel("Your e-mail address").fill(requester);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("request-sent")).toContainText("Check your mailbox");

  const confirmation = await nextMail(requester, baseURL!, /Confirm your privacy request/, 1);
  const link = /https?:\/\/\S+\/request\/status\?token=\S+/.exec(confirmation.text)![0];
  await page.goto(link);
  await expect(page.getByTestId("request-status")).toHaveText("Awaiting confirmation of the e-mail address");
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByTestId("request-confirmed")).toContainText(dueInOneMonth("en-GB"));
  const reference = /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![0];
  await expect(page.getByTestId("request-status")).toHaveText("Received");
  await expect(page.getByTestId("request-due")).toHaveText(dueInOneMonth("en-GB"));

  // The same address asks for erasure again: the page answers the same. The repeat waits for
  // its own confirmation (anyone can type an address), and until then the request is as it was.
  await page.goto("/en/t/inone/request?type=ERASURE");
  await page.getByLabel("Your e-mail address").fill(requester.toUpperCase());
  await page.getByLabel(/^Explanation/).fill("Also the newsletter list, please.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("request-sent")).toContainText("Check your mailbox");
  const repeat = await nextMail(requester, baseURL!, /Confirm your privacy request/, 2);
  const repeatLink = /https?:\/\/\S+\/request\/status\?token=\S+/.exec(repeat.text)![0];
  expect(repeatLink).not.toBe(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
  await expect(page.getByTestId("request-history")).not.toContainText("Also the newsletter list, please.");

  // Confirmed, the repeat joins the open request; the mail says so, and the newest link shows it.
  await page.goto(repeatLink);
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
  await expect(page.getByTestId("request-history")).toContainText("Repeated request added");
  await expect(page.getByTestId("request-history")).toContainText("Also the newsletter list, please.");
  await expect
    .poll(async () => (await mailsTo(requester)).filter((m) => m.subject.includes(`Added to your request ${reference}`)).length, { timeout: 15_000 })
    .toBe(1);
  await context.close();
});

test("being signed in at one tenant means nothing at another, and signing out ends the session", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, baseURL!, "overdue@example.com");
  await page.goto("/nl/t/web1on1/portal");
  await expect(page.getByTestId("portal-signed-out")).toBeVisible();
  await expect(page.getByTestId("portal-bar")).toHaveCount(0);
  await page.goto("/nl/t/inone/portal/requests");
  await expect(page.getByTestId("request-list")).toContainText("Inzage");

  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "inzage_portal_inone")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByTestId("signed-out-notice")).toBeVisible();
  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/nl/t/inone/portal");
  await expect(again.getByTestId("portal-signed-out")).toBeVisible();
  await replay.close();
});

test("a wrong code is refused with the same message as for an unknown address, and the portal works on the tenant's own host", async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  await page.goto(`http://web1on1.localhost:${port}/en/portal`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy portal of Web1on1");
  await page.getByLabel("E-mail address").fill(uniqueEmail("unknown"));
  await page.getByRole("button", { name: "Send me a sign-in code" }).click();
  await expect(page.getByTestId("code-sent")).toContainText("If Web1on1 knows this address");
  await expect(page.getByRole("link", { name: "Use another e-mail address" })).toHaveAttribute("href", "/en/portal");
  await expect(page.getByRole("link", { name: "Make a request without an account" })).toHaveAttribute("href", "/en/request");
  await page.getByLabel("Sign-in code").fill("123456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("error-code")).toContainText("not right or no longer valid");
  await page.goto(`http://web1on1.localhost:${port}/en`);
  await expect(page.getByTestId("request-link")).toHaveAttribute("href", "/en/request");
});

test("the portal's pages pass axe and fit a phone screen", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL, locale: "nl-NL", viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, baseURL!, jan, "web1on1", "Web1on1");
  for (const path of ["/portal", "/portal/profile", "/portal/consent", "/portal/requests", "/portal/requests/new?type=OBJECTION", "/portal/log", "/request?type=PORTABILITY"]) {
    await page.goto(`/nl/t/web1on1${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations, path).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("an owner defines a consent purpose and a profile field, which people then see in the portal and the request form", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, demoOwner("superoffice"), "en");
  await page.goto("/en/admin/consent");
  await expect(page.getByTestId("purposes")).toContainText("marketing");
  const add = page.getByTestId("add-purpose");
  await add.getByLabel("Key").fill("Bad Key");
  await add.getByLabel("Title (Dutch)").fill("Klantpanel");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByTestId("error-key")).toContainText("Use letters, digits");
  await expect(add.getByTestId("error-titleEn")).toContainText("fill in");
  await expect(add.getByLabel("Title (Dutch)")).toHaveValue("Klantpanel");
  await add.getByLabel("Key").fill("customer-panel");
  await add.getByLabel("Title (English)").fill("Customer panel");
  await add.getByLabel("Description (Dutch)").fill("Af en toe een vraag over onze producten.");
  await add.getByLabel("Description (English)").fill("Now and then a question about our products.");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("purpose-customer-panel")).toBeVisible();
  const field = page.getByTestId("add-field");
  await field.getByLabel("Key").fill("accountManager");
  await field.getByLabel("Label (Dutch)").fill("Accountmanager");
  await field.getByLabel("Label (English)").fill("Account manager");
  await field.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("profile-fields")).toContainText("accountManager");

  await page.getByTestId("purpose-customer-panel").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("purpose-customer-panel")).toContainText("Deactivated");
  await page.goto("/en/t/superoffice/request?type=OBJECTION");
  await expect(page.getByLabel("What do you object to?")).not.toContainText("Customer panel");
  await expect(page.getByLabel("What do you object to?")).toContainText("Marketing you signed up for");
});

test("consent proves itself: a reworded purpose asks again, a page still showing the old wording cannot give consent to it, and the records download as ISO/IEC TS 27560 JSON", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  // inqonto's statement bases its newsletter on consent; its owner makes a person through the API.
  const owner = await consoleSignIn(new HttpClient(baseURL!), baseURL!, demoOwner("inqonto"));
  const made = await owner.post("/nl/admin/integrations", actionForm(serverActionIds().get("app/[locale]/admin/integrations/actions.ts#createKey")!.id, { locale: "nl", name: `Toestemming ${Date.now().toString(36)}` }));
  const key = (actionState(made.body)!.result as { secret: string }).secret;
  const person = uniqueEmail("consent-person");
  const put = await owner.request("PUT", `/api/v1/subjects/${encodeURIComponent(person)}`, { headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ name: "Toestemming Proef" }) });
  expect(put.status).toBe(201);
  const reword = async (titleNl: string, titleEn: string, version: number) => {
    const form = formsOf((await owner.get("/nl/admin/consent")).body).find((f) => f.titleNl !== undefined && f.id && f.statementPurpose)!;
    const saved = await owner.post("/nl/admin/consent", actionForm(serverActionIds().get("app/[locale]/admin/consent/actions.ts#editPurpose")!.id, { ...form, titleNl, titleEn }));
    expect(actionState(saved.body)).toMatchObject({ status: "success" });
    // The console names the statement's purpose it belongs to and the wording version now shown.
    expect((await owner.get("/nl/admin/consent")).body).toContain(`Hoort bij het doel „Nieuwsbrief” uit de verklaring. Versie tekst ${version}.`);
  };

  await signIn(page, baseURL!, person, "inqonto", "inqonto");
  await page.getByRole("link", { name: "Toestemming", exact: true }).click();
  const purpose = page.getByTestId("consent-newsletter");
  const state = page.getByTestId("consent-state-newsletter");
  await expect(purpose).toContainText("Nieuwsbrief");
  await expect(state).toHaveText("Geen toestemming gegeven");
  await page.getByTestId("consent-give-newsletter").click();
  await expect(state).toContainText("Toestemming gegeven op");

  // Reworded: the consent was given to the earlier wording, and the portal asks again.
  await reword("Nieuwsbrief en aanbiedingen van partners", "Newsletter and partner offers", 2);
  await page.reload();
  await expect(purpose.getByRole("heading")).toHaveText("Nieuwsbrief en aanbiedingen van partners");
  await expect(state).toContainText("voor een eerdere tekst van dit doel (versie 1)");
  await expect(page.getByTestId("consent-give-newsletter")).toHaveText("Toestemming geven voor deze tekst");
  expect((await new AxeBuilder({ page }).analyze()).violations, "consent page asking again").toEqual([]);

  // Reworded again while this page shows version 2: the server refuses consent to it, and the page shows the new wording.
  await reword("Nieuwsbrief, aanbiedingen en doorverkoop", "Newsletter, offers and resale", 3);
  await page.getByTestId("consent-give-newsletter").click();
  await expect(purpose).toContainText("De tekst van dit doel is intussen gewijzigd");
  await expect(purpose.getByRole("heading")).toHaveText("Nieuwsbrief, aanbiedingen en doorverkoop");
  await expect(state).toContainText("voor een eerdere tekst van dit doel (versie 1)");
  await page.getByTestId("consent-give-newsletter").click();
  await expect(state).toContainText("Toestemming gegeven op");
  await expect(page.getByTestId("consent-give-newsletter")).toHaveCount(0);
  const history = page.getByTestId("consent-history");
  await expect(history).toContainText("Nieuwsbrief, aanbiedingen en doorverkoop");
  await expect(history).toContainText("U per e-mail nieuws over inqonto sturen");

  // The consent records, beside the export: each event with the wording shown; 401 without a portal session.
  await expect(page.getByTestId("consent-records-link")).toHaveAttribute("href", "/api/t/inqonto/portal/consent-records.json");
  const download = await page.request.get("/api/t/inqonto/portal/consent-records.json");
  expect(download.status()).toBe(200);
  const records = (await download.json()) as {
    conformsTo: string[];
    records: Array<{ purposes: Array<{ purposeId: string }>; status: { state: string; givenToCurrentNotice: boolean | null; currentNoticeVersion: number }; events: Array<{ notice: { version: number; text: string } }> }>;
  };
  expect(records.conformsTo).toContain("ISO/IEC TS 27560:2023");
  const newsletter = records.records.find((r) => r.purposes[0].purposeId === "newsletter")!;
  expect(newsletter.status).toMatchObject({ state: "https://w3id.org/dpv#ConsentGiven", givenToCurrentNotice: true, currentNoticeVersion: 3 });
  expect(newsletter.events.map((e) => e.notice.version)).toEqual([1, 3]);
  expect(newsletter.events[1].notice.text).toContain("Nieuwsbrief, aanbiedingen en doorverkoop");
  expect((await new HttpClient(baseURL!).get("/api/t/inqonto/portal/consent-records.json")).status).toBe(401);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { demoOwner } from "./fixtures/auth";
import { mailsTo, uniqueEmail, waitForMail, type ReceivedMail } from "./fixtures/mail";

/**
 * Handling requests in the console (issue 5), at Web1on1, whose owner no other journey
 * signs in as. Each test makes its own people through the API, so nothing here touches
 * the seeded ones other journeys use.
 */

// One after another: they sign in as the same owner, and each sign-in link works once.
test.describe.configure({ mode: "default" });

const slug = "web1on1";
const company = "Web1on1";
const owner = demoOwner(slug);
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/**
 * Signs the owner in with the link from the mail. Both e2e servers mail one catcher, so
 * only mails whose link points at this server count (signInAs would take either).
 */
async function signInOwner(page: Page, baseURL: string): Promise<void> {
  const own = async () => (await mailsTo(owner)).filter((m) => m.text.includes(`${baseURL}/api/auth/callback/email`));
  const before = (await own()).length;
  await page.goto("/nl/signin");
  await page.getByLabel("E-mailadres").fill(owner);
  await page.getByRole("button", { name: "Stuur mij een aanmeldlink" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  let mails: ReceivedMail[] = [];
  await expect.poll(async () => (mails = await own()).length, { timeout: 15_000, message: `sign-in mail to ${owner}` }).toBeGreaterThan(before);
  await page.goto(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(mails[before].text)![0]);
  await expect(page.getByTestId("active-tenant")).toHaveText(company);
}

async function makeKey(page: Page): Promise<string> {
  const name = `Verzoeken ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  await page.goto("/nl/admin/integrations");
  await page.getByLabel("Naam van de sleutel").fill(name);
  await page.getByRole("button", { name: "Sleutel aanmaken" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  return page.getByTestId("api-key-secret").inputValue();
}

/** A person the company knows, created through its API, with one record. */
async function newSubject(page: Page, request: APIRequestContext, prefix: string, name: string): Promise<string> {
  const key = await makeKey(page);
  const email = uniqueEmail(prefix);
  const url = `/api/v1/subjects/${encodeURIComponent(email)}`;
  expect((await request.put(url, { headers: bearer(key), data: { name, phone: "+31 6 24681357", preferredLocale: "nl" } })).status()).toBe(201);
  expect((await request.post(`${url}/records`, { headers: bearer(key), data: { records: [{ category: "chats", sourceSystem: "web1on1-chat", fields: { topic: "Proefrit" } }] } })).status()).toBe(201);
  return email;
}

/** The person signs in to the portal in a browser of their own, with the code from the mail. */
async function portalSignIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(`/nl/t/${slug}/portal`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
  await expect(page.getByTestId("code-sent")).toBeVisible();
  const mail = await waitForMail(email, { subject: new RegExp(`aanmeldcode voor ${company}$`) });
  await page.getByLabel("Aanmeldcode").fill(/: (\d{6})/.exec(mail.text)![1]);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.getByTestId("portal-overview")).toBeVisible();
  return page;
}

/** Staff record a request that came in by e-mail; returns its reference. */
async function recordRequest(page: Page, type: string, email: string, name = ""): Promise<string> {
  await page.goto("/nl/admin/requests/new");
  await page.getByLabel("Soort verzoek").selectOption({ label: type });
  await page.getByLabel("Binnengekomen via").selectOption({ label: "E-mail" });
  await page.getByLabel("E-mailadres van de aanvrager").fill(email);
  if (name) await page.getByLabel("Naam van de aanvrager").fill(name);
  await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(page.getByTestId("recorded")).toBeVisible();
  return /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![0];
}

/** A mail to the address about the request whose text contains `phrase` (subjects with non-ASCII characters are matched on the reference only). */
async function mailAbout(address: string, reference: string, phrase: string | RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).find((m) => m.subject.includes(reference) && (typeof phrase === "string" ? m.text.includes(phrase) : phrase.test(m.text)));
        return Boolean(found);
      },
      { timeout: 15_000, message: `mail to ${address} about ${reference} saying ${phrase}` },
    )
    .toBe(true);
  return found!;
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
}

test("an admin works a request from receipt to completion; both sides see the messages and the export", async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  await signInOwner(page, baseURL!);
  const email = await newSubject(page, request, "access", "Anna Inzage");
  const person = await portalSignIn(browser, baseURL!, email);

  // Recording a request by e-mail: bad input is explained per field, nothing typed is lost.
  await page.goto("/nl/admin/requests/new");
  await page.getByLabel("Soort verzoek").selectOption({ label: "Inzage" });
  await page.getByLabel("Naam van de aanvrager").fill("Anna Inzage");
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Ontvangen op").fill(tomorrow);
  await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(page.getByTestId("error-requesterEmail")).toBeVisible();
  await expect(page.getByLabel("Naam van de aanvrager")).toHaveValue("Anna Inzage");
  await page.getByLabel("E-mailadres van de aanvrager").fill(email);
  await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(page.getByTestId("error-receivedOn")).toContainText("niet in de toekomst");
  await expect(page.getByLabel("E-mailadres van de aanvrager")).toHaveValue(email);
  await page.getByLabel("Ontvangen op").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(page.getByTestId("recorded")).toBeVisible();
  const reference = /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![0];
  await expect(page.getByTestId("fact-subject")).toContainText("Ja");
  await mailAbout(email, reference, "Uw verzoek is ontvangen");

  // The inbox finds it by address; it works without JavaScript (a GET form) and passes axe.
  await page.goto("/nl/admin/requests");
  await expect(page.getByTestId("status-counts")).toBeVisible();
  await expect(page.getByTestId("requests-dashboard")).toBeVisible();
  await page.getByLabel("Zoeken", { exact: true }).fill(email.toUpperCase());
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Alle statussen" });
  await page.getByRole("button", { name: "Toepassen" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId(`inbox-row-${reference}`)).toContainText("Inzage");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: reference }).click();

  // The detail: the person's data as the portal shows them; viewing them is logged for the person.
  await expect(page.getByTestId("subject-data")).toContainText("Anna Inzage");
  await expect(page.getByTestId("subject-data")).toContainText("Proefrit");
  await expectNoAxeViolations(page);
  await person.goto(`/nl/t/${slug}/portal/log`);
  await expect(person.getByTestId("access-log")).toContainText(owner);

  const actions = page.getByTestId("request-actions");
  await actions.getByLabel("Nieuwe status").selectOption({ label: "Identiteit bevestigd" });
  await page.getByTestId("status-form").getByRole("button", { name: "Status wijzigen" }).click();
  await expect(page.getByTestId("fact-status")).toHaveText("Identiteit bevestigd");

  // A message: empty is refused next to the field; sent, it reaches the person by mail and in the portal.
  const messageForm = page.getByTestId("message-form");
  await messageForm.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(messageForm.getByTestId("error-body")).toBeVisible();
  await messageForm.getByLabel("Bericht aan de aanvrager").fill("Wij verzamelen uw gegevens; u hoort binnenkort van ons.");
  await messageForm.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(messageForm.getByTestId("form-success")).toBeVisible();
  await mailAbout(email, reference, "Wij verzamelen uw gegevens");

  await person.goto(`/nl/t/${slug}/portal/requests/${reference}`);
  await expect(person.getByTestId("request-history")).toContainText("Wij verzamelen uw gegevens");
  await person.getByRole("textbox", { name: "Informatie" }).fill("Dank u wel, ik wacht af.");
  await person.getByRole("button", { name: "Toevoegen" }).click();
  await expect(person.getByTestId("form-success")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("message-thread")).toContainText("Dank u wel, ik wacht af.");
  await expect(page.getByTestId("message-thread")).toContainText("Wij verzamelen uw gegevens");

  // Completing attaches the export as of now; staff and the person can download it.
  await page.getByTestId("complete-form").getByLabel("Toelichting voor de aanvrager").fill("Hierbij al uw gegevens.");
  await page.getByRole("button", { name: "Verzoek afhandelen" }).click();
  await expect(page.getByTestId("fact-status")).toHaveText("Afgehandeld");
  const staffLink = page.getByTestId("attachment-link");
  await expect(staffLink).toContainText(`inzage-${slug}-`);
  const staffDownload = await page.request.get((await staffLink.getAttribute("href"))!);
  expect(staffDownload.status()).toBe(200);
  expect(staffDownload.headers()["content-type"]).toBe("application/zip");
  expect((await staffDownload.body()).subarray(0, 2).toString()).toBe("PK");
  await mailAbout(email, reference, "Hierbij al uw gegevens.");

  await person.reload();
  const personLink = person.getByTestId("request-attachment-link");
  await expect(personLink).toBeVisible();
  const personDownload = await person.request.get((await personLink.getAttribute("href"))!);
  expect(personDownload.status()).toBe(200);
  // Not for someone else: a new browser without the person's session gets nothing.
  expect((await request.get((await personLink.getAttribute("href"))!)).status()).toBe(401);
  await person.context().close();
});

test("a deadline is extended once with a reason the requester receives; a rejection points to the authorities", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signInOwner(page, baseURL!);
  const requester = uniqueEmail("extend");
  const reference = await recordRequest(page, "Inzage", requester, "Eef Verleng");

  const form = page.getByTestId("extend-form");
  const max = (await form.getByLabel("Nieuwe termijn").getAttribute("max"))!;
  const beyond = new Date(Date.parse(`${max}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Nieuwe termijn").fill(beyond);
  await form.getByLabel("Reden").fill("Wij moeten gegevens uit drie systemen verzamelen.");
  await form.getByRole("button", { name: "Termijn verlengen" }).click();
  await expect(form.getByTestId("error-until")).toContainText("twee maanden");
  await expect(form.getByLabel("Reden")).toHaveValue("Wij moeten gegevens uit drie systemen verzamelen.");
  await form.getByLabel("Nieuwe termijn").fill(max);
  await form.getByRole("button", { name: "Termijn verlengen" }).click();
  await expect(page.getByTestId("fact-status")).toHaveText("Termijn verlengd");
  await expect(page.getByTestId("fact-extensionReason")).toHaveText("Wij moeten gegevens uit drie systemen verzamelen.");
  // Once only: the form is gone.
  await expect(page.getByTestId("extend-form")).toHaveCount(0);
  await mailAbout(requester, reference, "Reden: Wij moeten gegevens uit drie systemen verzamelen.");

  const other = await recordRequest(page, "Verwijdering", uniqueEmail("reject"));
  const rejectForm = page.getByTestId("reject-form");
  await rejectForm.getByRole("button", { name: "Verzoek weigeren" }).click();
  await expect(rejectForm.getByTestId("error-reason")).toBeVisible();
  // Art. 12(4): the ground and the reasoning are written down and mailed.
  await rejectForm.getByRole("combobox", { name: "Grond" }).selectOption("other");
  await rejectForm.getByRole("textbox", { name: "Motivering" }).fill("De wet verplicht ons deze gegevens zeven jaar te bewaren.");
  await rejectForm.getByRole("button", { name: "Verzoek weigeren" }).click();
  await expect(page.getByTestId("fact-status")).toHaveText("Afgewezen");
  const rejectedTo = (await page.getByTestId("fact-requester").textContent())!;
  const rejected = await mailAbout(rejectedTo, other, "zeven jaar te bewaren");
  expect(rejected.text).toContain("Autoriteit Persoonsgegevens");
  expect(rejected.text).toMatch(/https?:\/\/\S+\/nl\/authorities/);
  expect(rejected.text).toContain("naar de rechter");
});

test("an approved erasure (grace period 0) removes the person: their portal session stops working", async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  await signInOwner(page, baseURL!);

  // The grace period is a company setting; bad input is explained.
  await page.goto("/nl/admin/settings");
  const grace = page.getByLabel("Bedenktijd bij wissen (dagen)");
  await grace.fill("365");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByTestId("error-erasureGraceDays")).toBeVisible();
  await grace.fill("0");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();

  try {
    const email = await newSubject(page, request, "erase", "Wim Wisverzoek");
    const person = await portalSignIn(browser, baseURL!, email);
    const reference = await recordRequest(page, "Verwijdering", email);
    await expect(page.getByTestId("recipients")).toContainText("Google Analytics");
    await page.getByRole("button", { name: "Markeren als geïnformeerd: Google Analytics" }).click();
    await expect(page.getByTestId("recipient-told").first()).toContainText(owner);

    await page.getByRole("button", { name: "Wissen goedkeuren" }).click();
    await expect(page.getByTestId("erasure-state")).toContainText("gewist op");
    await expect(page.getByTestId("fact-status")).toHaveText("Afgehandeld");
    await expect(page.getByTestId("fact-requester")).toHaveText("Gewist");
    await expect(page.getByTestId("subject-data")).toHaveCount(0);

    await mailAbout(email, reference, "persoonsgegevens gewist");

    // The person's old session no longer works.
    await person.goto(`/nl/t/${slug}/portal`);
    await expect(person.getByTestId("portal-signed-out")).toBeVisible();
    await person.goto(`/nl/t/${slug}/portal/requests/${reference}`);
    await expect(person.getByTestId("portal-signed-out")).toBeVisible();
    await person.context().close();

    // The request itself remains, found by the address through its salted hash.
    await page.goto(`/nl/admin/requests?status=all&q=${encodeURIComponent(email)}`);
    await expect(page.getByTestId(`inbox-row-${reference}`)).toContainText("Gewist");
    expect((await mailsTo(email)).some((m) => /gewist/.test(m.subject))).toBe(true);
  } finally {
    await page.goto("/nl/admin/settings");
    await page.getByLabel("Bedenktijd bij wissen (dagen)").fill("7");
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
  }
});

test("art. 17(3): staff keep one category under a legal obligation; the person sees the date and the reason at once; cancelling stops it", async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  await signInOwner(page, baseURL!);
  const email = await newSubject(page, request, "keep", "Kees Bewaarplicht");
  const person = await portalSignIn(browser, baseURL!, email);
  const reference = await recordRequest(page, "Verwijdering", email);
  await expect(page.getByTestId("fact-status")).toHaveText("Ontvangen");

  const ground = page.getByLabel("Gegevens in de categorie ‘chats’ (1 record)");
  await ground.selectOption("legalObligation");
  await page.getByRole("button", { name: "Wissen goedkeuren" }).click();
  // A ground needs its explanation: the person is told why.
  await expect(page.getByTestId("error-explanation-0")).toBeVisible();
  const explanation = "Chatgesprekken over een koop bewaren wij zeven jaar (fiscale bewaarplicht).";
  await page.getByLabel("Toelichting bij ‘Gegevens in de categorie ‘chats’’").fill(explanation);
  await page.getByRole("button", { name: "Wissen goedkeuren" }).click();
  await expect(page.getByTestId("erasure-state")).toContainText("gebeurt op");
  await expect(page.getByTestId("erasure-kept")).toContainText(explanation);
  await expect(page.getByTestId("fact-status")).toHaveText("In behandeling");

  // The person sees it at once: the status, the date and what is kept, and gets a mail.
  await person.goto(`/nl/t/${slug}/portal/requests/${reference}`);
  await expect(person.getByTestId("request-status")).toHaveText("In behandeling");
  await expect(person.getByTestId("request-erasureDue")).not.toBeEmpty();
  await expect(person.getByTestId("request-erasureKept")).toContainText("een wettelijke plicht om ze te bewaren");
  await expect(person.getByTestId("request-history")).toContainText("Wissen goedgekeurd, gepland op");
  await person.goto(`/nl/t/${slug}/portal/requests`);
  await expect(person.getByTestId(`erasure-due-${reference}`)).toContainText("Wissen gepland op");
  const mail = await mailAbout(email, reference, "Het wissen gebeurt op");
  expect(mail.text).toContain(`Gegevens in de categorie ‘chats’: bewaard wegens een wettelijke plicht om ze te bewaren (artikel 17, lid 3, onder b, AVG). Toelichting: ${explanation}`);

  // Cancelled within the grace period: nothing is erased and the portal no longer shows a date.
  await page.getByRole("button", { name: "Wissen annuleren" }).click();
  await expect(page.getByTestId("erasure-state")).toContainText("geannuleerd");
  await person.goto(`/nl/t/${slug}/portal/requests/${reference}`);
  await expect(person.getByTestId("request-history")).toContainText("Wissen geannuleerd");
  await expect(person.getByTestId("request-erasureDue")).toHaveCount(0);
  await person.context().close();
});

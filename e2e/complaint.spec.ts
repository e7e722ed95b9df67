import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, request as apiRequest, test, type Page } from "@playwright/test";
import { pdfInfo, pdfText } from "../test/pdf-text";
import { mailsTo, type ReceivedMail } from "./fixtures/mail";

/**
 * Complaining to a supervisory authority from the portal. The seed gives
 * overdue@example.com at inONE an access request received 40 days ago, so it is late.
 * Both e2e servers mail the same catcher; mails are told apart by the server's address.
 */

const olga = "overdue@example.com";
/** inONE's contact address, which a reminder is mailed to (with its owners and admins). */
const inoneContact = "cs@myinone.com";
const outcome = "Dat inONE mijn verzoek alsnog beantwoordt.";

async function ownMails(baseURL: string): Promise<ReceivedMail[]> {
  return (await mailsTo(olga)).filter((m) => /aanmeldcode voor inONE$/.test(m.subject) && m.text.includes(baseURL));
}

async function signIn(page: Page, baseURL: string): Promise<void> {
  const before = (await ownMails(baseURL)).length;
  await page.goto("/nl/t/inone/portal");
  await page.getByLabel("E-mailadres").fill(olga);
  await page.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
  await expect(page.getByTestId("code-sent")).toContainText("zes cijfers");
  let mails: ReceivedMail[] = [];
  await expect.poll(async () => (mails = await ownMails(baseURL)).length, { timeout: 15_000, message: `mail to ${olga}` }).toBeGreaterThan(before);
  const code = /: (\d{6})/.exec(mails.at(-1)!.text)![1];
  await page.getByLabel("Aanmeldcode").fill(code);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.getByTestId("portal-overview")).toBeVisible();
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
  });
  return errors;
}

// Both tests sign in as the same person: one after the other, so their codes do not cross.
test.describe.configure({ mode: "serial" });

test("a person with an overdue request finds the complaint page, their authority and a dossier to download", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await signIn(page, baseURL!);

  // The request list offers the complaint for the late request.
  await page.getByRole("link", { name: "Verzoeken", exact: true }).click();
  const link = page.locator('[data-testid^="complain-link-"]');
  await expect(link).toHaveCount(1);
  const reference = (await link.getAttribute("data-testid"))!.replace("complain-link-", "");
  await expect(page.getByTestId(`request-${reference}`)).toContainText("Te laat");
  await expect(link).toHaveText("Klacht indienen bij een toezichthouder");

  // So does the request's own page.
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByTestId("request-complaint")).toContainText("Dit verzoek is te laat");

  // Chasing inONE first: a reminder, mailed to inONE's staff, recorded, and at most one a day.
  const reminder = page.getByTestId("request-reminder");
  await expect(reminder).toContainText("inONE had uiterlijk op");
  await reminder.getByRole("button", { name: "Stuur inONE een herinnering" }).click();
  await expect(reminder.getByTestId("form-success")).toHaveText("Uw herinnering is verstuurd naar inONE.");
  await page.reload();
  await expect(page.getByTestId("reminders-sent")).toContainText("U stuurde een herinnering, de laatste op");
  await expect(page.getByTestId("reminder-wait")).toContainText("U kunt weer een herinnering sturen vanaf");
  await expect(page.getByTestId("send-reminder")).toHaveCount(0);
  await expect
    .poll(async () => (await mailsTo(inoneContact)).filter((m) => m.subject === `Herinnering: verzoek ${reference} wacht op antwoord` && m.text.includes(baseURL!)).length, {
      timeout: 15_000,
      message: "reminder mailed to inONE",
    })
    .toBe(1);

  await page.getByTestId("complain-link").click();
  await expect(page).toHaveURL(/\/nl\/t\/inone\/portal\/complain$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klacht indienen over inONE");
  await expect(page.getByRole("navigation", { name: "Privacyportaal" }).getByRole("link", { name: "Klacht indienen" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId(`ground-${reference}`)).toContainText("Nog geen antwoord");
  await expect(page.getByTestId("company-contact")).toContainText("@");
  await expect(page.getByTestId("complaint-steps")).toBeVisible();
  // inONE's statement names no lead authority (its own statement does not): the page says so and claims none.
  await expect(page.getByTestId("lead-authority")).toHaveCount(0);
  await expect(page.getByText("inONE heeft geen leidende toezichthouder opgegeven")).toBeVisible();

  // The browser speaks Dutch (nl-NL), so the Netherlands is preselected: its authority is shown, and the
  // dossier names it too (it used to say that no country was chosen).
  const country = page.getByLabel("Land waar u woont of werkt");
  await expect(country).toHaveValue("NL");
  await expect(page.getByTestId("country-authority")).toContainText("Autoriteit Persoonsgegevens");
  await expect(page.getByTestId("country-guessed")).toContainText("Wij kozen Nederland");
  await expect(page.getByTestId("dossier-json-link")).toHaveAttribute("href", "/api/t/inone/portal/complain/dossier.json");
  const [guessedDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dossier-json-link").click()]);
  const guessed = JSON.parse(await readFile((await guessedDownload.path())!, "utf8"));
  expect(guessed.authorities).toMatchObject({ country: "NL", countrySource: "guessed", countryAuthority: { id: "nl-ap" } });

  // What the authority's form asks for: address, phone and the outcome wanted, entered by the person.
  const details = page.getByTestId("complaint-details");
  await expect(details.getByTestId("complaint-details-country")).toContainText("Nederland");
  await details.getByLabel("Uw postadres").fill("Klachtstraat 1\n1234 AB Utrecht");
  await details.getByLabel("Uw telefoonnummer").fill("+31 6 12345678");
  await details.getByLabel("Wat wilt u met uw klacht bereiken?").fill(outcome);
  await details.getByRole("button", { name: "Opslaan in mijn dossier" }).click();
  await expect(details.getByTestId("form-success")).toHaveText("Opgeslagen. Uw klachtdossier bevat nu deze gegevens.");

  await country.selectOption("BE");
  await page.getByRole("button", { name: "Toon mijn toezichthouder" }).click();
  await expect(page).toHaveURL(/\?country=BE#mine$/);
  await expect(page.getByTestId("country-authority")).toContainText("Gegevensbeschermingsautoriteit");
  await page.getByLabel("Land waar u woont of werkt").selectOption("NL");
  await page.getByRole("button", { name: "Toon mijn toezichthouder" }).click();
  await expect(page).toHaveURL(/\?country=NL#mine$/);
  const mine = page.getByTestId("country-authority");
  await expect(mine.getByRole("heading", { level: 3 })).toHaveText("Autoriteit Persoonsgegevens (AP)");
  await expect(mine).toContainText("Uw toezichthouder in Nederland");

  // The JSON dossier: the overdue request is marked late.
  const jsonLink = page.getByTestId("dossier-json-link");
  await expect(jsonLink).toHaveAttribute("href", "/api/t/inone/portal/complain/dossier.json?country=NL");
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), jsonLink.click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^complaint-dossier-inone-\d{4}-\d{2}-\d{2}\.json$/);
  const dossier = JSON.parse(await readFile((await jsonDownload.path())!, "utf8"));
  expect(dossier.schemaVersion).toBe(2);
  expect(dossier.complainant).toMatchObject({ email: olga, postalAddress: "Klachtstraat 1\n1234 AB Utrecht", phone: "+31 6 12345678", outcome });
  expect(dossier.controller.slug).toBe("inone");
  expect(dossier.authorities).toMatchObject({ country: "NL", countrySource: "chosen", countryAuthority: { id: "nl-ap" }, leadAuthority: null });
  const late = dossier.requests.find((r: { reference: string }) => r.reference === reference);
  expect(late).toMatchObject({ type: "ACCESS", status: "RECEIVED", late: true, timeliness: "open-late" });
  expect(late.daysLate).toBeGreaterThanOrEqual(8);
  expect(late.reminders).toHaveLength(1);
  expect(late.history.filter((e: { kind: string }) => e.kind === "reminder")).toHaveLength(1);
  expect(dossier.summary.reminders).toBe(1);

  // The PDF.
  const pdfLink = page.getByTestId("dossier-pdf-link");
  const pdfHref = (await pdfLink.getAttribute("href"))!;
  expect(pdfHref).toBe("/api/t/inone/portal/complain/dossier.pdf?locale=nl&country=NL");
  const response = await page.request.get(pdfHref);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await response.body();
  expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  // The text as a reader extracts it (the font is embedded: pdfkit and DejaVu Sans made it into the build).
  const pdfTextContent = pdfText(pdf);
  expect(pdfTextContent).toContain(reference);
  expect(pdfTextContent).toContain(outcome);
  expect(pdfTextContent).toContain("Klachtstraat 1");
  expect(pdfInfo(pdf)).toMatchObject({ Tagged: "yes", Title: "Klachtdossier · inONE" });
  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^klachtdossier-inone-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile((await pdfDownload.path())!)).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");

  // Without a portal session there is nothing to download.
  const anonymous = await apiRequest.newContext({ baseURL });
  for (const path of ["dossier.pdf", "dossier.json"]) {
    const refused = await anonymous.get(`/api/t/inone/portal/complain/${path}`);
    expect(refused.status(), path).toBe(401);
    expect((await refused.json()).error.code).toBe("not_signed_in");
  }
  await anonymous.dispose();

  // The printable page: the same dossier, with a print button, and no navigation when printed.
  await page.getByTestId("dossier-page-link").click();
  await expect(page).toHaveURL(/\/nl\/t\/inone\/portal\/complain\/dossier\?country=NL$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klachtdossier");
  await expect(page.getByTestId(`dossier-request-${reference}`)).toHaveAttribute("data-late", "true");
  await expect(page.getByTestId(`dossier-request-${reference}`)).toContainText("Te laat: nog geen antwoord");
  await expect(page.getByTestId("dossier-country-authority")).toContainText("Autoriteit Persoonsgegevens (AP)");
  await expect(page.getByTestId("dossier-lead-authority")).toHaveCount(0);
  await expect(page.getByText("inONE heeft geen leidende toezichthouder opgegeven.")).toBeVisible();
  await expect(page.getByTestId("dossier-complainant")).toContainText("+31 6 12345678");
  await expect(page.getByTestId("dossier-outcome")).toHaveText(outcome);
  await expect(page.getByTestId(`dossier-reminders-${reference}`).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId(`dossier-facts-${reference}`)).toContainText("(die dag inbegrepen)");
  await expect(page.getByTestId("print-button")).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByTestId("print-button").click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("portal-bar")).toBeHidden();
  await expect(page.getByTestId("dossier-toolbar")).toBeHidden();
  await expect(page.locator("body > div > header")).toBeHidden();
  await expect(page.getByTestId("dossier")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  expect(errors).toEqual([]);
});

test("the complain page and the dossier are accessible in Dutch and English", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  // Signed out, the page sends one to the portal's sign-in, in the shape of the host one uses.
  const port = new URL(baseURL!).port;
  await page.goto(`http://inone.localhost:${port}/nl/portal/complain`);
  await expect(page).toHaveURL(`http://inone.localhost:${port}/nl/portal`);
  await page.goto("/en/t/inone/portal/complain/dossier");
  await expect(page).toHaveURL(/\/en\/t\/inone\/portal$/);

  await signIn(page, baseURL!);
  await page.goto("/en/t/inone/portal/requests");
  const reference = (await page.locator('[data-testid^="complain-link-"]').getAttribute("data-testid"))!.replace("complain-link-", "");
  for (const locale of ["nl", "en"]) {
    for (const path of [
      `/${locale}/t/inone/portal/complain`,
      `/${locale}/t/inone/portal/complain?country=NL`,
      `/${locale}/t/inone/portal/complain/dossier?country=DE`,
      `/${locale}/t/inone/portal/requests/${reference}`,
    ]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations, path).toEqual([]);
    }
  }
  await page.goto("/en/t/inone/portal/complain?country=DE");
  await expect(page.getByTestId("country-authority")).toContainText("Federal Commissioner for Data Protection");
  await expect(page.getByRole("link", { name: "All 17 German authorities" })).toHaveAttribute("href", "/en/authorities?country=DE#list");
  await page.goto("/en/t/inone/portal/complain?country=NL");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complain about inONE");
  await expect(page.getByTestId("country-authority")).toContainText("Your authority in");
  await expect(page.getByRole("navigation", { name: "Privacy portal" }).getByRole("link", { name: "Complain", exact: true })).toBeVisible();
  await page.goto("/en/t/inone/portal/requests");
  await expect(page.getByRole("link", { name: "Complain to a supervisory authority" })).toHaveCount(1);

  // In English: the details saved before come back, with the country they were saved with.
  await page.goto("/en/t/inone/portal/complain");
  await expect(page.getByTestId("country-authority")).toContainText("Your authority in Netherlands");
  const details = page.getByTestId("complaint-details");
  await expect(details.getByLabel("What do you want your complaint to achieve?")).toHaveValue(outcome);
  await expect(details.getByTestId("complaint-details-country")).toContainText("Country where you live or work: Netherlands");
  await details.getByLabel("Your phone number").fill("call me");
  await details.getByRole("button", { name: "Save in my dossier" }).click();
  await expect(details.getByTestId("error-phone")).toBeVisible();
  // The reminder sent earlier today, and when the next one may go.
  await page.goto(`/en/t/inone/portal/requests/${reference}`);
  await expect(page.getByTestId("reminders-sent")).toContainText("You sent a reminder, the last on");
  await expect(page.getByTestId("reminder-wait")).toContainText("You can send another reminder from");
  await page.goto("/en/t/inone/portal/complain/dossier?country=NL");
  await expect(page.getByTestId("dossier-outcome")).toHaveText(outcome);
  await expect(page.getByTestId(`dossier-facts-${reference}`)).toContainText("at the latest (that day included)");
  expect(errors).toEqual([]);
});

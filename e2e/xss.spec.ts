import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import yauzl from "yauzl";
import { newCompany, signUpAndSignIn } from "./fixtures/auth";
import { actionForm, actionState, formsOf, HttpClient, mailWith, serverActionIds } from "./fixtures/http-client";
import { uniqueEmail, waitForMail } from "./fixtures/mail";

/**
 * Script injection (issue 7). A new company and one of its people fill every free
 * text the app takes with payloads (script tags, attributes and event handlers,
 * javascript: and data: URLs, markdown links and images, SVG and MathML, template
 * syntax, closing tags), through the statement editor and the portal profile in the
 * browser and through the console's forms and the tenant API otherwise. Then Chromium
 * opens every page that shows them. Each payload would set window.__xss or call
 * alert(): nothing may fire, no dialog may open, the Content Security Policy may report
 * no blocked script (which would mean a payload reached the page as script), and no
 * element may carry an event handler or a script URL. Downloads and mails that repeat
 * the texts are opened as pages too, where no policy would save them.
 */

test.describe.configure({ mode: "serial" });

/** Each would run script if it were put into a page as markup. */
const attacks = [
  `<script>window.__xss=true;alert(1)</script>`,
  `"><img src=x onerror="window.__xss=true;alert(2)">`,
  `'><svg onload="window.__xss=true;alert(3)">`,
  `javascript:window.__xss=true;alert(4)`,
  `[a](javascript:window.__xss=true;alert(5)) ![b](x"onerror="alert(6))`,
  `<a href="data:text/html,<script>alert(7)</script>">d</a>`,
  `{{constructor.constructor('alert(8)')()}} \${alert(9)} #{alert(10)}`,
  `</textarea></title><script>window.__xss=true;alert(11)</script>`,
  `<iframe srcdoc="<script>parent.__xss=true;alert(12)</script>">`,
  `<svg><a href="javascript:alert(13)"><text y="9">x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>`,
  `<details open ontoggle="window.__xss=true;alert(15)">`,
];

/** Markdown-specific ones, for the statement's free texts. */
const markdownAttacks = [
  `[md1](javascript:window.__xss=true)`,
  `[md2](JaVaScRiPt:alert(1))`,
  `[md3](  javascript:alert(1) "title")`,
  `[md4](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[md5](vbscript:msgbox(1))`,
  `<javascript:alert(1)>`,
  `![md6](javascript:alert(1))`,
  `![md7](https://example.com/x.png" onerror="alert(1))`,
  `[md8][r]\n\n[r]: javascript:alert(1)`,
  `<img src=x onerror=alert(1)>`,
  `<a href="javascript:alert(1)">md9</a>`,
  "```html\n<script>alert(1)</script>\n```",
];

let counter = 0;
/** A payload for one field: a marker that proves the field is shown, then an attack (rotating). */
const payload = (field: string) => `XSS:${field} ${attacks[counter++ % attacks.length]}`;
const markdownPayload = (field: string) => [`XSS:${field}`, ...attacks, ...markdownAttacks].join("\n\n");

/** A row of the editor, named by its legend ("Doel 1: …"). */
const row = (page: Page, legend: string) => page.getByRole("group", { name: new RegExp(`^${legend}(:|$)`) });

// ---- Detection -------------------------------------------------------------------

declare global {
  interface Window {
    __xss: boolean;
    __csp: string[];
  }
}

async function armed(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__xss = false;
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      // zod 4 probes once whether eval is allowed (new Function("")), from the app's own
      // bundle, and takes the refusal as "no": that is the policy working, not a payload.
      if (event.blockedURI === "eval" && !event.sample && /\/_next\/static\/chunks\//.test(event.sourceFile)) return;
      window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} @${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

/** What on the page would run, or did: checked after it loaded. */
async function threats(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (window.__xss) found.push("window.__xss was set");
    for (const violation of window.__csp ?? []) found.push(`CSP: ${violation}`);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) found.push(`${element.tagName}[${name}]`);
        if (name === "srcdoc") found.push(`${element.tagName}[srcdoc]`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "poster"].includes(name) && /^\s*(javascript|vbscript|data):/i.test(attribute.value) && !/^data:image\//i.test(attribute.value.trim())) {
          found.push(`${element.tagName}[${name}=${attribute.value.slice(0, 40)}]`);
        }
      }
    }
    for (const element of Array.from(document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv]"))) found.push(`<${element.tagName.toLowerCase()}>`);
    for (const script of Array.from(document.scripts)) if (/^\s*((window|parent)\.__xss|alert\()/.test(script.textContent ?? "")) found.push(`<script>${script.textContent?.slice(0, 40)}`);
    return found;
  });
}

const seen = new Map<Page, string[]>();

function watch(page: Page): void {
  const problems: string[] = [];
  seen.set(page, problems);
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    // The securitypolicyviolation events (see armed) say more; the console repeats them, zod's eval probe included.
    if (/Refused to (execute|load|apply|frame)/i.test(message.text())) problems.push(`console: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message.slice(0, 200)}`));
}

/** Opens a page and checks that nothing ran; `shows` are markers that must be on it, proving the payloads were put there. */
async function visit(page: Page, url: string, shows: string[] = [], status = 200): Promise<void> {
  const problems = seen.get(page)!;
  problems.length = 0;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  await page.waitForLoadState("load");
  // Hydration and failed image loads have had their turn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  expect([...problems, ...(await threats(page))], `scripts on ${url}`).toEqual([]);
  const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll("input, textarea")].map((e) => (e as HTMLInputElement).value).join(" "));
  for (const marker of shows) expect(text.includes(`XSS:${marker}`), `${url} shows XSS:${marker}`).toBe(true);
}

// ---- Seeding ---------------------------------------------------------------------

let owner: Page;
let person: Page;
let visitor: Page;
let ownerClient: HttpClient;
const company = { ...newCompany("xss"), name: "" };
company.name = `XSS:name ${attacks[1]}`.slice(0, 120);
const personEmail = uniqueEmail("xss-person");
const requesterEmail = uniqueEmail("xss-requester");
let apiKey = "";
let portalRef = "";
let publicRef = "";
let publicToken = "";
let subscriptionPage = "";
let recordSource = "";

async function clientOf(context: BrowserContext, baseURL: string): Promise<HttpClient> {
  const client = new HttpClient(baseURL);
  for (const cookie of await context.cookies()) client.cookies.set(cookie.name, cookie.value);
  return client;
}

async function post(client: HttpClient, page: string, key: string, fields: Record<string, string | string[]>) {
  const response = await client.post(page, actionForm(serverActionIds().get(key)!.id, fields));
  const state = actionState(response.body);
  expect(state?.status ?? response.status, `${key}: ${JSON.stringify(state)}`).not.toBe("error");
  return { state, response };
}

test("payloads go into every free text: editor, company, portal settings, key, webhook, API, portal profile, requests, messages", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  for (const [name, locale] of [
    ["owner", "nl-NL"],
    ["person", "nl-NL"],
    ["visitor", "nl-NL"],
  ] as const) {
    const context = await browser.newContext({ baseURL, locale });
    await armed(context);
    const page = await context.newPage();
    watch(page);
    if (name === "owner") owner = page;
    else if (name === "person") person = page;
    else visitor = page;
  }

  // The company, with a payload for its name, signs up and edits its statement in the editor (the UI).
  await signUpAndSignIn(owner, company);
  // The company details first: a published version keeps the details of its day.
  ownerClient = await clientOf(owner.context(), baseURL!);
  const current = formsOf((await ownerClient.get("/nl/admin/settings")).body).find((form) => "legalName" in form)!;
  await post(ownerClient, "/nl/admin/settings", "app/[locale]/admin/settings/actions.ts#saveCompany", {
    ...current,
    name: company.name,
    legalName: payload("legal-name"),
    address: payload("address"),
    registrationNumber: "12345678",
    dpoName: payload("dpo-name"),
    dpoEmail: `dpo@${company.slug}.example`,
    country: "NL",
    leadAuthorityId: "nl-ap",
    accentColor: "#1d4e89",
  });
  await owner.goto("/nl/admin/statement");
  const fill = async (legend: string, label: string, field: string, markdown = false) =>
    row(owner, legend).getByLabel(label, { exact: true }).fill(markdown ? markdownPayload(field) : payload(field));
  await owner.getByRole("button", { name: "Tekst toevoegen" }).click();
  const sections = owner.getByRole("group", { name: /^Tekst \d+/ });
  const section = `Tekst ${await sections.count()}`;
  await fill(section, "Titel (Nederlands)", "section-title-nl");
  await fill(section, "Titel (Engels)", "section-title-en");
  await fill(section, "Tekst (Nederlands)", "section-body-nl", true);
  await fill(section, "Tekst (Engels)", "section-body-en", true);
  await fill("Gegevenscategorie 1", "Naam (Nederlands)", "category-name-nl");
  await fill("Gegevenscategorie 1", "Naam (Engels)", "category-name-en");
  await fill("Gegevenscategorie 1", "Omschrijving (Nederlands)", "category-description-nl");
  await fill("Gegevenscategorie 1", "Omschrijving (Engels)", "category-description-en");
  await fill("Doel 1", "Doel (Nederlands)", "purpose-name-nl");
  await fill("Doel 1", "Doel (Engels)", "purpose-name-en");
  await fill("Doel 1", "Omschrijving (Nederlands)", "purpose-description-nl");
  await fill("Doel 1", "Omschrijving (Engels)", "purpose-description-en");
  await fill("Ontvanger 1", "Naam", "recipient-name");
  await fill("Ontvanger 1", "Wat zij ermee doen (Nederlands)", "recipient-purpose-nl");
  await fill("Ontvanger 1", "Wat zij ermee doen (Engels)", "recipient-purpose-en");
  await fill("Cookie 1", "Naam", "cookie-name");
  await fill("Cookie 1", "Geplaatst door", "cookie-provider");
  await fill("Cookie 1", "Waarvoor hij dient (Nederlands)", "cookie-purpose-nl");
  await fill("Cookie 1", "Waarvoor hij dient (Engels)", "cookie-purpose-en");
  await fill("Bewaartermijn 1", "Vanaf wanneer, of hoe de termijn wordt bepaald (Nederlands)", "retention-nl");
  await fill("Bewaartermijn 1", "Vanaf wanneer, of hoe de termijn wordt bepaald (Engels)", "retention-en");
  await owner.getByTestId("save").click();
  await expect(owner.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");
  expect(seen.get(owner), "nothing ran while editing").toEqual([]);

  const publish = async (number: number) => {
    await owner.goto("/nl/admin/statement/publish");
    await owner.getByLabel("Wat er is gewijzigd (Nederlands)").fill(payload(`summary-${number}-nl`));
    await owner.getByLabel("Wat er is gewijzigd (Engels)").fill(payload(`summary-${number}-en`));
    const confirm = owner.getByLabel("Ik weet wat er ontbreekt en wil toch publiceren");
    if (await confirm.count()) await confirm.check();
    await owner.getByRole("button", { name: `Versie ${number} publiceren` }).click();
    await expect(owner.getByTestId("publish-done")).toContainText(`Versie ${number} is gepubliceerd.`);
  };
  await publish(1);
  // A second version changes the free text, so that the history's comparison shows payloads on both sides.
  await owner.goto("/nl/admin/statement");
  await fill(section, "Titel (Nederlands)", "section-title-v2");
  await fill("Doel 1", "Omschrijving (Nederlands)", "purpose-description-v2");
  await owner.getByTestId("save").click();
  await expect(owner.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");
  await publish(2);
  // And a draft that differs from version 2, for the console's preview and comparison.
  await owner.goto("/nl/admin/statement");
  await fill(section, "Titel (Engels)", "section-title-draft");
  await owner.getByTestId("save").click();
  await expect(owner.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");

  // The rest of the console's forms, posted as a browser without JavaScript would.
  await post(ownerClient, "/nl/admin/consent", "app/[locale]/admin/consent/actions.ts#addPurpose", {
    key: "xss", titleNl: payload("consent-title-nl"), titleEn: payload("consent-title-en"), descriptionNl: payload("consent-description-nl"), descriptionEn: payload("consent-description-en"),
  });
  await post(ownerClient, "/nl/admin/consent", "app/[locale]/admin/consent/actions.ts#addProfileField", { key: "xssfield", labelNl: payload("field-label-nl"), labelEn: payload("field-label-en") });
  const key = await post(ownerClient, "/nl/admin/integrations", "app/[locale]/admin/integrations/actions.ts#createKey", { locale: "nl", name: `XSS:key ${attacks[0]}` });
  apiKey = (key.state!.result as { secret: string }).secret;
  await post(ownerClient, "/nl/admin/webhooks", "app/[locale]/admin/webhooks/actions.ts#createEndpoint", {
    locale: "nl", url: "https://203.0.113.8/xss", description: payload("webhook-description"), events: ["request.created", "request.message"],
  });

  // The company's systems put the person in through the API, payloads in the profile and in the records.
  const bearer = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const subject = `/api/v1/subjects/${encodeURIComponent(personEmail)}`;
  const put = await ownerClient.request("PUT", subject, { headers: bearer, body: JSON.stringify({ name: payload("api-name"), companyName: payload("api-company"), postalAddress: payload("api-address"), customFields: { xssfield: payload("api-custom") } }) });
  expect(put.status, put.body).toBe(201);
  const records = await ownerClient.request("POST", `${subject}/records`, {
    headers: bearer,
    body: JSON.stringify({ records: [{ category: "orders", sourceSystem: (recordSource = payload("record-source")), fields: { note: payload("record-value"), [`XSS:record-key ${attacks[2]}`]: "key" } }] }),
  });
  expect(records.status, records.body).toBe(201);

  // The person signs in to the portal and corrects their profile in the browser.
  await person.goto(`/nl/t/${company.slug}/portal`);
  await person.getByLabel("E-mailadres").fill(personEmail);
  await person.getByRole("button", { name: "Stuur mij een aanmeldcode" }).click();
  await expect(person.getByTestId("code-sent")).toBeVisible();
  const codeMail = await waitForMail(personEmail, { subject: /aanmeldcode/ });
  await person.getByLabel("Aanmeldcode").fill(/: (\d{6})/.exec(codeMail.text)![1]);
  await person.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(person.getByTestId("portal-overview")).toBeVisible();
  await person.getByRole("link", { name: "Profiel", exact: true }).click();
  // React resets a prefilled textarea to its server value when it hydrates: type after that.
  await person.waitForURL(/\/portal\/profile$/);
  await person.waitForLoadState("networkidle");
  await person.getByLabel("Naam", { exact: true }).fill(payload("profile-name"));
  await person.getByLabel("Postadres").fill(payload("profile-address"));
  await person.getByLabel("Bedrijfsnaam").fill(payload("profile-company"));
  await person.getByLabel("XSS:field-label-nl").fill(payload("profile-custom"));
  await person.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(person.getByTestId("form-success")).toBeVisible();

  // A request from the portal with a payload, information added, and staff writing back.
  await person.goto(`/nl/t/${company.slug}/portal/requests/new?type=RECTIFICATION`);
  await person.getByLabel(/^Toelichting/).fill(payload("request-details"));
  await person.getByRole("button", { name: "Verzoek versturen" }).click();
  portalRef = /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await person.getByTestId("request-created").textContent()) ?? "")![0];
  await person.goto(`/nl/t/${company.slug}/portal/requests/${portalRef}`);
  await person.getByRole("textbox", { name: "Informatie", exact: true }).fill(payload("request-information"));
  await person.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(person.getByTestId("form-success")).toBeVisible();
  await post(ownerClient, requestPathFor(portalRef), "app/[locale]/admin/requests/actions.ts#messageAction", { locale: "nl", reference: portalRef, body: payload("staff-message") });
  await post(ownerClient, requestPathFor(portalRef), "app/[locale]/admin/requests/actions.ts#extendAction", {
    locale: "nl", reference: portalRef, until: new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10), reason: payload("extend-reason"),
  });
  await post(ownerClient, requestPathFor(portalRef), "app/[locale]/admin/requests/actions.ts#noticeAction", { locale: "nl", reference: portalRef, recipient: payload("notice-recipient") });

  // A request without an account, through the public form, confirmed through its mail.
  const anonymous = new HttpClient(baseURL!);
  await post(anonymous, `/nl/t/${company.slug}/request`, "app/[locale]/t/[tenant]/request/actions.ts#filePublicRequest", {
    tenant: company.slug, locale: "nl", type: "OBJECTION", details: payload("public-details"), purpose: "other", target: payload("public-target"), email: requesterEmail, name: payload("public-name"),
  });
  publicToken = /\/request\/status\?token=([^\s"<>&]+)/.exec((await mailWith(requesterEmail, baseURL!, "/request/status?token=")).text)![1];
  const confirmed = await anonymous.post(`/nl/t/${company.slug}/request/status?token=${publicToken}`, actionForm(serverActionIds().get("app/[locale]/t/[tenant]/request/actions.ts#confirmPublicRequest")!.id, { tenant: company.slug, locale: "nl", token: publicToken }));
  expect(confirmed.status).toBe(303);
  publicRef = (await ownerClient.get(`/api/v1/requests?status=RECEIVED`, { headers: { authorization: `Bearer ${apiKey}` } })).body.match(/R-[0-9A-Z]{4}-[0-9A-Z]{4}/g)!.find((ref) => ref !== portalRef)!;
  await post(anonymous, `/nl/t/${company.slug}/request/status?token=${publicToken}`, "app/[locale]/t/[tenant]/request/actions.ts#addPublicInformation", { tenant: company.slug, locale: "nl", token: publicToken, body: payload("public-information") });

  // The subscription form sends a bad address back to the page in the query.
  const subscribed = await anonymous.post(`/api/t/${company.slug}/subscriptions`, formOf({ email: `XSS:subscription ${attacks[1]}`, locale: "nl" }));
  expect(subscribed.status).toBe(303);
  subscriptionPage = subscribed.location!;
});

function requestPathFor(reference: string) {
  return `/nl/admin/requests/${reference}`;
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

// ---- Opening every page that shows them ------------------------------------------------

const statementMarkers = ["section-title-v2", "section-body-nl", "category-name-nl", "purpose-name-nl", "purpose-description-v2", "recipient-name", "recipient-purpose-nl", "cookie-name", "cookie-provider", "cookie-purpose-nl", "retention-nl", "legal-name", "dpo-name"];
const englishMarkers = ["section-title-en", "section-body-en", "category-name-en", "purpose-name-en", "recipient-purpose-en", "cookie-purpose-en", "retention-en"];

test("the public statement, its versions, history and comparison run none of it", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const slug = company.slug;
  await visit(visitor, `/nl/t/${slug}`, ["name", ...statementMarkers]);
  await visit(visitor, `/en/t/${slug}`, englishMarkers);
  await visit(visitor, `/nl/t/${slug}/v/1`, ["section-title-nl", "purpose-description-nl"]);
  await visit(visitor, `/nl/t/${slug}/history`, ["summary-1-nl", "summary-2-nl"]);
  await visit(visitor, `/en/t/${slug}/history`, ["summary-2-en"]);
  await visit(visitor, `/nl/t/${slug}/history/compare?from=1&to=2`, ["section-title-nl", "section-title-v2", "purpose-description-v2"]);
  await visit(visitor, `/nl/t/${slug}/request`, ["name"]);
  await visit(visitor, `/nl/t/${slug}/portal`, ["name"]);
  // On the company's own host, from the page cache.
  const port = new URL(baseURL!).port;
  await visit(visitor, `http://${slug}.localhost:${port}/nl`, ["name", "section-title-v2"]);
  await visit(visitor, `http://${slug}.localhost:${port}/en/history`, ["summary-2-en"]);
});

test("the console's pages run none of it: editor, preview, comparison, settings, keys, webhooks, audit, inbox, requests", async () => {
  test.setTimeout(90_000);
  await visit(owner, "/nl/admin", ["name"]);
  await visit(owner, "/nl/admin/statement", ["section-title-draft", "section-body-nl", "cookie-provider"]);
  await visit(owner, "/nl/admin/statement/preview?lang=nl", statementMarkers);
  await visit(owner, "/nl/admin/statement/preview?lang=en", ["section-title-draft", ...englishMarkers.slice(1)]);
  await visit(owner, "/nl/admin/statement/compare?from=1&to=draft", ["section-title-nl", "section-title-v2"]);
  await visit(owner, "/nl/admin/statement/compare?from=1&to=draft&lang=en", ["section-title-en", "section-title-draft"]);
  await visit(owner, "/nl/admin/statement/publish", []);
  await visit(owner, "/nl/admin/settings", ["legal-name", "address", "dpo-name"]);
  await visit(owner, "/nl/admin/consent", ["consent-title-nl", "consent-description-en", "field-label-nl"]);
  await visit(owner, "/nl/admin/integrations", ["key"]);
  await visit(owner, "/nl/admin/webhooks", ["webhook-description"]);
  await visit(owner, "/nl/admin/team", []);
  await visit(owner, "/nl/admin/audit", ["key"]);
  await visit(owner, "/nl/admin/requests?status=all", []);
  await visit(owner, `/nl/admin/requests/${portalRef}`, ["request-details", "request-information", "staff-message", "extend-reason", "recipient-name", "profile-name", "profile-custom", "record-value", "record-source"]);
  await visit(owner, `/nl/admin/requests/${publicRef}`, ["public-details", "public-information", "public-name"]);
});

test("the portal's pages run none of it: overview, profile, consent, records, requests, log, complaint and dossier", async () => {
  test.setTimeout(60_000);
  const base = `/nl/t/${company.slug}/portal`;
  await visit(person, base, ["profile-name", "profile-company", "record-value"]);
  await visit(person, `${base}/profile`, ["profile-name", "profile-address", "profile-custom", "field-label-nl"]);
  // The portal asks consent only for purposes tied to a consent-based purpose of the published statement (issue 12);
  // this company's statement has none, so its consent page shows no purpose, and the console page above shows the payloads.
  await visit(person, `${base}/consent`, []);
  await visit(person, `${base}/records?${new URLSearchParams({ category: "orders", source: recordSource })}`, ["record-value", "record-source"]);
  await visit(person, `${base}/requests`, []);
  await visit(person, `${base}/requests/${portalRef}`, ["request-details", "request-information", "staff-message", "extend-reason"]);
  await visit(person, `${base}/log`, []);
  await visit(person, `${base}/complain`, ["name"]);
  await visit(person, `${base}/complain/dossier`, ["request-details"]);
  await visit(person, `/en/t/${company.slug}/portal/consent`, []);
  await visit(visitor, `/nl/t/${company.slug}/request/status?token=${publicToken}`, ["public-details", "public-information"]);
});

test("what visitors put in a URL comes back as text: searches, sign-in, subscription, request form", async () => {
  test.setTimeout(60_000);
  const attack = (field: string) => encodeURIComponent(`XSS:${field} ${attacks[1]} ${attacks[0]}`);
  await visit(visitor, subscriptionPage, ["subscription"]);
  await visit(visitor, `/nl/t/${company.slug}/subscription?status=invalid&email=${attack("query-email")}`, ["query-email"]);
  await visit(visitor, `/nl/signin?next=${attack("next")}`, []);
  await visit(visitor, `/nl/authorities?q=${attack("authorities-q")}`, ["authorities-q"]);
  await visit(owner, `/nl/admin/requests?status=all&q=${attack("inbox-q")}`, ["inbox-q"]);
  await visit(owner, `/nl/admin/audit?action=${attack("audit-action")}&actor=${attack("audit-actor")}`, ["audit-action"]);
  await visit(person, `/nl/t/${company.slug}/portal/requests/new?type=RECTIFICATION&category=${attack("query-category")}&source=${attack("query-source")}`, []);
  await visit(visitor, `/nl/t/${company.slug}/request?type=${attack("query-type")}`, []);
  await visit(visitor, `/nl/${attack("path")}`, [], 404);
});

test("JSON is served as JSON, and the export's summary and the mails escape every text", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  // JSON with the payloads is never a page: its type says JSON and the browser may not guess otherwise.
  const personClient = await clientOf(person.context(), baseURL!);
  for (const [client, url, headers] of [
    [ownerClient, `/api/v1/subjects/${encodeURIComponent(personEmail)}`, { authorization: `Bearer ${apiKey}` }],
    [ownerClient, `/api/v1/requests`, { authorization: `Bearer ${apiKey}` }],
    [ownerClient, `/api/t/${company.slug}/policy?locale=nl`, {}],
    [personClient, `/api/t/${company.slug}/portal/complain/dossier.json`, {}],
  ] as const) {
    const response = await client.get(url, { headers: { ...headers } });
    expect(response.status, url).toBe(200);
    expect(String(response.headers["content-type"]), url).toMatch(/^application\/json/);
    expect(response.headers["x-content-type-options"], url).toBe("nosniff");
    expect(response.body.includes("XSS:"), `${url} carries the payloads`).toBe(true);
  }
  await visit(visitor, `/api/t/${company.slug}/policy?locale=nl`, ["section-title-v2"]);

  // Opened as pages without the app's Content-Security-Policy, so escaping alone must hold.
  const bare = await browser.newContext();
  await armed(bare);
  const page = await bare.newPage();
  watch(page);
  const open = async (what: string, html: string, shows: string[]) => {
    seen.get(page)!.length = 0;
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect([...seen.get(page)!, ...(await threats(page))], `scripts in ${what}`).toEqual([]);
    const text = await page.evaluate(() => document.body.innerText);
    for (const marker of shows) expect(text.includes(`XSS:${marker}`), `${what} shows XSS:${marker}`).toBe(true);
  };

  const download = await personClient.get(`/api/t/${company.slug}/portal/export`);
  expect(download.status).toBe(200);
  const archive = download.bytes;
  const summary = await entryOf(archive, "summary.html");
  // It carries a policy of its own; without it, escaping alone must hold.
  const policy = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(summary)?.[0] ?? "";
  expect(policy).toContain("default-src 'none'");
  await open("summary.html of the export", summary.replace(policy, ""), ["profile-name", "profile-company", "name"]);

  const mails = await fetchHtmlMails(personEmail);
  const message = mails.find((html) => html.includes("XSS:staff-message"));
  expect(message, "the mail with the staff message").toBeDefined();
  await open("the mail with the staff message", message!, ["staff-message", "name"]);
  await bare.close();
  // Tidy up: the endpoint points nowhere.
  const endpointId = formsOf((await ownerClient.get("/nl/admin/webhooks")).body).find((form) => form.endpointId)?.endpointId;
  if (endpointId) await post(ownerClient, "/nl/admin/webhooks", "app/[locale]/admin/webhooks/actions.ts#removeEndpoint", { locale: "nl", endpointId });
});

// ---- Downloads and mails ----------------------------------------------------------------

function entryOf(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      file.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        });
      });
      file.on("end", () => reject(new Error(`${name} not in the archive`)));
      file.readEntry();
    });
  });
}

/** The HTML parts of the mails to an address, decoded. */
async function fetchHtmlMails(address: string): Promise<string[]> {
  const catcher = `http://127.0.0.1:${process.env.MAIL_CATCHER_HTTP_PORT ?? 2526}`;
  const raw = (await (await fetch(`${catcher}/messages?to=${encodeURIComponent(address)}`)).json()) as Array<{ raw: string }>;
  return raw.flatMap(({ raw: message }) => {
    const part = message.split(/\r?\n--[^\r\n]+\r?\n/).find((p) => /content-type:\s*text\/html/i.test(p));
    if (!part) return [];
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const content = body.join("\n\n").replace(/\r?\n--[^\r\n]+--\s*$/, "");
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    if (encoding === "base64") return [Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")];
    if (encoding === "quoted-printable") {
      const bytes = content.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return [Buffer.from(bytes, "latin1").toString("utf8")];
    }
    return [content];
  });
}

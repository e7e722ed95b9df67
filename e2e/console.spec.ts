import { expect, test } from "@playwright/test";
import { newCompany, signInAs, signUpAndSignIn, demoOwner } from "./fixtures/auth";
import { linkIn, mailsTo, uniqueEmail, waitForMail } from "./fixtures/mail";

test.describe("sign-up and sign-in", () => {
  test("bad sign-up input is explained per field and nothing typed is lost", async ({ page }) => {
    await page.goto("/en/signup");
    await page.getByLabel("Company name").fill("Acme Widgets");
    await page.getByLabel("Web address on Inzage").fill("admin");
    await page.getByLabel("Your e-mail address").fill("not-an-address");
    await page.getByRole("button", { name: "Sign up company" }).click();
    await expect(page.getByTestId("error-slug")).toHaveText("This word is reserved. Choose another web address.");
    await expect(page.getByTestId("error-adminEmail")).toContainText("valid e-mail address");
    await expect(page.getByTestId("error-legalName")).toHaveText("Please fill in this field.");
    await expect(page.getByLabel("Company name")).toHaveValue("Acme Widgets");
    await expect(page.getByLabel("Your e-mail address")).toHaveValue("not-an-address");
    await expect(page.getByLabel("Web address on Inzage")).toHaveAttribute("aria-invalid", "true");
  });

  test("a new company signs up, follows the link, and the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
    const company = await signUpAndSignIn(page);
    await expect(page.getByTestId("active-role")).toHaveText("Eigenaar");
    await expect(page.getByTestId("published-status")).toContainText("nog geen versie gepubliceerd");
    const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    const taken = newCompany();
    await page.goto("/nl/signup");
    await page.getByLabel("Webadres op Inzage").fill(company.slug);
    await page.getByLabel("Bedrijfsnaam").fill(taken.name);
    await page.getByRole("button", { name: "Bedrijf aanmelden" }).click();
    await expect(page.getByTestId("error-slug")).toHaveText("Dit webadres is al in gebruik. Kies een ander.");
  });

  test("a sign-in link works once", async ({ page, browser }) => {
    const owner = demoOwner("inqonto");
    await signInAs(page, owner);
    await expect(page.getByTestId("active-tenant")).toHaveText("inqonto");
    const mails = await mailsTo(owner);
    const used = linkIn(mails[mails.length - 1], /https?:\/\/\S+\/api\/auth\/callback\/email\S+/);
    const other = await browser.newContext({ locale: "nl-NL" });
    const second = await other.newPage();
    await second.goto(used);
    await expect(second.getByTestId("signin-error")).toBeVisible();
    await other.close();
  });

  test("asking for a link says the same for unknown addresses, and sends nothing", async ({ page }) => {
    const stranger = uniqueEmail("stranger");
    await page.goto("/en/signin");
    await page.getByLabel("E-mail address").fill(stranger);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByTestId("form-success")).toHaveText(/If Inzage knows this address/);
    await page.waitForTimeout(1000);
    expect(await mailsTo(stranger)).toEqual([]);
  });

  test("signing out ends the session on the server", async ({ page, browser, baseURL }) => {
    await signInAs(page, demoOwner("allatonce"));
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL(/\/nl\/signin/);
    const replay = await browser.newContext({ baseURL });
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto("/nl/admin");
    await expect(again).toHaveURL(/\/nl\/signin\?next=/);
    await replay.close();
  });

  test("the development outbox is not reachable in production mode", async ({ page }) => {
    const response = await page.goto("/nl/dev/outbox");
    expect(response!.status()).toBe(404);
  });
});

test.describe("team and company details", () => {
  test("an owner invites an editor, who accepts after signing in", async ({ page, browser, baseURL }) => {
    const company = await signUpAndSignIn(page);
    const invitee = uniqueEmail("editor");
    await page.goto("/nl/admin/team");
    await page.getByLabel("E-mailadres").fill(invitee);
    await page.getByLabel("Rol", { exact: true }).selectOption("EDITOR");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    await expect(page.getByTestId("invitations")).toContainText(invitee);

    const invitation = await waitForMail(invitee, { subject: /Uitnodiging/ });
    const other = await browser.newContext({ baseURL, locale: "nl-NL" });
    const editor = await other.newPage();
    await editor.goto(linkIn(invitation, /https?:\/\/\S+\/invite\/\S+/));
    await expect(editor.getByTestId("invitation")).toContainText(company.name);
    await editor.getByLabel("E-mailadres").fill(invitee);
    await editor.getByRole("button", { name: "Stuur mij een aanmeldlink" }).click();
    await editor.goto(linkIn(await waitForMail(invitee, { subject: /aanmeldlink/ }), /https?:\/\/\S+\/api\/auth\/callback\/email\S+/));
    await expect(editor).toHaveURL(/\/nl\/invite\//);
    await editor.getByRole("button", { name: `Lid worden van ${company.name}` }).click();
    await expect(editor.getByTestId("active-tenant")).toHaveText(company.name);
    await expect(editor.getByTestId("active-role")).toHaveText("Redacteur");
    await editor.goto("/nl/admin/team");
    await expect(editor.getByRole("button", { name: "Uitnodiging versturen" })).toHaveCount(0);
    await other.close();

    await page.reload();
    await expect(page.getByTestId(`member-${invitee}`)).toContainText("Redacteur");
  });

  test("an owner cannot leave the tenant without another owner", async ({ page }) => {
    const company = await signUpAndSignIn(page);
    await page.goto("/nl/admin/team");
    await page.getByRole("button", { name: `${company.adminEmail} verwijderen` }).click();
    await expect(page.getByTestId("form-error")).toContainText("minstens één eigenaar");
  });

  test("company details: a bad colour is explained and kept, a good one is saved", async ({ page }) => {
    await signUpAndSignIn(page);
    await page.goto("/en/admin/settings");
    await page.getByLabel("Accent colour").fill("#ffff66");
    await page.getByLabel("Phone number (optional)").fill("+31 20 123 4567");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByTestId("error-accentColor")).toContainText("too light");
    await expect(page.getByLabel("Accent colour")).toHaveValue("#ffff66");
    await expect(page.getByLabel("Phone number (optional)")).toHaveValue("+31 20 123 4567");
    await page.getByLabel("Accent colour").fill("#7a1f3d");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Accent colour")).toHaveValue("#7a1f3d");
  });

  test("what is typed before the page's script has arrived is kept once it has", async ({ page }) => {
    await signUpAndSignIn(page);
    let releaseScripts!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route("**/_next/static/chunks/**", async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    // The page has arrived, its scripts have not: wait for the HTML only.
    await page.goto("/en/admin/settings", { waitUntil: "commit" });
    const address = page.locator("#field-address");
    await address.fill("Oudegracht 99\n3511 AB Utrecht");
    await page.getByLabel("Phone number (optional)").fill("+31 30 765 4321");
    releaseScripts();
    await page.waitForLoadState("networkidle");
    await expect(address).toHaveValue("Oudegracht 99\n3511 AB Utrecht");
    await expect(page.getByLabel("Phone number (optional)")).toHaveValue("+31 30 765 4321");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    await page.unroute("**/_next/static/chunks/**");
    await page.reload();
    await expect(address).toHaveValue("Oudegracht 99\n3511 AB Utrecht");
  });
});

test("a visitor subscribes to changes of a public statement and confirms by mail", async ({ page }) => {
  const visitor = uniqueEmail("reader");
  await page.goto("/en/t/web1on1");
  await page.getByLabel("E-mail me when this statement changes materially").fill(visitor);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByTestId("subscription-status")).toContainText("Check your mailbox");
  const mail = await waitForMail(visitor, { subject: /Confirm/ });
  await page.goto(linkIn(mail, /https?:\/\/\S+\/subscription\?token=\S+/));
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByTestId("subscription-status")).toContainText("Confirmed");
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, signUpAndSignIn } from "./fixtures/auth";

/** A row of the editor: its fieldset, named by its legend ("Doel 6: Klantenpanel"). */
const row = (page: Page, legend: string) => page.getByRole("group", { name: new RegExp(`^${legend}(:|$)`) });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
}

async function save(page: Page) {
  await page.getByTestId("save").click();
  await expect(page.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");
}

test.describe("statement editor", () => {
  test("a new company edits in both languages, sees the checks, publishes twice, and the public history shows the diff", async ({ page }) => {
    test.setTimeout(120_000);
    const company = await signUpAndSignIn(page);
    await page.getByRole("link", { name: "Concept bewerken" }).click();
    await expect(page).toHaveURL(/\/nl\/admin\/statement$/);
    const gaps = page.getByTestId("gap-count");
    // The template declares nothing and names a sample recipient; sign-up chooses no lead authority.
    await expect(gaps).toHaveText("Er ontbreken 4 punten.");
    for (const code of ["dpoNotStated", "automatedDecisionsNotStated", "placeholderRecipient", "leadAuthorityMissing"]) {
      await expect(page.getByTestId("gaps").locator(`[data-gap=${code}]`)).toHaveCount(1);
    }
    await page.getByLabel("We hebben geen functionaris voor gegevensbescherming").check();
    await page.getByLabel("Geautomatiseerde besluiten, profilering inbegrepen (art. 22)").selectOption({ label: "Geen" });
    await row(page, "Ontvanger 1").getByLabel("Naam", { exact: true }).fill("Hosting B.V.");
    await expect(gaps).toHaveText("Er ontbreekt 1 punt.");
    await save(page);
    await page.goto("/nl/admin/settings");
    await page.getByLabel("Leidende toezichthouder").selectOption("nl-ap");
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    await page.goto("/nl/admin/statement");
    await expect(gaps).toHaveText("Er ontbreekt niets.");
    await expectNoAxeViolations(page);

    // A purpose: the completeness list grows when it is added and shrinks as it is filled in.
    await page.getByRole("button", { name: "Doel toevoegen" }).click();
    const purpose = row(page, "Doel 6");
    await expect(purpose.getByLabel("Doel (Nederlands)", { exact: true })).toBeFocused();
    await expect(gaps).toHaveText("Er ontbreken 5 punten.");
    await purpose.getByLabel("Doel (Nederlands)", { exact: true }).fill("Klantenpanel");
    await purpose.getByLabel("Doel (Engels)", { exact: true }).fill("Customer panel");
    await expect(gaps).toHaveText("Er ontbreken 3 punten.");
    await purpose.getByLabel("Omschrijving (Nederlands)").fill("We vragen klanten af en toe naar hun mening.");
    await purpose.getByLabel("Omschrijving (Engels)").fill("We occasionally ask customers for their opinion.");
    await purpose.getByLabel("Grondslag").selectOption({ label: "Toestemming" });
    await expect(gaps).toHaveText("Er ontbreekt 1 punt.");
    await purpose.getByRole("checkbox", { name: "Contactgegevens" }).check();
    await expect(gaps).toHaveText("Er ontbreekt niets.");
    await purpose.getByRole("button", { name: "Doel 6 omhoog verplaatsen" }).click();
    await expect(row(page, "Doel 5")).toHaveAccessibleName("Doel 5: Klantenpanel");
    await expect(page.getByRole("button", { name: "Doel 5 omhoog verplaatsen" })).toBeFocused();

    // A cookie, Dutch first: the English text is listed as missing until it is written.
    await page.getByRole("button", { name: "Cookie toevoegen" }).click();
    const cookie = row(page, "Cookie 2");
    await cookie.getByLabel("Naam", { exact: true }).fill("panel_seen");
    await cookie.getByLabel("Geplaatst door").fill(company.name);
    await cookie.getByLabel("Soort").selectOption({ label: "Functioneel" });
    await cookie.getByLabel("Eenheid").selectOption({ label: "dagen" });
    await cookie.getByLabel("Bewaarduur").fill("30");
    await cookie.getByLabel("Waarvoor hij dient (Nederlands)").fill("Onthoudt dat u de enquête hebt gezien.");
    await expect(gaps).toHaveText("Er ontbreekt 1 punt.");
    const pending = page.getByTestId("pending-translation");
    await expect(pending).toHaveText(["Cookie 2 “panel_seen” – Waarvoor hij dient: de tekst in het Engels is leeg."]);
    await cookie.getByLabel("Waarvoor hij dient (Engels)").fill("Remembers that you have seen the survey.");
    await expect(gaps).toHaveText("Er ontbreekt niets.");
    await expect(pending).toHaveCount(0);

    // An existing text changed in Dutch only waits for its English translation, also after saving.
    await row(page, "Doel 1").getByLabel("Doel (Nederlands)", { exact: true }).fill("Onze dienst leveren");
    await expect(pending).toHaveText([/^Doel 1 “Onze dienst leveren” – Doel: werk de tekst in het Engels bij\./]);
    await save(page);
    await page.reload();
    await expect(page.getByTestId("save-status")).toHaveText("Concept, opgeslagen als revisie 2.");
    await expect(row(page, "Doel 1").getByTestId("needs-translation")).toHaveText(/Bijwerken/);
    await pending.getByRole("button", { name: /Markeren als vertaald/ }).click();
    await expect(page.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");
    await expect(pending).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The preview is the draft as the public page will show it.
    await page.getByRole("link", { name: "Voorbeeld in het Engels" }).click();
    await expect(page.getByTestId("preview-banner")).toContainText("als versie 1");
    await expect(page.getByTestId("purposes-table")).toContainText("Customer panel");
    await expect(page.getByTestId("cookies-table")).toContainText("panel_seen");
    await expect(page.getByTestId("cookies-table")).toContainText("30 days");

    // Publishing: both summaries are required; what was typed stays.
    await page.getByRole("link", { name: "Publiceren" }).click();
    await expect(page.getByTestId("publish-gaps")).toContainText("De verklaring is volledig");
    await page.getByLabel("Wat er is gewijzigd (Nederlands)").fill("Eerste versie, met een klantenpanel.");
    await page.getByRole("button", { name: "Versie 1 publiceren" }).click();
    await expect(page.getByTestId("error-summaryEn")).toHaveText("Vul dit veld in.");
    await expect(page.getByLabel("Wat er is gewijzigd (Nederlands)")).toHaveValue("Eerste versie, met een klantenpanel.");
    await page.getByLabel("Wat er is gewijzigd (Engels)").fill("First version, with a customer panel.");
    await page.getByRole("button", { name: "Versie 1 publiceren" }).click();
    await expect(page.getByTestId("publish-done")).toContainText("Versie 1 is gepubliceerd.");
    await page.getByRole("link", { name: "De openbare pagina bekijken" }).click();
    await expect(page).toHaveURL(new RegExp(`/nl/t/${company.slug}$`));
    await expect(page.getByTestId("version-line")).toContainText("Versie 1");
    await expect(page.getByTestId("purposes-table")).toContainText("Klantenpanel");

    // After publishing there is no draft; the next edit starts one from version 1.
    await page.goto("/nl/admin/statement");
    await expect(page.getByTestId("save-status")).toHaveText(/Er is geen concept: u ziet versie 1/);
    await page.getByRole("button", { name: "Ontvanger toevoegen" }).click();
    const recipient = row(page, "Ontvanger 2");
    await recipient.getByLabel("Naam", { exact: true }).fill("Mailchimp");
    await recipient.getByLabel("Land waar de gegevens naartoe gaan").selectOption("US");
    await recipient.getByLabel("Wat zij ermee doen (Nederlands)").fill("Verstuurt de nieuwsbrief.");
    await recipient.getByLabel("Wat zij ermee doen (Engels)").fill("Sends the newsletter.");
    await expect(recipient.getByText("buiten de Europese Economische Ruimte")).toBeVisible();
    await expect(gaps).toHaveText("Er ontbreekt 1 punt.");
    await row(page, "Cookie 2").getByLabel("Bewaarduur").fill("60");
    await save(page);

    // Publishing with a gap needs an explicit confirmation.
    await page.getByRole("link", { name: "Publiceren" }).click();
    await expect(page.getByTestId("publish-gaps")).toContainText("Mailchimp");
    await page.getByLabel("Wat er is gewijzigd (Nederlands)").fill("Nieuwsbrief via Mailchimp.");
    await page.getByLabel("Wat er is gewijzigd (Engels)").fill("Newsletter through Mailchimp.");
    await page.getByLabel("Dit is een wezenlijke wijziging").check();
    await page.getByRole("button", { name: "Versie 2 publiceren" }).click();
    await expect(page.getByTestId("error-confirmGaps")).toContainText("Bevestig dat u haar toch wilt publiceren");
    await expect(page.getByLabel("Dit is een wezenlijke wijziging")).toBeChecked();
    await page.getByLabel("Ik weet wat er ontbreekt en wil toch publiceren").check();
    await page.getByRole("button", { name: "Versie 2 publiceren" }).click();
    await expect(page.getByTestId("publish-done")).toContainText("Versie 2 is gepubliceerd.");

    // The public history lists both versions and compares them.
    await page.getByRole("link", { name: "De versiegeschiedenis bekijken" }).click();
    await expect(page.getByTestId("history").getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await expect(page).toHaveURL(new RegExp(`/nl/t/${company.slug}/history/compare\\?from=1&to=2$`));
    const diff = page.getByTestId("diff-table");
    await expect(diff.locator("tr[data-kind=added] ins")).toContainText(["Mailchimp"]);
    await expect(diff.locator("tr[data-kind=changed] del")).toContainText(["30"]);
    await expect(diff.locator("tr[data-kind=changed] ins")).toContainText(["60"]);
    await expect(diff.locator("ins").first()).toContainText("toegevoegd");
    await expectNoAxeViolations(page);

    await page.goto(`/en/t/${company.slug}/history/compare?from=1&to=2`);
    await expect(page.getByTestId("diff-table").locator("tr[data-kind=added] ins")).toContainText(["Mailchimp"]);
    expect((await page.goto(`/nl/t/${company.slug}/history/compare?from=1&to=9`))!.status()).toBe(404);
    expect((await page.goto(`/nl/t/${company.slug}/history/compare?from=een&to=2`))!.status()).toBe(404);

    // The console compares any version with another, per language.
    await page.goto(`/nl/admin/statement/compare?from=1&to=2&lang=en`);
    await expect(page.getByTestId("diff-table").locator("tr[data-kind=changed] ins")).toContainText(["60"]);

    // Without a choice it opens on the previous version against the newest (not 2 with 2),
    // and shows the changes with at most two unchanged lines either side.
    await page.goto(`/nl/admin/statement/compare`);
    await expect(page.locator("#compare-from")).toHaveValue("1");
    await expect(page.locator("#compare-to")).toHaveValue("2");
    await expect(page.getByTestId("statement-diff").getByRole("heading", { level: 2 })).toHaveText("Verschillen tussen Versie 1 en Versie 2");
    await expect(page.getByTestId("diff-table").locator("tr[data-kind=changed] ins")).toContainText(["60"]);
    for (const block of await page.getByTestId("diff-table").locator("tbody").all()) {
      const kinds = await block.locator("tr[data-kind]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-kind")));
      const unchangedRuns = kinds.join(" ").split(/added|removed|changed|folded/).map((run) => run.trim().split(" ").filter(Boolean).length);
      // Between two changes up to 2 + 2, before the first and after the last 2 (+1 that would fold alone).
      expect(Math.max(0, ...unchangedRuns), kinds.join(" ")).toBeLessThanOrEqual(5);
      if (kinds.length > 0) {
        expect(unchangedRuns[0], kinds.join(" ")).toBeLessThanOrEqual(3);
        expect(unchangedRuns.at(-1), kinds.join(" ")).toBeLessThanOrEqual(3);
      }
    }
    await expectNoAxeViolations(page);
  });

  test("two people saving the same draft: the second is told, keeps their text and saves on top deliberately", async ({ page }) => {
    test.setTimeout(90_000);
    await signUpAndSignIn(page);
    const other = await page.context().newPage();
    await page.goto("/nl/admin/statement");
    await other.goto("/nl/admin/statement");

    await row(page, "Doel 1").getByLabel("Omschrijving (Nederlands)").fill("Tekst van Anna.");
    await save(page);

    await row(other, "Doel 2").getByLabel("Omschrijving (Nederlands)").fill("Tekst van Bram.");
    await other.getByTestId("save").click();
    const conflict = other.getByTestId("conflict");
    await expect(conflict.getByRole("heading")).toHaveText("Iemand anders heeft het concept intussen opgeslagen");
    await expect(conflict.getByRole("heading")).toBeFocused();
    const change = conflict.getByTestId("conflict-field");
    await expect(change).toHaveCount(1);
    await expect(change).toContainText("Omschrijving (Nederlands)");
    await expect(change).toContainText("Tekst van Anna.");
    await expect(row(other, "Doel 2").getByLabel("Omschrijving (Nederlands)")).toHaveValue("Tekst van Bram.");

    // A plain save is still refused: nothing is overwritten without deciding to.
    await other.getByTestId("save").click();
    await expect(conflict).toBeVisible();
    await change.getByRole("button", { name: /Hun versie gebruiken/ }).click();
    await expect(row(other, "Doel 1").getByLabel("Omschrijving (Nederlands)")).toHaveValue("Tekst van Anna.");
    await expect(change).toContainText("Overgenomen");
    await conflict.getByRole("button", { name: "Mijn versie opslaan over die van de ander heen" }).click();
    await expect(other.getByTestId("save-status")).toHaveText("Het concept is opgeslagen.");
    await expect(conflict).toHaveCount(0);

    await page.reload();
    await expect(row(page, "Doel 1").getByLabel("Omschrijving (Nederlands)")).toHaveValue("Tekst van Anna.");
    await expect(row(page, "Doel 2").getByLabel("Omschrijving (Nederlands)")).toHaveValue("Tekst van Bram.");
  });

  test("bad input is explained next to the field and nothing typed is lost; on a phone the languages stack", async ({ page }) => {
    await signUpAndSignIn(page);
    await page.goto("/nl/admin/statement");
    const category = row(page, "Gegevenscategorie 1");
    await category.getByLabel("Sleutel").fill("Contact Gegevens");
    await page.getByRole("button", { name: "Ontvanger toevoegen" }).click();
    const recipient = row(page, "Ontvanger 2");
    await recipient.getByLabel("Naam", { exact: true }).fill("Analytics BV");
    await recipient.getByLabel("Hun privacyverklaring (webadres)").fill("http://analytics.example/privacy");
    const cookie = row(page, "Cookie 1");
    await cookie.getByLabel("Eenheid").selectOption({ label: "dagen" });
    await cookie.getByLabel("Bewaarduur").fill("veel");
    await page.getByTestId("save").click();

    await expect(page.getByTestId("form-error")).toContainText("Het concept is niet opgeslagen");
    await expect(category.getByText("Gebruik kleine letters, cijfers en streepjes")).toBeVisible();
    await expect(recipient.getByText("Vul een volledig webadres in dat begint met https://.")).toBeVisible();
    await expect(cookie.getByText("Vul een heel getal groter dan 0 in.")).toBeVisible();
    await expect(recipient.getByLabel("Hun privacyverklaring (webadres)")).toHaveValue("http://analytics.example/privacy");
    await expect(recipient.getByLabel("Hun privacyverklaring (webadres)")).toHaveAttribute("aria-invalid", "true");
    await expect(cookie.getByLabel("Bewaarduur")).toHaveValue("veel");
    await expect(category.getByLabel("Sleutel")).toHaveValue("Contact Gegevens");

    await category.getByLabel("Sleutel").fill("contactgegevens");
    await recipient.getByLabel("Hun privacyverklaring (webadres)").fill("https://analytics.example/privacy");
    await cookie.getByLabel("Bewaarduur").fill("7");
    await save(page);
    await expect(page.getByTestId("form-error")).toHaveCount(0);
    // Renaming the key renamed it where purposes use it.
    await expect(row(page, "Doel 1").getByRole("checkbox", { name: "Contactgegevens" })).toBeChecked();

    await page.setViewportSize({ width: 375, height: 800 });
    const dutch = await row(page, "Doel 1").getByLabel("Doel (Nederlands)", { exact: true }).boundingBox();
    const english = await row(page, "Doel 1").getByLabel("Doel (Engels)", { exact: true }).boundingBox();
    expect(english!.y).toBeGreaterThan(dutch!.y + dutch!.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test("a viewer reads the draft but cannot change or publish it; an editor cannot publish", async ({ page, browser }) => {
    await signInAs(page, "viewer@inone.example");
    await page.goto("/nl/admin/statement");
    await expect(page.getByText("Uw rol staat niet toe dat u het wijzigt.")).toBeVisible();
    await expect(page.getByTestId("save")).toHaveCount(0);
    await expect(row(page, "Doel 1").getByLabel("Doel (Nederlands)", { exact: true })).toBeDisabled();
    await expect(page.getByRole("link", { name: "Publiceren" })).toHaveCount(0);
    expect((await page.goto("/nl/admin/statement/publish"))!.status()).toBe(404);
    await page.goto("/nl/admin/statement/preview?lang=nl");
    await expect(page.getByTestId("statement")).toBeVisible();

    const context = await browser.newContext({ locale: "nl-NL" });
    const editor = await context.newPage();
    await signInAs(editor, "editor@inone.example");
    await editor.goto("/nl/admin/statement");
    await expect(editor.getByTestId("save")).toBeVisible();
    await expect(editor.getByRole("link", { name: "Publiceren" })).toHaveCount(0);
    expect((await editor.goto("/nl/admin/statement/publish"))!.status()).toBe(404);
    await context.close();
  });
});

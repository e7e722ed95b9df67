import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** The ids of the overview's entries a visitor can see. */
async function visibleEntries(page: Page): Promise<string[]> {
  return page.locator("#authority-list [data-authority]:visible").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-authority")!));
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
}

test.describe("supervisory authorities", () => {
  test("the dashboard in Dutch and English, grouped by country", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // A missing favicon is not this page's business; hydration errors and the like are.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });

    await page.goto("/nl/authorities");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toezichthouders voor privacy in Europa");
    await expect(page).toHaveTitle(/Toezichthouders voor privacy in Europa/);
    expect(await visibleEntries(page)).toHaveLength(49);
    await expect(page.getByTestId("authority-count")).toHaveText("49 van de 49 toezichthouders getoond");

    const germany = page.locator('[data-group="DE"]');
    await expect(germany.getByRole("heading", { level: 3 })).toHaveText("Duitsland");
    const german = await germany.locator("[data-authority]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-authority")));
    expect(german).toHaveLength(17);
    expect(german[0]).toBe("de-bfdi");
    await expect(germany.locator('[data-authority="de-by-lda"]')).toContainText("Deelstaat: Beieren");
    await expect(page.locator('[data-group="EU"]').getByRole("heading", { level: 3 })).toHaveText("EU-instellingen");
    await expect(page.locator('[data-group="EU"] [data-authority]')).toHaveCount(1);

    await page.getByTestId("switch-en").click();
    await expect(page).toHaveURL(/\/en\/authorities$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data protection authorities in Europe");
    await expect(page.locator('[data-group="DE"]').getByRole("heading", { level: 3 })).toHaveText("Germany");
    await expect(page.locator('[data-group="EU"]').getByRole("heading", { level: 3 })).toHaveText("EU institutions");
    expect(errors).toEqual([]);
  });

  test("the visitor's country is preselected from the browser language", async ({ page, browser }) => {
    await page.goto("/nl/authorities");
    await expect(page.getByLabel("Land waar u woont of werkt")).toHaveValue("NL");
    await expect(page.getByTestId("mine-authority")).toHaveCount(0);

    for (const [locale, expected] of [
      ["en-GB", "GB"],
      ["de-AT", "AT"],
      ["da", "DK"],
      ["en-US", ""],
    ] as const) {
      const context = await browser.newContext({ locale });
      const other = await context.newPage();
      await other.goto("/en/authorities");
      await expect(other.getByLabel("Country where you live or work"), locale).toHaveValue(expected);
      await context.close();
    }
  });

  test("choosing the Netherlands shows the Autoriteit Persoonsgegevens first, highlighted", async ({ page }) => {
    await page.goto("/nl/authorities?country=NL");
    const mine = page.getByTestId("mine-authority");
    await expect(mine.getByRole("heading", { level: 3 })).toHaveText("Autoriteit Persoonsgegevens (AP)");
    await expect(mine).toContainText("Uw toezichthouder in Nederland");
    await expect(mine).toContainText("Klagen is gratis.");
    await expect(mine).toContainText("kopieën van uw brieven en e-mails");
    await expect(mine).toContainText("2509 AJ Den Haag");
    // The box comes before every other entry on the page.
    const firstAuthorityName = await page.locator('[data-testid="mine-authority"] h3, #authority-list [data-authority] h4').first().textContent();
    expect(firstAuthorityName).toContain("Autoriteit Persoonsgegevens");
    // The country also filters the overview.
    expect(await visibleEntries(page)).toEqual(["nl-ap"]);
    await expect(page.getByLabel("Land", { exact: true })).toHaveValue("NL");

    // The country grid leads to the same box, here for Germany in English.
    await page.goto("/en/authorities");
    await page.getByTestId("country-grid").getByRole("link", { name: "Germany DE" }).click();
    await expect(page).toHaveURL(/\/en\/authorities\?country=DE#mine$/);
    // Germany: the person chooses their Land; no authority (and never the BfDI) before that.
    await expect(page.getByTestId("mine-authority")).toHaveCount(0);
    await expect(page.getByTestId("land-needed")).toContainText("choose your Land");
    expect(await visibleEntries(page)).toHaveLength(17);
    await expect(page.getByTestId("country-grid").getByRole("link", { name: "Germany DE" })).toHaveAttribute("aria-current", "true");
    await page.getByLabel("Land (German state) where you live or work").selectOption("BY");
    await page.getByRole("button", { name: "Show the authority of this Land" }).click();
    await expect(page).toHaveURL(/\/en\/authorities\?country=DE&land=BY#mine$/);
    await expect(page.getByTestId("mine-authority")).toContainText("Bavarian Data Protection Authority");
    await expect(page.getByTestId("mine-authority")).toContainText("Germany has no single authority for companies");
    await expect(page.getByTestId("mine-authority").getByTestId("authority-complaint").getByRole("link")).toHaveAttribute(
      "href",
      "https://www.lda.bayern.de/de/beschwerde.html",
    );
  });

  test("filters as one types", async ({ page }) => {
    await page.goto("/nl/authorities");
    const search = page.getByRole("searchbox", { name: "Zoeken" });
    await search.pressSequentially("CNIL");
    await expect.poll(() => visibleEntries(page)).toEqual(["fr-cnil"]);
    await expect(page.locator('[data-group="FR"]')).toBeVisible();
    await expect(page.locator('[data-group="NL"]')).toBeHidden();
    await expect(page.getByTestId("authority-count")).toHaveText("1 van de 49 toezichthouders getoond");
    await expect(page).toHaveURL(/\/nl\/authorities$/); // no page load

    await search.fill("datatilsynet");
    await expect.poll(() => visibleEntries(page)).toEqual(["dk-datatilsynet", "no-datatilsynet"]);

    await search.fill("Beieren");
    await expect.poll(() => visibleEntries(page)).toEqual(["de-by-lda"]);

    // Country names in the local language, aliases, cities and short acronyms (issue 12).
    await search.fill("UK");
    await expect.poll(() => visibleEntries(page)).toEqual(["gb-ico"]);
    await search.fill("Norge");
    await expect.poll(() => visibleEntries(page)).toEqual(["no-datatilsynet"]);
    await search.fill("Den Haag");
    await expect.poll(() => visibleEntries(page)).toEqual(["nl-ap"]);
    await search.fill("AP");
    await expect.poll(() => visibleEntries(page)).toEqual(["nl-ap"]);
    await search.fill("Deutschland");
    await expect.poll(async () => (await visibleEntries(page)).length).toBe(17);

    await search.fill("xyzzy");
    await expect.poll(() => visibleEntries(page)).toEqual([]);
    await expect(page.locator("#authority-none")).toBeVisible();

    await search.fill("");
    await page.getByLabel("Land", { exact: true }).selectOption("DE");
    await expect.poll(async () => (await visibleEntries(page)).length).toBe(17);
    await expect(page.locator("#authority-none")).toBeHidden();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the search form filters on the server", async ({ page }) => {
      await page.goto("/en/authorities");
      await page.getByRole("searchbox", { name: "Search" }).fill("Datatilsynet");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(/\/en\/authorities\?q=Datatilsynet&country=#list$/);
      expect(await visibleEntries(page)).toEqual(["dk-datatilsynet", "no-datatilsynet"]);
      await expect(page.locator('[data-group="DK"]')).toBeVisible();
      await expect(page.locator('[data-group="NO"]')).toBeVisible();
      await expect(page.locator('[data-group="FR"]')).toBeHidden();
      await expect(page.getByText("2 of 49 authorities shown")).toBeVisible();

      await page.goto("/nl/authorities?q=Hamburg&country=DE");
      expect(await visibleEntries(page)).toEqual(["de-hh-hmbbfdi"]);
      await page.goto("/nl/authorities?q=CNIL&country=NL");
      expect(await visibleEntries(page)).toEqual([]);
      await expect(page.locator("#authority-none")).toBeVisible();
    });

    test("choosing a country needs no JavaScript either", async ({ page }) => {
      await page.goto("/en/authorities");
      await page.getByLabel("Country where you live or work").selectOption("NO");
      await page.getByRole("button", { name: "Show my authority" }).click();
      await expect(page).toHaveURL(/\/en\/authorities\?country=NO#mine$/);
      await expect(page.getByTestId("mine-authority")).toContainText("Datatilsynet");
      await expect(page.getByTestId("mine-authority")).toContainText("European Economic Area");
    });
  });

  test("an authority's own page", async ({ page }) => {
    await page.goto("/en/authorities/nl-ap");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dutch Data Protection Authority (AP)");
    await expect(page).toHaveTitle(/Dutch Data Protection Authority \(AP\)/);
    await expect(page.getByText("Autoriteit Persoonsgegevens", { exact: true })).toBeVisible();
    const address = page.getByTestId("authority-address");
    await expect(address).toHaveText("Postbus 93374\n2509 AJ Den Haag\nNederland");
    await expect(address.locator(".whitespace-pre-line")).toHaveCSS("white-space", "pre-line");
    await expect(page.getByTestId("authority-phone")).toHaveText("+31 88 1805 250");
    await expect(page.getByRole("link", { name: "www.autoriteitpersoonsgegevens.nl" }).first()).toHaveAttribute(
      "href",
      "https://www.autoriteitpersoonsgegevens.nl",
    );
    await expect(page.getByText("Languages for complaints")).toBeVisible();
    await expect(page.getByTestId("authority")).toContainText("Dutch");
    await expect(page.getByTestId("checked-on")).toHaveText("Checked on 22 November 2026.");
    // Where to complain: the AP's form, no complaint e-mail (form or letter), when and where it was checked.
    await expect(page.getByTestId("authority-complaint").getByRole("link")).toHaveAttribute(
      "href",
      "https://autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient",
    );
    await expect(page.getByTestId("authority-complaint-email")).toHaveCount(0);
    await expect(page.getByTestId("authority-complaint-note")).toContainText("not by e-mail");
    await expect(page.getByTestId("authority-complaint-checked")).toContainText("checked on 3 December 2026");
    await expect(page.getByTestId("complaint-steps").getByRole("listitem")).toHaveCount(5);

    await page.goto("/nl/authorities/be-gba-apd");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gegevensbeschermingsautoriteit");
    await expect(page.getByTestId("authority")).toContainText("Nederlands, Frans en Duits");
    await page.getByRole("link", { name: "Alle toezichthouders voor privacy" }).click();
    await expect(page).toHaveURL(/\/nl\/authorities$/);
  });

  test("an unknown authority is a 404", async ({ page }) => {
    let response = await page.goto("/en/authorities/does-not-exist");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    response = await page.goto("/nl/authorities/NL-AP");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  });

  test("works on a phone without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/nl/authorities?country=DE", "/en/authorities?country=BE", "/nl/authorities/be-gba-apd", "/en/authorities/eu-edps", "/en/authorities/de-hb-lfdi"]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
  });

  for (const locale of ["nl", "en"]) {
    test(`accessibility of the dashboard and an authority page (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/authorities`);
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/authorities?country=NL#mine`);
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/authorities/nl-ap`);
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/authorities/eu-edps`);
      await expectNoAxeViolations(page);
    });
  }
});

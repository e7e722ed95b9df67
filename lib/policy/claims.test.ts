import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatementView } from "@/components/statement/statement-view";
import { translator } from "@/lib/i18n/messages";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { emptyDeclarations, type Controller, type Locale, type StatementContent } from "./content";
import { emptyContent } from "./draft";
import { buildPublicStatement, type PublicStatement } from "./public-statement";
import { controllerFromTenant } from "./versions";

/**
 * Issue 12: the page states only what the tenant declared. An empty table is no claim:
 * "no cookies", "no recipients", "no DPO", the change-notice promise, "no automated
 * decisions" and a lead authority appear only when declared or chosen.
 */

const controller: Controller = {
  name: "Acme",
  legalName: "Acme B.V.",
  address: "Straat 1, Utrecht",
  country: "NL",
  registrationNumber: null,
  contactEmail: "privacy@acme.example",
  phone: null,
  website: null,
  dpoName: null,
  dpoEmail: null,
  leadAuthorityId: null,
};

const statementOf = (content: StatementContent, locale: Locale, ctrl: Controller = controller): PublicStatement =>
  buildPublicStatement(
    {
      tenant: { slug: "acme", name: ctrl.name },
      version: { number: 1, publishedAt: new Date("2026-01-01T00:00:00Z"), materialChange: false, changeSummary: { nl: "", en: "" } },
      latestNumber: 1,
      controller: ctrl,
      content,
    },
    locale,
  );

const render = (statement: PublicStatement) =>
  renderToStaticMarkup(
    createElement(StatementView, { statement, links: { current: "/", history: "/h", json: "/j", authorities: "/a" } }),
  ).replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

/** The sentences that claim something; each may appear only when declared. */
const claims = (locale: Locale, name = controller.name) => {
  const t = translator(locale);
  return {
    noCookies: t("Statement.cookies.none"),
    noRecipients: t("Statement.recipients.none"),
    noDpo: t("Statement.controller.noDpo", { name }),
    announcesChanges: t("Statement.changes.announces"),
    noAutomatedDecisions: t("Statement.automated.none"),
    leadAuthority: t("Statement.complaint.lead"),
    fromYou: `>${t("Statement.data.fromYou")}<`,
  };
};

describe.each(["nl", "en"] as const)("claims on the page (%s)", (locale) => {
  it("an empty statement makes no claim, and says what is not stated", () => {
    const content = emptyContent();
    content.dataCategories = [
      { key: "contact", name: { nl: "Contact", en: "Contact" }, description: { nl: "", en: "" }, origin: null, source: { nl: "", en: "" }, publiclyAccessible: null },
    ];
    const html = render(statementOf(content, locale));
    for (const [claim, sentence] of Object.entries(claims(locale))) expect(html, claim).not.toContain(sentence);
    const t = translator(locale);
    for (const key of ["cookies.notStated", "recipients.notStated", "automated.notStated", "data.sourceNotStated", "complaint.noLead"] as const) {
      expect(html, key).toContain(t(`Statement.${key}`));
    }
  });

  it("prints each claim once declared", () => {
    const content: StatementContent = {
      ...emptyContent(),
      declarations: { ...emptyDeclarations(), noCookies: true, noRecipients: true, noDpo: true, announcesChanges: true, automatedDecisions: "NONE" },
      dataCategories: [
        { key: "contact", name: { nl: "Contact", en: "Contact" }, description: { nl: "", en: "" }, origin: "SUBJECT", source: { nl: "", en: "" }, publiclyAccessible: null },
      ],
    };
    const html = render(statementOf(content, locale, { ...controller, leadAuthorityId: "nl-ap" }));
    for (const [claim, sentence] of Object.entries(claims(locale))) expect(html, claim).toContain(sentence);
  });
});

/** What each demo tenant's own statement declares (../shared/reference/seed-facts.md); everything else stays unstated. */
const declaredByDemo: Record<string, Partial<Record<keyof ReturnType<typeof claims>, boolean>>> = {
  inone: { announcesChanges: true },
  allatonce: {},
  inqonto: {},
  web1on1: { leadAuthority: true },
  superoffice: { announcesChanges: true },
};

describe.each(demoTenants.flatMap((demo) => demo.versions.map((version, index) => [`${demo.tenant.slug} v${index + 1}`, demo, version] as const)))(
  "demo statement %s",
  (_label, demo, version) => {
    it.each(["nl", "en"] as const)("makes no claim its original does not (%s)", (locale) => {
      const html = render(statementOf(version.content, locale, controllerFromTenant(demo.tenant)));
      const declared = declaredByDemo[demo.tenant.slug];
      for (const [claim, sentence] of Object.entries(claims(locale, demo.tenant.name))) {
        if (claim === "fromYou") continue; // a category from the person is a fact some originals give
        if (declared[claim as keyof typeof declared]) expect(html, claim).toContain(sentence);
        else expect(html, claim).not.toContain(sentence);
      }
    });
  },
);

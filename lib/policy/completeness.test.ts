import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { failedItems, findGaps, gapCodes, gapMessageValues, gdprItems, placeholderRecipientName, type Gap, type ItemId } from "./completeness";
import { emptyDeclarations, type Controller, type LocalizedText, type PurposeContent, type StatementContent } from "./content";
import { rightCodes, subjectRights } from "./rights";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

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
  leadAuthorityId: "nl-ap",
};

const purpose = (overrides: Partial<PurposeContent> = {}): PurposeContent => ({
  name: t("Klantcontact", "Customer contact"),
  description: t("We beantwoorden uw vragen.", "We answer your questions."),
  legalBasis: "CONTRACT",
  legitimateInterest: t("", ""),
  dataCategoryKeys: ["contact"],
  provision: "VOLUNTARY",
  provisionNote: t("", ""),
  ...overrides,
});

/** A statement without gaps; each test breaks one thing. */
const complete = (): StatementContent => ({
  declarations: { ...emptyDeclarations(), noDpo: true, automatedDecisions: "NONE" },
  sections: [{ placement: "INTRO", title: t("Over ons", "About us"), body: t("Tekst.", "Text.") }],
  dataCategories: [
    { key: "contact", name: t("Contactgegevens", "Contact details"), description: t("", ""), origin: "SUBJECT", source: t("", ""), publiclyAccessible: null },
  ],
  purposes: [purpose()],
  recipients: [
    {
      name: "Mailhost",
      role: "PROCESSOR",
      purpose: t("E-mail", "E-mail"),
      dataShared: t("", ""),
      country: "DE",
      safeguard: null,
      policyUrl: null,
    },
  ],
  cookies: [{ name: "session", provider: "Acme", purpose: t("Inloggen", "Signing in"), category: "STRICTLY_NECESSARY", lifetimeValue: null, lifetimeUnit: "SESSION" }],
  retention: [{ dataCategoryKey: "contact", periodValue: 2, periodUnit: "YEARS", criteria: t("", "") }],
});

/** The same statement about data obtained elsewhere, so art. 14 applies instead of art. 13. */
const completeOther = (): StatementContent => {
  const content = complete();
  content.dataCategories[0] = { ...content.dataCategories[0], origin: "OTHER", source: t("Uw werkgever", "Your employer"), publiclyAccessible: false };
  return content;
};

const gapsWithItems = (content: StatementContent, ctrl: Controller = controller) => findGaps({ content, controller: ctrl });
/** The gaps without their items, for the tests of each check's details. */
const gapsOf = (content: StatementContent, ctrl: Controller = controller) =>
  gapsWithItems(content, ctrl).map(({ items: _items, ...gap }) => gap);

describe("findGaps", () => {
  it("finds nothing in a complete statement", () => {
    expect(gapsOf(complete())).toEqual([]);
  });

  it("reports each missing controller field under its own code", () => {
    const ctrl = { ...controller, legalName: "", address: " ", country: "", contactEmail: "", leadAuthorityId: null };
    expect(gapsOf(complete(), ctrl).map((g) => g.code)).toEqual([
      "controllerLegalNameMissing",
      "controllerAddressMissing",
      "controllerCountryMissing",
      "controllerEmailMissing",
    ]);
  });

  it("asks for the DPO's e-mail only when a DPO is named", () => {
    expect(gapsOf(complete(), { ...controller, dpoName: "J. Jansen" })).toEqual([{ code: "dpoEmailMissing", subject: "J. Jansen" }]);
    expect(gapsOf(complete(), { ...controller, dpoName: "J. Jansen", dpoEmail: "dpo@acme.example" })).toEqual([]);
  });

  it("requires at least one purpose", () => {
    const content = { ...complete(), purposes: [] };
    expect(gapsOf(content)).toEqual([{ code: "noPurposes" }]);
  });

  it("reports a purpose's missing name and description per language, naming the purpose", () => {
    const content = { ...complete(), purposes: [purpose({ name: t("Klantcontact", ""), description: t("", "") })] };
    expect(gapsOf(content)).toEqual([
      { code: "purposeNameMissing", locale: "en", subject: "Klantcontact", row: 0 },
      { code: "purposeDescriptionMissing", locale: "nl", subject: "Klantcontact", row: 0 },
      { code: "purposeDescriptionMissing", locale: "en", subject: "Klantcontact", row: 0 },
    ]);
  });

  it("names a purpose without any name by its position, and in the requested language", () => {
    const nameless = { ...complete(), purposes: [purpose(), purpose({ name: t("", "") })] };
    expect(gapsOf(nameless).filter((g) => g.code === "purposeNameMissing").map((g) => g.subject)).toEqual(["#2", "#2"]);
    const [gap] = findGaps({
      content: { ...complete(), purposes: [purpose({ description: t("", "x") })] },
      controller,
      subjectLocale: "en",
    });
    expect(gap.subject).toBe("Customer contact");
  });

  it("requires a legal basis", () => {
    const content = { ...complete(), purposes: [purpose({ legalBasis: "" as PurposeContent["legalBasis"] })] };
    expect(gapsOf(content).map((g) => g.code)).toEqual(["purposeLegalBasisMissing"]);
  });

  it("requires the legitimate interest in both languages where that is the basis", () => {
    const content = {
      ...complete(),
      purposes: [purpose({ legalBasis: "LEGITIMATE_INTEREST", legitimateInterest: t("Fraude voorkomen", "") })],
    };
    expect(gapsOf(content)).toEqual([{ code: "legitimateInterestMissing", locale: "en", subject: "Klantcontact", row: 0 }]);
    const otherBasis = { ...complete(), purposes: [purpose({ legalBasis: "CONSENT" })] };
    expect(gapsOf(otherBasis)).toEqual([]);
  });

  it("requires each purpose to list existing data categories", () => {
    const none = { ...complete(), purposes: [purpose({ dataCategoryKeys: [] })] };
    expect(gapsOf(none).map((g) => g.code)).toEqual(["purposeDataCategoriesMissing"]);
    const unknown = { ...complete(), purposes: [purpose({ dataCategoryKeys: ["contact", "health"] })] };
    expect(gapsOf(unknown)).toEqual([{ code: "purposeDataCategoryUnknown", subject: "Klantcontact", row: 0, detail: "health" }]);
  });

  it("requires the consequence of not providing data when providing it is required", () => {
    const statutory = { ...complete(), purposes: [purpose({ provision: "STATUTORY", provisionNote: t("", "") })] };
    expect(gapsOf(statutory).map((g) => [g.code, g.locale])).toEqual([
      ["provisionNoteMissing", "nl"],
      ["provisionNoteMissing", "en"],
    ]);
    const contractual = { ...complete(), purposes: [purpose({ provision: "CONTRACTUAL", provisionNote: t("Geen levering.", "") })] };
    expect(gapsOf(contractual).map((g) => [g.code, g.locale])).toEqual([["provisionNoteMissing", "en"]]);
    const voluntary = { ...complete(), purposes: [purpose({ provision: "VOLUNTARY", provisionNote: t("", "") })] };
    expect(gapsOf(voluntary)).toEqual([]);
  });

  it("requires data category names in both languages", () => {
    const content = complete();
    content.dataCategories[0].name = t("", "Contact details");
    expect(gapsOf(content)).toEqual([{ code: "dataCategoryNameMissing", locale: "nl", subject: "contact", row: 0 }]);
  });

  it("requires recipients, or the declaration that there are none", () => {
    expect(gapsOf({ ...complete(), recipients: [] })).toEqual([{ code: "recipientsNotStated" }]);
    const declared = complete();
    declared.recipients = [];
    declared.declarations.noRecipients = true;
    expect(gapsOf(declared)).toEqual([]);
  });

  it("requires a safeguard for transfers outside the EEA only", () => {
    const content = complete();
    const base = content.recipients[0];
    content.recipients = [
      { ...base, name: "US host", country: "US" },
      { ...base, name: "US host with SCC", country: "US", safeguard: "STANDARD_CONTRACTUAL_CLAUSES" },
      { ...base, name: "Norwegian host", country: "NO" },
    ];
    content.declarations.safeguardCopy = t("Vraag ze op bij privacy@acme.example.", "Ask privacy@acme.example for them.");
    expect(gapsOf(content)).toEqual([{ code: "transferSafeguardMissing", subject: "US host", row: 0, detail: "US" }]);
  });

  it("requires a retention rule for every data category a purpose uses", () => {
    const content = { ...complete(), retention: [] };
    expect(gapsOf(content)).toEqual([{ code: "retentionMissing", subject: "Contactgegevens", detail: "contact" }]);
    const unused = complete();
    unused.dataCategories.push({ ...unused.dataCategories[0], key: "unused", name: t("Ongebruikt", "Unused") });
    expect(gapsOf(unused)).toEqual([]);
  });

  it("accepts a retention rule with a period or with criteria in both languages", () => {
    const rule = complete().retention[0];
    const withRule = (r: typeof rule) => ({ ...complete(), retention: [r] });
    expect(gapsOf(withRule({ ...rule, periodValue: null, periodUnit: null, criteria: t("Tot opzegging", "Until cancelled") }))).toEqual([]);
    expect(gapsOf(withRule({ ...rule, periodValue: null, periodUnit: null, criteria: t("Tot opzegging", "") }))).toEqual([
      { code: "retentionCriteriaMissing", locale: "en", subject: "Contactgegevens", row: 0 },
    ]);
    expect(gapsOf(withRule({ ...rule, periodValue: null, periodUnit: null }))).toEqual([
      { code: "retentionPeriodMissing", subject: "Contactgegevens", row: 0 },
    ]);
    // A value without a unit is no period.
    expect(gapsOf(withRule({ ...rule, periodUnit: null })).map((g) => g.code)).toEqual(["retentionPeriodMissing"]);
  });

  it("requires every free section's title and body in both languages", () => {
    const content = complete();
    content.sections.push({ placement: "END", title: t("Slot", ""), body: t("", "") });
    expect(gapsOf(content)).toEqual([
      { code: "sectionTitleMissing", locale: "en", subject: "Slot", row: 1 },
      { code: "sectionBodyMissing", locale: "nl", subject: "Slot", row: 1 },
      { code: "sectionBodyMissing", locale: "en", subject: "Slot", row: 1 },
    ]);
  });

  it("requires each cookie's purpose in both languages", () => {
    const content = complete();
    content.cookies[0].purpose = t("Inloggen", " ");
    expect(gapsOf(content)).toEqual([{ code: "cookiePurposeMissing", locale: "en", subject: "session", row: 0 }]);
  });

});

describe("gap messages", () => {
  it("exist for every gap code in both languages, with the same placeholders", () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const enMessages = en.Completeness as Record<string, unknown>;
    const nlMessages = nl.Completeness as Record<string, unknown>;
    for (const code of gapCodes) {
      expect(typeof enMessages[code], code).toBe("string");
      expect(typeof nlMessages[code], code).toBe("string");
      expect(placeholders(nlMessages[code] as string), code).toEqual(placeholders(enMessages[code] as string));
    }
    expect(Object.keys(enMessages).sort()).toEqual([...gapCodes, "locale"].sort());
    expect(Object.keys(nlMessages).sort()).toEqual([...gapCodes, "locale"].sort());
  });

  it("format with gapMessageValues", () => {
    const gap: Gap = { code: "purposeNameMissing", items: ["13.1.c"], locale: "en", subject: "Klantcontact", row: 0 };
    const translate = createTranslator({ locale: "nl", messages: nl });
    const values = gapMessageValues(gap, { nl: translate("Completeness.locale.nl"), en: translate("Completeness.locale.en") });
    expect(translate(`Completeness.${gap.code}`, values)).toBe("Het doel “Klantcontact” heeft geen naam in het Engels.");
    expect(gapMessageValues({ code: "noPurposes", items: [] })).toEqual({ subject: "", detail: "", locale: "" });
    expect(gapMessageValues({ code: "cookiePurposeMissing", items: [], locale: "nl", subject: "_ga" }).locale).toBe("nl");
  });
});

/** One draft per item of arts. 13 and 14, each lacking only that item. */
const printedWithout = (right?: string, complaint = true) => ({ rights: rightCodes.filter((code) => code !== right), complaint });
type Omission = { content: StatementContent; controller?: Controller; printed?: ReturnType<typeof printedWithout> };
const omit = (base: () => StatementContent, change: (content: StatementContent) => Omission | void): Omission => {
  const content = base();
  return change(content) ?? { content };
};
const omissions = (base: () => StatementContent): Record<string, Omission> => ({
  controller: omit(base, (content) => ({ content, controller: { ...controller, legalName: "" } })),
  dpo: omit(base, (content) => {
    content.declarations.noDpo = false;
  }),
  purposes: omit(base, (content) => {
    content.purposes[0].description = t("", "");
  }),
  legitimateInterest: omit(base, (content) => {
    content.purposes[0] = { ...content.purposes[0], legalBasis: "LEGITIMATE_INTEREST", legitimateInterest: t("", "") };
  }),
  recipients: omit(base, (content) => {
    content.recipients = [];
  }),
  transfers: omit(base, (content) => {
    content.recipients[0].country = null;
  }),
  retention: omit(base, (content) => {
    content.retention = [];
  }),
  rights: omit(base, (content) => ({ content, printed: printedWithout("access") })),
  withdrawConsent: omit(base, (content) => {
    content.purposes[0].legalBasis = "CONSENT";
    return { content, printed: { rights: [...subjectRights], complaint: true } };
  }),
  complaint: omit(base, (content) => ({ content, printed: printedWithout(undefined, false) })),
  provision: omit(base, (content) => {
    content.purposes[0] = { ...content.purposes[0], provision: "STATUTORY", provisionNote: t("", "") };
  }),
  automatedDecisions: omit(base, (content) => {
    content.declarations.automatedDecisions = "NOT_STATED";
  }),
  categories: omit(base, (content) => {
    content.dataCategories[0].name = t("", "");
  }),
  source: omit(base, (content) => {
    content.dataCategories[0].source = t("", "");
  }),
});

const itemCases: Array<[ItemId, Omission]> = [
  ["13.1.a", omissions(complete).controller],
  ["13.1.b", omissions(complete).dpo],
  ["13.1.c", omissions(complete).purposes],
  ["13.1.d", omissions(complete).legitimateInterest],
  ["13.1.e", omissions(complete).recipients],
  ["13.1.f", omissions(complete).transfers],
  ["13.2.a", omissions(complete).retention],
  ["13.2.b", omissions(complete).rights],
  ["13.2.c", omissions(complete).withdrawConsent],
  ["13.2.d", omissions(complete).complaint],
  ["13.2.e", omissions(complete).provision],
  ["13.2.f", omissions(complete).automatedDecisions],
  ["14.1.a", omissions(completeOther).controller],
  ["14.1.b", omissions(completeOther).dpo],
  ["14.1.c", omissions(completeOther).purposes],
  ["14.1.d", omissions(completeOther).categories],
  ["14.1.e", omissions(completeOther).recipients],
  ["14.1.f", omissions(completeOther).transfers],
  ["14.2.a", omissions(completeOther).retention],
  ["14.2.b", omissions(completeOther).legitimateInterest],
  ["14.2.c", omissions(completeOther).rights],
  ["14.2.d", omissions(completeOther).withdrawConsent],
  ["14.2.e", omissions(completeOther).complaint],
  ["14.2.f", omissions(completeOther).source],
  ["14.2.g", omissions(completeOther).automatedDecisions],
];

describe("the items of arts. 13 and 14", () => {
  it("lists all 25 items of arts. 13(1), 13(2), 14(1) and 14(2), each tested below", () => {
    expect(gdprItems).toHaveLength(25);
    expect(new Set(gdprItems.map((item) => item.id)).size).toBe(25);
    expect(itemCases.map(([id]) => id)).toEqual(gdprItems.map((item) => item.id));
  });

  it("finds nothing in the complete statements about data from the person and from elsewhere", () => {
    expect(gapsWithItems(complete())).toEqual([]);
    expect(gapsWithItems(completeOther())).toEqual([]);
  });

  it.each(itemCases)("a draft lacking only %s is flagged for exactly that item", (id, omission) => {
    const gaps = findGaps({ content: omission.content, controller: omission.controller ?? controller, printed: omission.printed });
    expect(gaps.length).toBeGreaterThan(0);
    expect(failedItems(gaps)).toEqual([id]);
  });
});

describe("declarations, transfers and sources", () => {
  it("asks a controller outside the EEA for its representative in the Union (art. 27)", () => {
    const swiss = { ...controller, country: "CH", leadAuthorityId: null };
    expect(gapsWithItems(complete(), swiss)).toEqual([{ code: "representativeMissing", items: ["13.1.a"], detail: "CH" }]);
    const content = complete();
    content.declarations.representativeName = "Acme EU B.V.";
    content.declarations.representativeContact = "eu@acme.example";
    expect(gapsOf(content, swiss)).toEqual([]);
    // Norway is in the EEA: no representative needed.
    expect(gapsOf(complete(), { ...controller, country: "NO", leadAuthorityId: "no-datatilsynet" })).toEqual([]);
  });

  it("accepts an appointed DPO or a declared 'none', and flags a DPO without e-mail", () => {
    const undeclared = complete();
    undeclared.declarations.noDpo = false;
    expect(gapsOf(undeclared, { ...controller, dpoName: "J. Jansen", dpoEmail: "dpo@acme.example" })).toEqual([]);
    expect(gapsOf(undeclared, { ...controller, dpoName: "J. Jansen" })).toEqual([{ code: "dpoEmailMissing", subject: "J. Jansen" }]);
    expect(gapsOf(undeclared).map((g) => g.code)).toEqual(["dpoNotStated"]);
  });

  it("flags an unknown country and a safeguard that does not fit the country", () => {
    const content = complete();
    const base = content.recipients[0];
    content.recipients = [
      { ...base, name: "Nowhere", country: null },
      { ...base, name: "DPF in India", country: "IN", safeguard: "DATA_PRIVACY_FRAMEWORK" },
      { ...base, name: "Adequacy in the US", country: "US", safeguard: "ADEQUACY_DECISION" },
      { ...base, name: "Adequacy in India", country: "IN", safeguard: "ADEQUACY_DECISION" },
      { ...base, name: "Safeguard inside the EEA", country: "DE", safeguard: "STANDARD_CONTRACTUAL_CLAUSES" },
      { ...base, name: "Adequacy in Japan", country: "JP", safeguard: "ADEQUACY_DECISION" },
      { ...base, name: "Certified US", country: "US", safeguard: "DATA_PRIVACY_FRAMEWORK" },
    ];
    expect(gapsOf(content).map((g) => [g.code, g.subject])).toEqual([
      ["recipientCountryUnknown", "Nowhere"],
      ["transferSafeguardUnfit", "DPF in India"],
      ["transferSafeguardUnfit", "Adequacy in the US"],
      ["transferSafeguardUnfit", "Adequacy in India"],
      ["transferSafeguardUnfit", "Safeguard inside the EEA"],
    ]);
  });

  it("asks how to obtain a copy of standard contractual clauses, per language", () => {
    const content = complete();
    content.recipients[0] = { ...content.recipients[0], country: "US", safeguard: "STANDARD_CONTRACTUAL_CLAUSES" };
    content.declarations.safeguardCopy = t("Op verzoek via privacy@acme.example.", "");
    expect(gapsWithItems(content)).toEqual([{ code: "safeguardCopyMissing", items: ["13.1.f"], locale: "en" }]);
  });

  it("flags the template's sample recipient", () => {
    const content = complete();
    content.recipients[0].name = placeholderRecipientName;
    expect(gapsOf(content)).toEqual([{ code: "placeholderRecipient", subject: placeholderRecipientName, row: 0 }]);
  });

  it("flags a category whose origin is not stated, and a source elsewhere without its public status", () => {
    const unstated = complete();
    unstated.dataCategories[0].origin = null;
    expect(gapsWithItems(unstated)).toEqual([{ code: "sourceNotStated", items: ["14.2.f"], subject: "Contactgegevens", row: 0 }]);
    const noPublic = completeOther();
    noPublic.dataCategories[0].publiclyAccessible = null;
    expect(gapsOf(noPublic)).toEqual([{ code: "publicSourceNotStated", subject: "Contactgegevens", row: 0 }]);
  });

  it("applies both articles to data from the person and from elsewhere", () => {
    const both = completeOther();
    both.dataCategories[0].origin = "BOTH";
    both.purposes[0].description = t("", "");
    expect(failedItems(gapsWithItems(both))).toEqual(["13.1.c", "14.1.c"]);
  });

  it("takes a described automated decision only with its logic and consequences", () => {
    const content = complete();
    content.declarations.automatedDecisions = "DESCRIBED";
    content.declarations.automatedDecisionLogic = t("Een score op betaalgedrag.", "A score on payment history.");
    expect(gapsOf(content).map((g) => [g.code, g.locale])).toEqual([
      ["automatedDecisionConsequencesMissing", "nl"],
      ["automatedDecisionConsequencesMissing", "en"],
    ]);
  });

  it("flags vague retention and two rules for one category", () => {
    const vague = complete();
    vague.retention[0] = { ...vague.retention[0], periodValue: null, periodUnit: null, criteria: t("Volgens interne richtlijnen.", "Under internal guidelines.") };
    expect(gapsWithItems(vague).map((g) => [g.code, g.locale, g.items])).toEqual([
      ["retentionVague", "nl", ["13.2.a"]],
      ["retentionVague", "en", ["13.2.a"]],
    ]);
    const twice = complete();
    twice.retention.push({ ...twice.retention[0], periodValue: 5 });
    expect(gapsOf(twice)).toEqual([{ code: "retentionDuplicate", subject: "Contactgegevens", row: 0 }]);
  });

  it("flags a heading that appears twice, among the sections or beside the page's own", () => {
    const content = complete();
    content.sections.push({ placement: "END", title: t("Over ons", "Cookies"), body: t("Tekst.", "Text.") });
    const gaps = findGaps({ content, controller, headings: { nl: ["Cookies"], en: ["Cookies"] } });
    expect(gaps.map((g) => [g.code, g.locale, g.subject])).toEqual([
      ["duplicateHeading", "nl", "Over ons"],
      ["duplicateHeading", "en", "Cookies"],
    ]);
  });

  it("asks for cookies or the declaration that there are none", () => {
    const content = { ...complete(), cookies: [] };
    expect(gapsWithItems(content)).toEqual([{ code: "cookiesNotStated", items: [] }]);
    content.declarations.noCookies = true;
    expect(gapsOf(content)).toEqual([]);
  });
});

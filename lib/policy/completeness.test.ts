import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { alwaysCovered, findGaps, gapCodes, gapMessageValues, type Gap } from "./completeness";
import type { Controller, LocalizedText, PurposeContent, StatementContent } from "./content";

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
  sections: [{ placement: "INTRO", title: t("Over ons", "About us"), body: t("Tekst.", "Text.") }],
  dataCategories: [{ key: "contact", name: t("Contactgegevens", "Contact details"), description: t("", ""), source: t("", "") }],
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

const gapsOf = (content: StatementContent, ctrl: Controller = controller) => findGaps({ content, controller: ctrl });

describe("findGaps", () => {
  it("finds nothing in a complete statement", () => {
    expect(gapsOf(complete())).toEqual([]);
  });

  it("finds in the demo statements only what they really lack", () => {
    const gapsBySlug = Object.fromEntries(
      demoTenants.map((demo) => [demo.tenant.slug, gapsOf(demo.versions.at(-1)!.content, { ...demo.tenant })]),
    );
    // These three describe who receives data only in free sections, not as recipient rows.
    expect(gapsBySlug).toEqual({
      inone: [],
      allatonce: [{ code: "noRecipients" }],
      inqonto: [{ code: "noRecipients" }],
      web1on1: [],
      superoffice: [{ code: "noRecipients" }],
    });
  });

  it("reports each missing controller field under its own code", () => {
    const ctrl = { ...controller, legalName: "", address: " ", country: "", contactEmail: "", leadAuthorityId: null };
    expect(gapsOf(complete(), ctrl).map((g) => g.code)).toEqual([
      "controllerLegalNameMissing",
      "controllerAddressMissing",
      "controllerCountryMissing",
      "controllerEmailMissing",
      "leadAuthorityMissing",
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

  it("requires at least one recipient", () => {
    expect(gapsOf({ ...complete(), recipients: [] })).toEqual([{ code: "noRecipients" }]);
  });

  it("requires a safeguard for transfers outside the EEA only", () => {
    const content = complete();
    const base = content.recipients[0];
    content.recipients = [
      { ...base, name: "US host", country: "US" },
      { ...base, name: "US host with SCC", country: "US", safeguard: "STANDARD_CONTRACTUAL_CLAUSES" },
      { ...base, name: "Norwegian host", country: "NO" },
      { ...base, name: "Somewhere", country: null },
    ];
    expect(gapsOf(content)).toEqual([{ code: "transferSafeguardMissing", subject: "US host", row: 0, detail: "US" }]);
  });

  it("requires a retention rule for every data category a purpose uses", () => {
    const content = { ...complete(), retention: [] };
    expect(gapsOf(content)).toEqual([{ code: "retentionMissing", subject: "Contactgegevens", detail: "contact" }]);
    const unused = complete();
    unused.dataCategories.push({ key: "unused", name: t("Ongebruikt", "Unused"), description: t("", ""), source: t("", "") });
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

  it("never reports rights, withdrawal of consent or the complaint right: the product prints them", () => {
    expect(alwaysCovered).toEqual(["rights", "withdrawConsent", "complaint"]);
    const content = { ...complete(), purposes: [purpose({ legalBasis: "CONSENT" })] };
    expect(gapsOf(content)).toEqual([]);
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
    const gap: Gap = { code: "purposeNameMissing", locale: "en", subject: "Klantcontact", row: 0 };
    const translate = createTranslator({ locale: "nl", messages: nl });
    const values = gapMessageValues(gap, { nl: translate("Completeness.locale.nl"), en: translate("Completeness.locale.en") });
    expect(translate(`Completeness.${gap.code}`, values)).toBe("Het doel “Klantcontact” heeft geen naam in het Engels.");
    expect(gapMessageValues({ code: "noPurposes" })).toEqual({ subject: "", detail: "", locale: "" });
    expect(gapMessageValues({ code: "cookiePurposeMissing", locale: "nl", subject: "_ga" }).locale).toBe("nl");
  });
});

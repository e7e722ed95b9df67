import { isInEea } from "@/lib/geo/countries";
import { legalBases, locales, type Controller, type Locale, type LocalizedText, type StatementContent } from "./content";

/**
 * The GDPR art. 13/14 completeness check: what a statement still lacks before it tells
 * people everything the law asks. A gap is reported per missing thing and, for texts,
 * per missing language, so the editor can point at the exact field.
 */

export const gapCodes = [
  "controllerLegalNameMissing",
  "controllerAddressMissing",
  "controllerCountryMissing",
  "controllerEmailMissing",
  "dpoEmailMissing",
  "leadAuthorityMissing",
  "noPurposes",
  "purposeNameMissing",
  "purposeDescriptionMissing",
  "purposeLegalBasisMissing",
  "legitimateInterestMissing",
  "purposeDataCategoriesMissing",
  "purposeDataCategoryUnknown",
  "provisionNoteMissing",
  "dataCategoryNameMissing",
  "noRecipients",
  "transferSafeguardMissing",
  "retentionMissing",
  "retentionPeriodMissing",
  "retentionCriteriaMissing",
  "sectionTitleMissing",
  "sectionBodyMissing",
  "cookiePurposeMissing",
] as const;
export type GapCode = (typeof gapCodes)[number];

/**
 * Art. 13(2)(b)-(d): the rights (including withdrawing consent) and the right to
 * complain to a supervisory authority. The public statement always prints these from
 * the product's own texts, so they can never be missing and are not checked.
 */
export const alwaysCovered = ["rights", "withdrawConsent", "complaint"] as const;

export interface Gap {
  code: GapCode;
  /** The language a text is missing in, for gaps about one language of a text. */
  locale?: Locale;
  /** The row the gap is in, as a person recognises it: a purpose's name, a recipient's name, a cookie's name. */
  subject?: string;
  /** Index of that row in its content array (purposes, recipients, ...), for linking to it. */
  row?: number;
  /** A further value the message names, e.g. the unknown data category key. */
  detail?: string;
}

export interface CompletenessInput {
  content: StatementContent;
  controller: Controller;
  /** The language subjects are named in; falls back to the other language when empty. Default nl. */
  subjectLocale?: Locale;
}

const isBlank = (text: string | null | undefined) => !text || text.trim() === "";

/** The locales in which a text is empty. */
const missingLocales = (text: LocalizedText): Locale[] => locales.filter((locale) => isBlank(text[locale]));

export function findGaps({ content, controller, subjectLocale = "nl" }: CompletenessInput): Gap[] {
  const gaps: Gap[] = [];
  const otherLocale: Locale = subjectLocale === "nl" ? "en" : "nl";
  const label = (text: LocalizedText, fallback: string) =>
    [text[subjectLocale], text[otherLocale], fallback].find((candidate) => !isBlank(candidate))!.trim();
  const perMissingLocale = (text: LocalizedText, gap: Omit<Gap, "locale">) => {
    for (const locale of missingLocales(text)) gaps.push({ ...gap, locale });
  };

  if (isBlank(controller.legalName)) gaps.push({ code: "controllerLegalNameMissing" });
  if (isBlank(controller.address)) gaps.push({ code: "controllerAddressMissing" });
  if (isBlank(controller.country)) gaps.push({ code: "controllerCountryMissing" });
  if (isBlank(controller.contactEmail)) gaps.push({ code: "controllerEmailMissing" });
  if (!isBlank(controller.dpoName) && isBlank(controller.dpoEmail)) {
    gaps.push({ code: "dpoEmailMissing", subject: controller.dpoName!.trim() });
  }
  if (isBlank(controller.leadAuthorityId)) gaps.push({ code: "leadAuthorityMissing" });

  const categoryByKey = new Map(content.dataCategories.map((category) => [category.key, category]));
  const categoryLabel = (key: string) => {
    const category = categoryByKey.get(key);
    return category ? label(category.name, key) : key;
  };

  content.dataCategories.forEach((category, row) => {
    perMissingLocale(category.name, { code: "dataCategoryNameMissing", subject: category.key, row });
  });

  if (content.purposes.length === 0) gaps.push({ code: "noPurposes" });
  content.purposes.forEach((purpose, row) => {
    const subject = label(purpose.name, `#${row + 1}`);
    perMissingLocale(purpose.name, { code: "purposeNameMissing", subject, row });
    perMissingLocale(purpose.description, { code: "purposeDescriptionMissing", subject, row });
    // The type demands a basis, but a draft is stored as loose JSON; check what is actually there.
    if (!(legalBases as readonly string[]).includes(purpose.legalBasis)) {
      gaps.push({ code: "purposeLegalBasisMissing", subject, row });
    } else if (purpose.legalBasis === "LEGITIMATE_INTEREST") {
      perMissingLocale(purpose.legitimateInterest, { code: "legitimateInterestMissing", subject, row });
    }
    if (purpose.dataCategoryKeys.length === 0) gaps.push({ code: "purposeDataCategoriesMissing", subject, row });
    for (const key of purpose.dataCategoryKeys) {
      if (!categoryByKey.has(key)) gaps.push({ code: "purposeDataCategoryUnknown", subject, row, detail: key });
    }
    if (purpose.provision === "STATUTORY" || purpose.provision === "CONTRACTUAL") {
      perMissingLocale(purpose.provisionNote, { code: "provisionNoteMissing", subject, row });
    }
  });

  if (content.recipients.length === 0) gaps.push({ code: "noRecipients" });
  content.recipients.forEach((recipient, row) => {
    if (recipient.country && !isInEea(recipient.country) && !recipient.safeguard) {
      gaps.push({ code: "transferSafeguardMissing", subject: recipient.name, row, detail: recipient.country });
    }
  });

  const categoriesWithRule = new Set(content.retention.map((rule) => rule.dataCategoryKey));
  const usedCategories = new Set(content.purposes.flatMap((purpose) => purpose.dataCategoryKeys));
  for (const key of usedCategories) {
    if (categoryByKey.has(key) && !categoriesWithRule.has(key)) {
      gaps.push({ code: "retentionMissing", subject: categoryLabel(key), detail: key });
    }
  }
  content.retention.forEach((rule, row) => {
    if (rule.periodValue !== null && rule.periodUnit !== null) return;
    const subject = categoryLabel(rule.dataCategoryKey);
    const missing = missingLocales(rule.criteria);
    if (missing.length === locales.length) gaps.push({ code: "retentionPeriodMissing", subject, row });
    else for (const locale of missing) gaps.push({ code: "retentionCriteriaMissing", locale, subject, row });
  });

  content.sections.forEach((section, row) => {
    const subject = label(section.title, `#${row + 1}`);
    perMissingLocale(section.title, { code: "sectionTitleMissing", subject, row });
    perMissingLocale(section.body, { code: "sectionBodyMissing", subject, row });
  });

  content.cookies.forEach((cookie, row) => {
    perMissingLocale(cookie.purpose, { code: "cookiePurposeMissing", subject: cookie.name, row });
  });

  return gaps;
}

/**
 * The values for the gap's message (messages key `Completeness.<code>`). Every
 * placeholder gets a value, empty when the gap has none. `languageNames` names the
 * locales in the reader's language (`Completeness.locale.nl` / `.en`); without it the
 * locale code is used.
 */
export function gapMessageValues(gap: Gap, languageNames?: Record<Locale, string>): Record<string, string> {
  return {
    subject: gap.subject ?? "",
    detail: gap.detail ?? "",
    locale: gap.locale ? (languageNames?.[gap.locale] ?? gap.locale) : "",
  };
}

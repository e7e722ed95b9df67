import { isInEea } from "@/lib/geo/countries";
import { copyableSafeguards, transferProblem } from "./adequacy";
import {
  legalBases,
  listState,
  locales,
  type Controller,
  type DataOrigin,
  type Locale,
  type LocalizedText,
  type StatementContent,
} from "./content";
import { printedByInzage, subjectRights, type PrintedByInzage } from "./rights";

/**
 * The GDPR art. 13/14 completeness check: what a statement still lacks before it tells
 * people everything the law asks. A gap is reported per missing thing and, for texts,
 * per missing language, so the editor can point at the exact field. Each gap names the
 * items of arts. 13 and 14 it fails (`items`); gaps that fail no item (a section without
 * a title, a cookie without a purpose) are advice.
 *
 * Art. 13 applies to data obtained from the person, art. 14 to data obtained elsewhere.
 * Which applies follows each data category's origin; a category whose origin is not
 * stated counts for both, and for a statement without categories both apply.
 */

type Article = 13 | 14;

/** Every item of arts. 13(1), 13(2), 14(1) and 14(2): 25 in all. */
export const gdprItems = [
  { id: "13.1.a", article: "13(1)(a)", what: "identity and contact details of the controller and, where applicable, of its representative" },
  { id: "13.1.b", article: "13(1)(b)", what: "contact details of the data protection officer, where applicable" },
  { id: "13.1.c", article: "13(1)(c)", what: "purposes of the processing and their legal basis" },
  { id: "13.1.d", article: "13(1)(d)", what: "the legitimate interests pursued, where the basis is art. 6(1)(f)" },
  { id: "13.1.e", article: "13(1)(e)", what: "recipients or categories of recipients" },
  { id: "13.1.f", article: "13(1)(f)", what: "transfers to a third country: adequacy decision or safeguards and how to obtain a copy" },
  { id: "13.2.a", article: "13(2)(a)", what: "storage period or the criteria that determine it" },
  { id: "13.2.b", article: "13(2)(b)", what: "rights of access, rectification, erasure, restriction, objection and portability" },
  { id: "13.2.c", article: "13(2)(c)", what: "right to withdraw consent, where the basis is consent" },
  { id: "13.2.d", article: "13(2)(d)", what: "right to lodge a complaint with a supervisory authority" },
  { id: "13.2.e", article: "13(2)(e)", what: "whether providing the data is a statutory or contractual requirement, and the consequences of not providing it" },
  { id: "13.2.f", article: "13(2)(f)", what: "automated decision-making including profiling, its logic and consequences" },
  { id: "14.1.a", article: "14(1)(a)", what: "identity and contact details of the controller and, where applicable, of its representative" },
  { id: "14.1.b", article: "14(1)(b)", what: "contact details of the data protection officer, where applicable" },
  { id: "14.1.c", article: "14(1)(c)", what: "purposes of the processing and their legal basis" },
  { id: "14.1.d", article: "14(1)(d)", what: "the categories of personal data concerned" },
  { id: "14.1.e", article: "14(1)(e)", what: "recipients or categories of recipients" },
  { id: "14.1.f", article: "14(1)(f)", what: "transfers to a third country: adequacy decision or safeguards and how to obtain a copy" },
  { id: "14.2.a", article: "14(2)(a)", what: "storage period or the criteria that determine it" },
  { id: "14.2.b", article: "14(2)(b)", what: "the legitimate interests pursued, where the basis is art. 6(1)(f)" },
  { id: "14.2.c", article: "14(2)(c)", what: "rights of access, rectification, erasure, restriction, objection and portability" },
  { id: "14.2.d", article: "14(2)(d)", what: "right to withdraw consent, where the basis is consent" },
  { id: "14.2.e", article: "14(2)(e)", what: "right to lodge a complaint with a supervisory authority" },
  { id: "14.2.f", article: "14(2)(f)", what: "the source of the data and whether it came from publicly accessible sources" },
  { id: "14.2.g", article: "14(2)(g)", what: "automated decision-making including profiling, its logic and consequences" },
] as const;
export type ItemId = (typeof gdprItems)[number]["id"];

/** The same information asked by art. 13 and by art. 14: the item of each, where it has one. */
const itemGroups = {
  controller: { 13: "13.1.a", 14: "14.1.a" },
  dpo: { 13: "13.1.b", 14: "14.1.b" },
  purposes: { 13: "13.1.c", 14: "14.1.c" },
  legitimateInterest: { 13: "13.1.d", 14: "14.2.b" },
  recipients: { 13: "13.1.e", 14: "14.1.e" },
  transfers: { 13: "13.1.f", 14: "14.1.f" },
  retention: { 13: "13.2.a", 14: "14.2.a" },
  rights: { 13: "13.2.b", 14: "14.2.c" },
  withdrawConsent: { 13: "13.2.c", 14: "14.2.d" },
  complaint: { 13: "13.2.d", 14: "14.2.e" },
  provision: { 13: "13.2.e" },
  automatedDecisions: { 13: "13.2.f", 14: "14.2.g" },
  categories: { 14: "14.1.d" },
  source: { 14: "14.2.f" },
} as const satisfies Record<string, Partial<Record<Article, ItemId>>>;
type ItemGroup = keyof typeof itemGroups;

export const gapCodes = [
  "controllerLegalNameMissing",
  "controllerAddressMissing",
  "controllerCountryMissing",
  "controllerEmailMissing",
  "representativeMissing",
  "dpoNotStated",
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
  "sourceNotStated",
  "sourceMissing",
  "publicSourceNotStated",
  "recipientsNotStated",
  "placeholderRecipient",
  "recipientCountryUnknown",
  "transferSafeguardMissing",
  "transferSafeguardUnfit",
  "safeguardCopyMissing",
  "retentionMissing",
  "retentionPeriodMissing",
  "retentionCriteriaMissing",
  "retentionVague",
  "retentionDuplicate",
  "rightsMissing",
  "withdrawConsentMissing",
  "complaintMissing",
  "automatedDecisionsNotStated",
  "automatedDecisionLogicMissing",
  "automatedDecisionConsequencesMissing",
  "cookiesNotStated",
  "cookiePurposeMissing",
  "sectionTitleMissing",
  "sectionBodyMissing",
  "duplicateHeading",
] as const;
export type GapCode = (typeof gapCodes)[number];

/** The sample recipient of Inzage's template; a statement that still lists it names nobody real. */
export const placeholderRecipientName = "Hostingprovider / hosting provider";

/**
 * Retention "criteria" that decide nothing: a reference to internal rules, or "as long as
 * necessary" (art. 13(2)(a); the Article 29 Working Party's transparency guidelines,
 * WP260 rev.01, say a generic "as long as necessary" is not enough). Only flagged where
 * no period is given.
 */
const vagueRetention = [
  /intern\w*\s+(richtlijn|beleid|regel|afspra)/i,
  /internal\s+(guideline|polic|rule)/i,
  /zo\s*lang\s+(als\s+)?(nodig|noodzakelijk)/i,
  /as\s+long\s+as\s+(is\s+)?(necessary|needed|required)/i,
];

export interface Gap {
  code: GapCode;
  /** The items of arts. 13/14 this gap fails; empty for advice. */
  items: ItemId[];
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
  /** The headings of the page's own blocks per language (`blockHeadings()`), so a section cannot repeat one. */
  headings?: Record<Locale, readonly string[]>;
  /** What the page prints from Inzage's own texts; the default is what the public statement prints. */
  printed?: PrintedByInzage;
}

const isBlank = (text: string | null | undefined) => !text || text.trim() === "";

/** The locales in which a text is empty. */
const missingLocales = (text: LocalizedText): Locale[] => locales.filter((locale) => isBlank(text[locale]));

const originArticles = (origin: DataOrigin | null | undefined): Article[] =>
  origin === "SUBJECT" ? [13] : origin === "OTHER" ? [14] : [13, 14];

export function findGaps({ content, controller, subjectLocale = "nl", headings, printed }: CompletenessInput): Gap[] {
  const gaps: Gap[] = [];
  const otherLocale: Locale = subjectLocale === "nl" ? "en" : "nl";
  const label = (text: LocalizedText, fallback: string) =>
    [text[subjectLocale], text[otherLocale], fallback].find((candidate) => !isBlank(candidate))!.trim();

  const categoryByKey = new Map(content.dataCategories.map((category) => [category.key, category]));
  const categoryLabel = (key: string) => {
    const category = categoryByKey.get(key);
    return category ? label(category.name, key) : key;
  };
  /** The articles that apply to the statement as a whole. */
  const statementArticles: Article[] =
    content.dataCategories.length === 0
      ? [13, 14]
      : ([13, 14] as const).filter((article) => content.dataCategories.some((c) => originArticles(c.origin).includes(article)));
  /** The articles that apply to data of these categories; unknown or none: the statement's. */
  const keysArticles = (keys: readonly string[]): Article[] => {
    const known = keys.map((key) => categoryByKey.get(key)).filter((c) => c !== undefined);
    if (known.length === 0) return statementArticles;
    return ([13, 14] as const).filter((article) => known.some((c) => originArticles(c.origin).includes(article)));
  };
  const itemsOf = (group: ItemGroup, articles: readonly Article[] = statementArticles): ItemId[] => {
    const items = itemGroups[group] as Partial<Record<Article, ItemId>>;
    return articles.map((article) => items[article]).filter((item): item is ItemId => item !== undefined);
  };
  const add = (code: GapCode, items: ItemId[], extra: Omit<Gap, "code" | "items"> = {}) => gaps.push({ code, items, ...extra });
  const perMissingLocale = (text: LocalizedText, code: GapCode, items: ItemId[], extra: Omit<Gap, "code" | "items" | "locale"> = {}) => {
    for (const locale of missingLocales(text)) add(code, items, { ...extra, locale });
  };
  const { declarations } = content;

  // Art. 13(1)(a), 14(1)(a): the controller, and its representative in the Union (art. 27).
  const controllerItems = itemsOf("controller");
  if (isBlank(controller.legalName)) add("controllerLegalNameMissing", controllerItems);
  if (isBlank(controller.address)) add("controllerAddressMissing", controllerItems);
  if (isBlank(controller.country)) add("controllerCountryMissing", controllerItems);
  if (isBlank(controller.contactEmail)) add("controllerEmailMissing", controllerItems);
  if (!isBlank(controller.country) && !isInEea(controller.country) && (isBlank(declarations.representativeName) || isBlank(declarations.representativeContact))) {
    add("representativeMissing", controllerItems, { detail: controller.country });
  }

  // Art. 13(1)(b), 14(1)(b): a DPO's contact details, or the declaration that there is none.
  if (!isBlank(controller.dpoName) && isBlank(controller.dpoEmail)) {
    add("dpoEmailMissing", itemsOf("dpo"), { subject: controller.dpoName!.trim() });
  } else if (isBlank(controller.dpoEmail) && !declarations.noDpo) {
    add("dpoNotStated", itemsOf("dpo"));
  }
  // Naming a lead authority is no item of arts. 13/14 (the right to complain is); only an EEA establishment has one (art. 56).
  if (isBlank(controller.leadAuthorityId) && !isBlank(controller.country) && isInEea(controller.country)) add("leadAuthorityMissing", []);

  // Art. 14(1)(d) and 14(2)(f): the categories of data obtained elsewhere, and their source.
  content.dataCategories.forEach((category, row) => {
    const articles = originArticles(category.origin);
    perMissingLocale(category.name, "dataCategoryNameMissing", articles.includes(14) ? itemsOf("categories", [14]) : [], { subject: category.key, row });
    const subject = label(category.name, category.key);
    if (!category.origin) {
      add("sourceNotStated", itemsOf("source", [14]), { subject, row });
    } else if (category.origin !== "SUBJECT") {
      perMissingLocale(category.source, "sourceMissing", itemsOf("source", [14]), { subject, row });
      if (category.publiclyAccessible === null || category.publiclyAccessible === undefined) {
        add("publicSourceNotStated", itemsOf("source", [14]), { subject, row });
      }
    }
  });

  // Art. 13(1)(c)-(d), 13(2)(e), 14(1)(c), 14(2)(b): purposes, bases, interests, whether the data is required.
  if (content.purposes.length === 0) add("noPurposes", itemsOf("purposes"));
  content.purposes.forEach((purpose, row) => {
    const subject = label(purpose.name, `#${row + 1}`);
    const articles = keysArticles(purpose.dataCategoryKeys);
    const items = itemsOf("purposes", articles);
    perMissingLocale(purpose.name, "purposeNameMissing", items, { subject, row });
    perMissingLocale(purpose.description, "purposeDescriptionMissing", items, { subject, row });
    // The type demands a basis, but a draft is stored as loose JSON; check what is actually there.
    if (!(legalBases as readonly string[]).includes(purpose.legalBasis)) {
      add("purposeLegalBasisMissing", items, { subject, row });
    } else if (purpose.legalBasis === "LEGITIMATE_INTEREST") {
      perMissingLocale(purpose.legitimateInterest, "legitimateInterestMissing", itemsOf("legitimateInterest", articles), { subject, row });
    }
    if (purpose.dataCategoryKeys.length === 0) add("purposeDataCategoriesMissing", itemsOf("categories"), { subject, row });
    for (const key of purpose.dataCategoryKeys) {
      if (!categoryByKey.has(key)) add("purposeDataCategoryUnknown", itemsOf("categories"), { subject, row, detail: key });
    }
    if (purpose.provision === "STATUTORY" || purpose.provision === "CONTRACTUAL") {
      perMissingLocale(purpose.provisionNote, "provisionNoteMissing", itemsOf("provision", articles), { subject, row });
    }
  });

  // Art. 13(1)(e), 14(1)(e): recipients, or the declaration that there are none.
  if (listState(content.recipients, declarations.noRecipients) === "NOT_STATED") add("recipientsNotStated", itemsOf("recipients"));
  // Art. 13(1)(f), 14(1)(f): where each recipient's data goes, and a safeguard that fits that country.
  const transferItems = itemsOf("transfers");
  let copyNeeded = false;
  content.recipients.forEach((recipient, row) => {
    if (recipient.name.trim() === placeholderRecipientName) add("placeholderRecipient", itemsOf("recipients"), { subject: recipient.name, row });
    const problem = transferProblem(recipient);
    const extra = { subject: recipient.name, row, detail: recipient.country ?? "" };
    if (problem === "countryUnknown") add("recipientCountryUnknown", transferItems, extra);
    if (problem === "safeguardMissing") add("transferSafeguardMissing", transferItems, extra);
    if (problem === "safeguardUnfit") add("transferSafeguardUnfit", transferItems, extra);
    if (recipient.safeguard && copyableSafeguards.has(recipient.safeguard) && problem === null) copyNeeded = true;
  });
  if (copyNeeded) perMissingLocale(declarations.safeguardCopy, "safeguardCopyMissing", transferItems);

  // Art. 13(2)(a), 14(2)(a): a period or real criteria for every category a purpose uses, and one rule per category.
  const rulesPerCategory = new Map<string, number>();
  for (const rule of content.retention) rulesPerCategory.set(rule.dataCategoryKey, (rulesPerCategory.get(rule.dataCategoryKey) ?? 0) + 1);
  const usedCategories = new Set(content.purposes.flatMap((purpose) => purpose.dataCategoryKeys));
  for (const key of usedCategories) {
    if (categoryByKey.has(key) && !rulesPerCategory.has(key)) {
      add("retentionMissing", itemsOf("retention", keysArticles([key])), { subject: categoryLabel(key), detail: key });
    }
  }
  const reported = new Set<string>();
  content.retention.forEach((rule, row) => {
    const subject = categoryLabel(rule.dataCategoryKey);
    const items = itemsOf("retention", keysArticles([rule.dataCategoryKey]));
    if ((rulesPerCategory.get(rule.dataCategoryKey) ?? 0) > 1 && !reported.has(rule.dataCategoryKey)) {
      reported.add(rule.dataCategoryKey);
      add("retentionDuplicate", items, { subject, row });
    }
    if (rule.periodValue !== null && rule.periodUnit !== null) return;
    const missing = missingLocales(rule.criteria);
    if (missing.length === locales.length) add("retentionPeriodMissing", items, { subject, row });
    else for (const locale of missing) add("retentionCriteriaMissing", items, { locale, subject, row });
    for (const locale of locales) {
      if (vagueRetention.some((pattern) => pattern.test(rule.criteria[locale]))) add("retentionVague", items, { locale, subject, row });
    }
  });

  // Art. 13(2)(b)-(d), 14(2)(c)-(e): printed from Inzage's own texts; checked against what the page prints.
  const shown = printed ?? printedByInzage(content);
  if (!subjectRights.every((right) => shown.rights.includes(right))) add("rightsMissing", itemsOf("rights"));
  const consentPurposes = content.purposes.filter((purpose) => purpose.legalBasis === "CONSENT");
  if (consentPurposes.length > 0 && !shown.rights.includes("withdrawConsent")) {
    add("withdrawConsentMissing", itemsOf("withdrawConsent", keysArticles(consentPurposes.flatMap((p) => p.dataCategoryKeys))));
  }
  if (!shown.complaint) add("complaintMissing", itemsOf("complaint"));

  // Art. 13(2)(f), 14(2)(g): automated decisions, "none" being an answer.
  const decisionItems = itemsOf("automatedDecisions");
  if (declarations.automatedDecisions === "NOT_STATED") add("automatedDecisionsNotStated", decisionItems);
  if (declarations.automatedDecisions === "DESCRIBED") {
    perMissingLocale(declarations.automatedDecisionLogic, "automatedDecisionLogicMissing", decisionItems);
    perMissingLocale(declarations.automatedDecisionConsequences, "automatedDecisionConsequencesMissing", decisionItems);
  }

  // Advice: cookies (ePrivacy art. 5(3), not arts. 13/14) and the free sections.
  if (listState(content.cookies, declarations.noCookies) === "NOT_STATED") add("cookiesNotStated", []);
  content.cookies.forEach((cookie, row) => {
    perMissingLocale(cookie.purpose, "cookiePurposeMissing", [], { subject: cookie.name, row });
  });
  content.sections.forEach((section, row) => {
    const subject = label(section.title, `#${row + 1}`);
    perMissingLocale(section.title, "sectionTitleMissing", [], { subject, row });
    perMissingLocale(section.body, "sectionBodyMissing", [], { subject, row });
  });
  for (const locale of locales) {
    const seen = new Set((headings?.[locale] ?? []).map((heading) => heading.trim().toLowerCase()));
    content.sections.forEach((section, row) => {
      const title = section.title[locale].trim().toLowerCase();
      if (title === "") return;
      if (seen.has(title)) add("duplicateHeading", [], { locale, subject: section.title[locale].trim(), row });
      seen.add(title);
    });
  }

  return gaps;
}

/** The items of arts. 13/14 a list of gaps fails, in the order of the table. */
export function failedItems(gaps: readonly Gap[]): ItemId[] {
  const failed = new Set(gaps.flatMap((gap) => gap.items));
  return gdprItems.map((item) => item.id).filter((id) => failed.has(id));
}

/** An item's article as people cite it, e.g. "13(1)(a)". */
export const itemArticle = (id: ItemId): string => gdprItems.find((item) => item.id === id)!.article;

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

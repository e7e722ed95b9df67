import { z } from "zod";

/**
 * The editable content of one statement version, as plain data: what the seed, the
 * template, the editor and the database layer exchange. Every text a visitor reads
 * exists in both locales.
 */

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];

export const localizedText = z.object({ nl: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;

export const emptyText = (): LocalizedText => ({ nl: "", en: "" });

export const sectionPlacements = ["INTRO", "DATA", "RECIPIENTS", "RETENTION", "COOKIES", "RIGHTS", "END"] as const;
export const legalBases = [
  "CONTRACT",
  "LEGITIMATE_INTEREST",
  "CONSENT",
  "LEGAL_OBLIGATION",
  "VITAL_INTEREST",
  "PUBLIC_TASK",
] as const;
export type LegalBasisCode = (typeof legalBases)[number];
export const provisionRequirements = ["STATUTORY", "CONTRACTUAL", "VOLUNTARY"] as const;
export const recipientRoles = ["PROCESSOR", "CONTROLLER", "JOINT_CONTROLLER", "PUBLIC_AUTHORITY", "OTHER"] as const;
export const transferSafeguards = [
  "ADEQUACY_DECISION",
  "DATA_PRIVACY_FRAMEWORK",
  "STANDARD_CONTRACTUAL_CLAUSES",
  "BINDING_CORPORATE_RULES",
  "DEROGATION",
] as const;
export const cookieCategories = ["STRICTLY_NECESSARY", "FUNCTIONAL", "ANALYTICS", "MARKETING"] as const;
export const durationUnits = ["SESSION", "MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS", "YEARS"] as const;
export type DurationUnit = (typeof durationUnits)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/);
/** A row's identity across edits and versions; assigned when a row is first stored. */
const rowUid = z.string().min(1).max(64).optional();
const categoryKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** A free-text section; body is markdown. It is shown after the structured block named by placement. */
export const sectionSchema = z.object({
  uid: rowUid,
  placement: z.enum(sectionPlacements),
  title: localizedText,
  body: localizedText,
});

/**
 * Where a category's data comes from: from the person (art. 13 applies), from elsewhere
 * (art. 14), or both. null: the statement does not say, which the completeness check flags
 * (art. 14(2)(f)) and the page shows as "not stated", never as "from you".
 */
export const dataOrigins = ["SUBJECT", "OTHER", "BOTH"] as const;
export type DataOrigin = (typeof dataOrigins)[number];

export const dataCategorySchema = z.object({
  uid: rowUid,
  key: categoryKey,
  name: localizedText,
  description: localizedText,
  origin: z.enum(dataOrigins).nullable().default(null),
  /** The source when the data does not (only) come from the person (GDPR art. 14(2)(f)). */
  source: localizedText,
  /** Whether that source is publicly accessible (art. 14(2)(f)); null when not stated. */
  publiclyAccessible: z.boolean().nullable().default(null),
});

export const purposeSchema = z.object({
  uid: rowUid,
  name: localizedText,
  description: localizedText,
  legalBasis: z.enum(legalBases),
  /** The interest pursued; required when legalBasis is LEGITIMATE_INTEREST. */
  legitimateInterest: localizedText,
  dataCategoryKeys: z.array(categoryKey),
  /** Whether providing the data is a legal or contractual requirement (art. 13(2)(e)). */
  provision: z.enum(provisionRequirements),
  /** What happens when the person does not provide the data. */
  provisionNote: localizedText,
});

export const recipientSchema = z.object({
  uid: rowUid,
  name: z.string().min(1),
  role: z.enum(recipientRoles),
  purpose: localizedText,
  dataShared: localizedText,
  /** ISO 3166-1 alpha-2 code of where the data goes; null when it varies or is unknown. */
  country: countryCode.nullable(),
  /** Required when country lies outside the EEA. */
  safeguard: z.enum(transferSafeguards).nullable(),
  policyUrl: z.string().url().nullable(),
});

export const cookieSchema = z.object({
  uid: rowUid,
  name: z.string().min(1),
  provider: z.string().min(1),
  purpose: localizedText,
  category: z.enum(cookieCategories),
  /** null with unit SESSION. */
  lifetimeValue: z.number().int().positive().nullable(),
  lifetimeUnit: z.enum(durationUnits),
});

export const retentionRuleSchema = z.object({
  uid: rowUid,
  dataCategoryKey: categoryKey,
  periodValue: z.number().int().positive().nullable(),
  periodUnit: z.enum(durationUnits).nullable(),
  /** When the period starts, or the criteria used where no fixed period applies. */
  criteria: localizedText,
});

/** Automated decision-making, including profiling (art. 13(2)(f), 14(2)(g)): declared absent, described, or not stated. */
export const automatedDecisionStates = ["NOT_STATED", "NONE", "DESCRIBED"] as const;

/**
 * What the tenant declares outright, beside the lists. An empty list says nothing: "we
 * place no cookies", "we share data with nobody" and "we have no data protection
 * officer" are printed only when declared here. A list with rows wins over its "none".
 */
export const declarationsSchema = z.object({
  noCookies: z.boolean().default(false),
  noRecipients: z.boolean().default(false),
  /** The controller has appointed no DPO (art. 37 does not require one); the DPO's details come from the company. */
  noDpo: z.boolean().default(false),
  /** The tenant promises to announce material changes before they take effect. */
  announcesChanges: z.boolean().default(false),
  automatedDecisions: z.enum(automatedDecisionStates).default("NOT_STATED"),
  /** The logic involved (art. 13(2)(f)), when described. */
  automatedDecisionLogic: localizedText.default({ nl: "", en: "" }),
  /** Its significance and envisaged consequences for the person, when described. */
  automatedDecisionConsequences: localizedText.default({ nl: "", en: "" }),
  /** The representative in the Union (art. 27), for a controller established outside the EEA. */
  representativeName: z.string().default(""),
  representativeContact: z.string().default(""),
  /** How to obtain a copy of the art. 46/47 safeguards, or where they are available (art. 13(1)(f)). */
  safeguardCopy: localizedText.default({ nl: "", en: "" }),
});
export type Declarations = z.infer<typeof declarationsSchema>;
export const emptyDeclarations = (): Declarations => declarationsSchema.parse({});

export const statementContentSchema = z.object({
  declarations: declarationsSchema.default(emptyDeclarations),
  sections: z.array(sectionSchema),
  dataCategories: z.array(dataCategorySchema),
  purposes: z.array(purposeSchema),
  recipients: z.array(recipientSchema),
  cookies: z.array(cookieSchema),
  retention: z.array(retentionRuleSchema),
});

export type StatementContent = z.infer<typeof statementContentSchema>;
export type StatementSection = z.infer<typeof sectionSchema>;
export type DataCategoryContent = z.infer<typeof dataCategorySchema>;
export type PurposeContent = z.infer<typeof purposeSchema>;
export type RecipientContent = z.infer<typeof recipientSchema>;
export type CookieContent = z.infer<typeof cookieSchema>;
export type RetentionRuleContent = z.infer<typeof retentionRuleSchema>;

/** A list the statement may fill, declare empty, or leave unsaid. */
export type ListState = "LISTED" | "NONE" | "NOT_STATED";
export const listState = (rows: readonly unknown[], declaredNone: boolean): ListState =>
  rows.length > 0 ? "LISTED" : declaredNone ? "NONE" : "NOT_STATED";

/** The controller as the statement names it; taken from the tenant and frozen into each published version. */
export const controllerSchema = z.object({
  name: z.string().min(1),
  legalName: z.string().min(1),
  address: z.string().min(1),
  country: countryCode,
  registrationNumber: z.string().nullable(),
  contactEmail: z.string().email(),
  phone: z.string().nullable(),
  website: z.string().url().nullable(),
  dpoName: z.string().nullable(),
  dpoEmail: z.string().email().nullable(),
  leadAuthorityId: z.string().nullable(),
});
export type Controller = z.infer<typeof controllerSchema>;

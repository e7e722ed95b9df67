import { z } from "zod";
import { authorityById } from "@/lib/authorities/data";
import { countryName, isInEea } from "@/lib/geo/countries";
import { translator } from "@/lib/i18n/messages";
import {
  automatedDecisionStates,
  cookieCategories,
  dataOrigins,
  durationUnits,
  listState,
  legalBases,
  provisionRequirements,
  recipientRoles,
  sectionPlacements,
  transferSafeguards,
  type Controller,
  type DurationUnit,
  type Locale,
  type LocalizedText,
  type StatementContent,
} from "./content";
import { retentionDuration } from "./iso-duration";
import { renderMarkdown } from "./markdown";
import { printedByInzage, rightCodes } from "./rights";

export { rightCodes };

/**
 * The published statement in one language: what the public page renders and what
 * /api/t/{slug}/policy returns. Its shape is stable; docs/policy.schema.json is
 * generated from publicStatementSchema.
 */

const coded = <T extends readonly [string, ...string[]]>(codes: T) => z.object({ code: z.enum(codes), label: z.string() });
const country = z.object({ code: z.string(), name: z.string() });

const listStates = z.enum(["LISTED", "NONE", "NOT_STATED"]);
/** A row's id: the same for the row in every version that keeps it (its uid; see rowId). */
const rowIdField = z.string().describe("stable id: the same for this row in every published version that keeps it");

export const publicStatementSchema = z.object({
  schemaVersion: z.literal(1),
  locale: z.enum(["nl", "en"]),
  tenant: z.object({ slug: z.string(), name: z.string() }),
  version: z.object({
    number: z.number().int().positive(),
    publishedAt: z.string().describe("ISO 8601 timestamp"),
    latestNumber: z.number().int().positive(),
    superseded: z.boolean(),
    materialChange: z.boolean(),
    changeSummary: z.string(),
  }),
  controller: z.object({
    name: z.string(),
    legalName: z.string(),
    address: z.string(),
    country,
    registrationNumber: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    dpo: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  }),
  declarations: z
    .object({
      cookies: listStates.describe("LISTED: see cookies; NONE: the controller declares it places none; NOT_STATED: the statement does not say"),
      recipients: listStates,
      dpo: z.enum(["APPOINTED", "NONE", "NOT_STATED"]),
      announcesChanges: z.boolean().describe("the controller promises to announce material changes before they take effect"),
      automatedDecisions: z.object({
        status: z.enum(automatedDecisionStates),
        logic: z.string(),
        consequences: z.string(),
      }),
      representative: z.object({ name: z.string(), contact: z.string() }).nullable().describe("the representative in the Union (art. 27)"),
      safeguardCopy: z.string().describe("how to obtain a copy of the transfer safeguards; empty when not stated"),
    })
    .describe("what the statement declares outright; an empty list alone declares nothing"),
  leadAuthority: z
    .object({
      id: z.string(),
      name: z.string(),
      localName: z.string().describe("the authority's name in its own language"),
      acronym: z.string().nullable(),
      country,
      website: z.string(),
      complaintUrl: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  sections: z.array(
    z.object({
      id: rowIdField,
      placement: z.enum(sectionPlacements),
      title: z.string(),
      markdown: z.string(),
      html: z.string().describe("sanitised HTML rendered from markdown"),
    }),
  ),
  dataCategories: z.array(
    z.object({
      id: rowIdField,
      key: z.string(),
      name: z.string(),
      description: z.string(),
      origin: z.enum(dataOrigins).nullable().describe("null: the statement does not say where the data comes from"),
      source: z.string(),
      publiclyAccessible: z.boolean().nullable(),
    }),
  ),
  purposes: z.array(
    z.object({
      id: rowIdField,
      name: z.string(),
      description: z.string(),
      legalBasis: coded(legalBases),
      legitimateInterest: z.string().nullable(),
      dataCategories: z.array(z.object({ key: z.string(), name: z.string() })),
      provision: coded(provisionRequirements),
      provisionNote: z.string(),
    }),
  ),
  recipients: z.array(
    z.object({
      id: rowIdField,
      name: z.string(),
      role: coded(recipientRoles),
      purpose: z.string(),
      dataShared: z.string(),
      country: country.nullable(),
      outsideEea: z.boolean(),
      safeguard: coded(transferSafeguards).nullable(),
      policyUrl: z.string().nullable(),
    }),
  ),
  cookies: z.array(
    z.object({
      name: z.string(),
      provider: z.string(),
      purpose: z.string(),
      category: coded(cookieCategories),
      lifetime: z.object({ value: z.number().nullable(), unit: z.enum(durationUnits), label: z.string() }),
    }),
  ),
  retention: z.array(
    z.object({
      dataCategory: z.object({ key: z.string(), name: z.string() }),
      period: z.object({ value: z.number(), unit: z.enum(durationUnits), label: z.string() }).nullable(),
      criteria: z.string(),
      isoDuration: z
        .string()
        .nullable()
        .describe("the period as an ISO 8601 duration (P7Y, P18M, P90D, PT24H) where the rule states one fixed period; null otherwise"),
    }),
  ),
  rights: z.array(z.object({ code: z.enum(rightCodes), title: z.string(), description: z.string() })),
});

export type PublicStatement = z.infer<typeof publicStatementSchema>;

export interface StatementSource {
  tenant: { slug: string; name: string };
  version: {
    number: number;
    publishedAt: Date;
    materialChange: boolean;
    changeSummary: LocalizedText;
  };
  latestNumber: number;
  controller: Controller;
  content: StatementContent;
}

/**
 * A row's public id: its uid, which the database gives each row when first stored and a
 * new draft copies from the version before (loadOrCreateDraft), so it survives editing and
 * publishing. Content that was never stored (tests, a template) has none; its position
 * stands in.
 */
function rowId(row: { uid?: string }, index: number): string {
  return row.uid ?? String(index + 1);
}

export function durationLabel(locale: Locale, value: number | null, unit: DurationUnit): string {
  return translator(locale)(`Enums.duration.${unit}`, { value: value ?? 0 });
}

export function buildPublicStatement(source: StatementSource, locale: Locale): PublicStatement {
  const t = translator(locale);
  const pick = (text: LocalizedText) => text[locale];
  const { content, controller } = source;
  const categoryName = new Map(content.dataCategories.map((c) => [c.key, pick(c.name)]));
  const categoryRef = (key: string) => ({ key, name: categoryName.get(key) ?? key });
  const countryRef = (code: string) => ({ code, name: countryName(code, locale) });
  const authority = controller.leadAuthorityId ? authorityById(controller.leadAuthorityId) : undefined;
  const { declarations } = content;
  const representative = declarations.representativeName.trim()
    ? { name: declarations.representativeName.trim(), contact: declarations.representativeContact.trim() }
    : null;

  return {
    schemaVersion: 1,
    locale,
    tenant: source.tenant,
    version: {
      number: source.version.number,
      publishedAt: source.version.publishedAt.toISOString(),
      latestNumber: source.latestNumber,
      superseded: source.version.number < source.latestNumber,
      materialChange: source.version.materialChange,
      changeSummary: pick(source.version.changeSummary),
    },
    controller: {
      name: controller.name,
      legalName: controller.legalName,
      address: controller.address,
      country: countryRef(controller.country),
      registrationNumber: controller.registrationNumber,
      email: controller.contactEmail,
      phone: controller.phone,
      website: controller.website,
      dpo: controller.dpoEmail ? { name: controller.dpoName, email: controller.dpoEmail } : null,
    },
    declarations: {
      cookies: listState(content.cookies, declarations.noCookies),
      recipients: listState(content.recipients, declarations.noRecipients),
      dpo: controller.dpoEmail ? "APPOINTED" : declarations.noDpo ? "NONE" : "NOT_STATED",
      announcesChanges: declarations.announcesChanges,
      automatedDecisions: {
        status: declarations.automatedDecisions,
        logic: declarations.automatedDecisions === "DESCRIBED" ? pick(declarations.automatedDecisionLogic) : "",
        consequences: declarations.automatedDecisions === "DESCRIBED" ? pick(declarations.automatedDecisionConsequences) : "",
      },
      representative,
      safeguardCopy: pick(declarations.safeguardCopy),
    },
    leadAuthority: authority
      ? {
          id: authority.id,
          name: locale === "en" ? authority.name.en : authority.name.local,
          localName: authority.name.local,
          acronym: authority.acronym,
          country: countryRef(authority.country),
          website: authority.website,
          complaintUrl: authority.complaintUrl,
          email: authority.email,
          phone: authority.phone,
          address: authority.address,
        }
      : null,
    sections: content.sections.map((s, index) => ({
      id: rowId(s, index),
      placement: s.placement,
      title: pick(s.title),
      markdown: pick(s.body),
      html: renderMarkdown(pick(s.body)),
    })),
    dataCategories: content.dataCategories.map((c, index) => ({
      id: rowId(c, index),
      key: c.key,
      name: pick(c.name),
      description: pick(c.description),
      origin: c.origin,
      source: c.origin && c.origin !== "SUBJECT" ? pick(c.source) : "",
      publiclyAccessible: c.origin && c.origin !== "SUBJECT" ? c.publiclyAccessible : null,
    })),
    purposes: content.purposes.map((p, index) => ({
      id: rowId(p, index),
      name: pick(p.name),
      description: pick(p.description),
      legalBasis: { code: p.legalBasis, label: t(`Enums.legalBasis.${p.legalBasis}`) },
      legitimateInterest: p.legalBasis === "LEGITIMATE_INTEREST" ? pick(p.legitimateInterest) : null,
      dataCategories: p.dataCategoryKeys.map(categoryRef),
      provision: { code: p.provision, label: t(`Enums.provision.${p.provision}`) },
      provisionNote: pick(p.provisionNote),
    })),
    recipients: content.recipients.map((r, index) => ({
      id: rowId(r, index),
      name: r.name,
      role: { code: r.role, label: t(`Enums.recipientRole.${r.role}`) },
      purpose: pick(r.purpose),
      dataShared: pick(r.dataShared),
      country: r.country ? countryRef(r.country) : null,
      outsideEea: r.country ? !isInEea(r.country) : false,
      safeguard: r.safeguard ? { code: r.safeguard, label: t(`Enums.safeguard.${r.safeguard}`) } : null,
      policyUrl: r.policyUrl,
    })),
    cookies: content.cookies.map((c) => ({
      name: c.name,
      provider: c.provider,
      purpose: pick(c.purpose),
      category: { code: c.category, label: t(`Enums.cookieCategory.${c.category}`) },
      lifetime: { value: c.lifetimeValue, unit: c.lifetimeUnit, label: durationLabel(locale, c.lifetimeValue, c.lifetimeUnit) },
    })),
    retention: content.retention.map((r) => ({
      dataCategory: categoryRef(r.dataCategoryKey),
      period:
        r.periodValue !== null && r.periodUnit
          ? { value: r.periodValue, unit: r.periodUnit, label: durationLabel(locale, r.periodValue, r.periodUnit) }
          : null,
      criteria: pick(r.criteria),
      isoDuration: retentionDuration(r),
    })),
    rights: printedByInzage(content).rights.map((code) => ({
      code,
      title: t(`Statement.rights.${code}.title`),
      description: t(`Statement.rights.${code}.body`),
    })),
  };
}

/** The headings of the page's own blocks in each language; a free section must not repeat one. */
export function blockHeadings(): Record<Locale, string[]> {
  const keys = ["controller", "data", "recipients", "retention", "cookies", "rights", "complaint", "changes", "automated"] as const;
  const of = (locale: Locale) => {
    const t = translator(locale);
    return keys.map((key) => t(`Statement.${key}.heading`));
  };
  return { nl: of("nl"), en: of("en") };
}

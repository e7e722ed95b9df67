import { z } from "zod";
import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import type { LocalizedText, Locale } from "@/lib/policy/content";
import { controllerFromTenant } from "@/lib/policy/versions";
import { localized } from "./consent";

/**
 * A person's consent history as consent records in the structure of ISO/IEC TS 27560:2023
 * ("Privacy technologies — Consent record information structure"), as JSON. The standard
 * itself is paywalled; the fields and their DPV values follow the W3C Data Privacy
 * Vocabularies and Controls Community Group's "Consent Records and Receipts as per ISO/IEC
 * TS 27560:2023 using DPV" (Final Community Group Report, 2024-08-01,
 * https://w3id.org/dpv/guides/consent-27560) and its schemas
 * (https://w3id.org/dpv/schema/dpv-27560, profile record-eu-gdpr). Art. 7(1) GDPR: the
 * controller can show that, and to which wording, the person consented; art. 15(3) and
 * 20: the person gets that record in a structured, machine-readable form.
 *
 * One record per purpose the person ever gave or withdrew consent for, holding: record
 * id and schema version; the data subject (PII principal); the controller; the purpose
 * with its legal basis, the processing and the personal data it covers; the consent type;
 * the current status; and every event with its time, the notice (the exact wording
 * version shown), the collection method and, for consent recorded elsewhere, the proof.
 */

export const consentRecordsSchemaVersion = "inzage-27560-1" as const;

const dpv = "https://w3id.org/dpv#";
const gdpr = "https://w3id.org/dpv/legal/eu/gdpr#";
const timestamp = z.iso.datetime();

const notice = z.object({
  noticeId: z.string().describe("The wording version's id; the same wording always has the same id."),
  version: z.number().int().nullable(),
  language: z.enum(["nl", "en"]),
  text: z.string().describe("The exact text shown."),
  privacyStatementVersion: z.number().int().nullable().describe("The privacy statement version in force at the time."),
});

const consentEvent = z.object({
  eventId: z.string(),
  eventTime: timestamp.describe("When consent was given or withdrawn."),
  recordedAt: timestamp.describe("When the controller stored this event."),
  eventType: z.enum([`${dpv}ConsentGiven`, `${dpv}ConsentWithdrawn`]),
  collectionMethod: z.object({ channel: z.string(), description: z.string() }),
  notice,
  proofReference: z.string().nullable(),
});

export const consentRecordSchema = z.object({
  recordId: z.string(),
  schemaVersion: z.literal(consentRecordsSchemaVersion),
  piiPrincipalId: z.string().describe("The data subject, by their id at this controller."),
  piiControllers: z.array(
    z.object({
      name: z.string(),
      legalName: z.string(),
      address: z.string(),
      country: z.string(),
      contact: z.string(),
      dpoContact: z.string().nullable(),
    }),
  ),
  purposes: z.array(
    z.object({
      purposeId: z.string(),
      purpose: z.string().nullable().describe("The purpose's title in the document's language, while the controller still has it."),
      lawfulBasis: z.object({ iri: z.literal(`${gdpr}A6-1-a`), label: z.string() }),
      processing: z.string().nullable().describe("What is done, as the privacy statement in force describes the purpose; null when it no longer lists it."),
      personalData: z.array(z.string()).describe("The data categories the statement names for the purpose."),
    }),
  ),
  consentType: z.literal(`${dpv}ExpressedConsent`),
  status: z.object({
    state: z.enum([`${dpv}ConsentGiven`, `${dpv}ConsentWithdrawn`]),
    since: timestamp,
    /** Consent stands for an earlier wording than the current one: the controller asks again. */
    givenToCurrentNotice: z.boolean().nullable(),
    currentNoticeVersion: z.number().int().nullable(),
  }),
  events: z.array(consentEvent).min(1),
});

export const consentRecordsSchema = z.object({
  schemaVersion: z.literal(consentRecordsSchemaVersion),
  conformsTo: z.array(z.string()),
  generatedAt: timestamp,
  language: z.enum(["nl", "en"]),
  records: z.array(consentRecordSchema),
});
export type ConsentRecords = z.infer<typeof consentRecordsSchema>;

const channelDescriptions: Record<string, LocalizedText> = {
  portal: { nl: "Met één klik in het privacyportaal", en: "With one click in the privacy portal" },
  objection: { nl: "Ingetrokken na bezwaar (art. 21 AVG)", en: "Withdrawn following an objection (art. 21 GDPR)" },
};
const elsewhere: LocalizedText = { nl: "Elders verzameld en via de API vastgelegd", en: "Collected elsewhere and recorded through the API" };
const consentBasis: LocalizedText = { nl: "Toestemming (art. 6, lid 1, onder a, AVG)", en: "Consent (art. 6(1)(a) GDPR)" };

/** The signed-in person's consent records at the tenant, in the page's language. */
export async function consentRecords(tenant: Tenant, subjectId: string, locale: Locale, now = new Date()): Promise<ConsentRecords> {
  const tenantId = tenant.id;
  return withTenant(tenantId, async (tx) => {
    const [events, purposes, versions, statement] = await Promise.all([
      tx.consentEvent.findMany({ where: { tenantId, subjectId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
      tx.consentPurpose.findMany({ where: { tenantId } }),
      tx.consentPurposeVersion.findMany({ where: { tenantId }, orderBy: [{ purposeId: "asc" }, { version: "desc" }], distinct: ["purposeId"] }),
      tx.policyVersion.findFirst({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true } }),
    ]);
    const [statementPurposes, categories] = statement
      ? await Promise.all([
          tx.purpose.findMany({ where: { tenantId, versionId: statement.id } }),
          tx.dataCategory.findMany({ where: { tenantId, versionId: statement.id } }),
        ])
      : [[], []];
    const controller = controllerFromTenant(tenant);
    const newest = new Map(versions.map((v) => [v.purposeId, v]));
    const byKey = new Map<string, typeof events>();
    for (const event of events) byKey.set(event.purposeKey, [...(byKey.get(event.purposeKey) ?? []), event]);

    const records = [...byKey].map(([key, history]) => {
      const purpose = purposes.find((p) => p.key === key) ?? null;
      const current = purpose ? (newest.get(purpose.id) ?? null) : null;
      const inStatement = purpose?.statementPurposeUid ? statementPurposes.find((p) => p.uid === purpose.statementPurposeUid && p.legalBasis === "CONSENT") : undefined;
      const last = history[history.length - 1];
      return {
        recordId: `${tenant.slug}:${subjectId}:${key}`,
        schemaVersion: consentRecordsSchemaVersion,
        piiPrincipalId: subjectId,
        piiControllers: [
          {
            name: controller.name,
            legalName: controller.legalName,
            address: controller.address,
            country: controller.country,
            contact: controller.contactEmail,
            dpoContact: controller.dpoEmail,
          },
        ],
        purposes: [
          {
            purposeId: key,
            purpose: current ? localized(current.title, locale) : null,
            lawfulBasis: { iri: `${gdpr}A6-1-a` as const, label: consentBasis[locale] },
            processing: inStatement ? localized(inStatement.description, locale) : null,
            personalData: inStatement
              ? inStatement.dataCategoryKeys.map((k) => {
                  const category = categories.find((c) => c.key === k);
                  return category ? localized(category.name, locale) : k;
                })
              : [],
          },
        ],
        consentType: `${dpv}ExpressedConsent` as const,
        status: {
          state: last.given ? (`${dpv}ConsentGiven` as const) : (`${dpv}ConsentWithdrawn` as const),
          since: last.at.toISOString(),
          givenToCurrentNotice: last.given && current ? last.purposeVersionId === current.id : null,
          currentNoticeVersion: current?.version ?? null,
        },
        events: history.map((event) => ({
          eventId: event.id,
          eventTime: event.at.toISOString(),
          recordedAt: event.recordedAt.toISOString(),
          eventType: event.given ? (`${dpv}ConsentGiven` as const) : (`${dpv}ConsentWithdrawn` as const),
          collectionMethod: { channel: event.channel, description: (channelDescriptions[event.channel] ?? elsewhere)[locale] },
          notice: {
            noticeId: event.purposeVersionId ?? `unversioned:${event.id}`,
            version: event.purposeVersion,
            language: event.locale === "en" ? ("en" as const) : ("nl" as const),
            text: event.wording,
            privacyStatementVersion: event.statementVersion,
          },
          proofReference: event.proofReference,
        })),
      };
    });
    return {
      schemaVersion: consentRecordsSchemaVersion,
      conformsTo: ["ISO/IEC TS 27560:2023", "https://w3id.org/dpv/schema/dpv-27560#record-eu-gdpr"],
      generatedAt: now.toISOString(),
      language: locale,
      records,
    };
  });
}

import { z } from "zod";
import { requestStatuses, requestTypes } from "@/lib/api/schemas";

/**
 * data.json in a person's export: one JSON document with everything a tenant holds on
 * them (GDPR art. 15 and 20). docs/export.schema.json is its JSON Schema, generated
 * from this one (npx tsx scripts/write-schemas.ts; a unit test checks they match).
 * Times are ISO 8601 in UTC. Lists are in the order the data was recorded.
 */

/** 2: accessInformation (art. 15(1)(a)–(h) and 15(2)) added. */
export const exportSchemaVersion = 2;
const timestamp = z.iso.datetime();

export const exportMeta = z.object({
  generatedAt: timestamp,
  locale: z.enum(["nl", "en"]).describe("Language of summary.html and the labels."),
  tenant: z
    .object({
      slug: z.string(),
      name: z.string(),
      legalName: z.string(),
      contactEmail: z.string().describe("Where to ask questions about this data."),
      dpoEmail: z.string().nullable(),
    })
    .describe("The organisation that holds the data (the controller)."),
  files: z.array(z.string()).describe("The files in the ZIP archive."),
});

export const exportProfile = z.object({
  email: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  postalAddress: z.string().nullable(),
  companyName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  preferredLocale: z.string(),
  restricted: z.boolean().describe("Whether processing is restricted (art. 18)."),
  objections: z.array(z.string()).describe("Purposes objected to (art. 21)."),
  notifyStatementChanges: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exportCustomField = z.object({
  key: z.string(),
  label: z.string().describe("The field's name in the export's language."),
  value: z.string().nullable(),
});

export const exportRecord = z.object({
  id: z.string(),
  category: z.string(),
  sourceSystem: z.string(),
  receivedAt: timestamp,
  fields: z.record(z.string(), z.unknown()),
});

export const exportProfileChange = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedBy: z.string().describe('"subject", "staff", "api" or similar: who made the change.'),
  changedAt: timestamp,
});

export const exportConsentState = z.object({
  purposeKey: z.string(),
  purpose: z.string().nullable().describe("The purpose's title in the export's language, when the tenant still offers it."),
  given: z.boolean(),
  at: timestamp,
  statementVersion: z.number().int().nullable(),
});

export const exportConsentEvent = z.object({
  id: z.string(),
  purposeKey: z.string(),
  given: z.boolean(),
  statementVersion: z.number().int().nullable(),
  wording: z.string().describe("The text the person agreed to or withdrew from."),
  locale: z.string(),
  channel: z.string(),
  at: timestamp,
});

export const exportRequestEvent = z.object({
  kind: z.string(),
  fromStatus: z.enum(requestStatuses).nullable(),
  toStatus: z.enum(requestStatuses).nullable(),
  actor: z.string(),
  actorLabel: z.string().nullable(),
  body: z.string().nullable(),
  at: timestamp,
});

export const exportRequest = z.object({
  reference: z.string(),
  type: z.enum(requestTypes),
  status: z.enum(requestStatuses),
  channel: z.string(),
  locale: z.string(),
  details: z.string(),
  target: z.string().nullable(),
  receivedAt: timestamp.nullable(),
  dueAt: timestamp.nullable(),
  extendedDueAt: timestamp.nullable(),
  extensionReason: z.string().nullable(),
  closedAt: timestamp.nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: timestamp,
  events: z.array(exportRequestEvent),
});

export const exportAccessLogEntry = z.object({
  id: z.string(),
  at: timestamp,
  actorType: z.string().describe('"user" (the tenant\'s staff), "apiKey" (its systems), "subject" (the person) or "system".'),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
});

const coded = z.object({ code: z.string(), label: z.string() });
const notStatedNote = "Empty (or null) where the privacy statement does not state it; summary.html then says so.";

/**
 * What art. 15(1)(a)–(h) and 15(2) say a person is told besides their data, taken from
 * the privacy statement version in force when the export was made
 * (lib/export/access-information.ts).
 */
export const exportAccessInformation = z
  .object({
    statement: z
      .object({ version: z.number().int(), publishedAt: timestamp, url: z.string() })
      .nullable()
      .describe("The published statement version the information comes from; null when the organisation had published none."),
    notStated: z.string().describe('The phrase used for an item the statement does not state ("not stated in the privacy statement"), in the export\'s language.'),
    purposes: z
      .array(
        z.object({
          name: z.string(),
          description: z.string(),
          legalBasis: coded,
          legitimateInterest: z.string().nullable(),
          dataCategories: z.array(z.string()),
        }),
      )
      .describe(`Art. 15(1)(a): the purposes, each with its legal basis. ${notStatedNote}`),
    categories: z
      .object({
        statement: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
        records: z.array(z.object({ category: z.string(), count: z.number().int() })).describe("The categories of the records held on this person."),
      })
      .describe(`Art. 15(1)(b): the categories of personal data concerned. ${notStatedNote}`),
    recipients: z
      .array(
        z.object({
          name: z.string(),
          role: coded,
          purpose: z.string(),
          country: z.object({ code: z.string(), name: z.string() }).nullable(),
          outsideEea: z.boolean(),
        }),
      )
      .describe(`Art. 15(1)(c): recipients or categories of recipients, including those in third countries. ${notStatedNote}`),
    retention: z
      .array(z.object({ category: z.string(), period: z.string().nullable(), criteria: z.string().nullable() }))
      .describe(`Art. 15(1)(d): how long each category is kept, or the criteria; period and criteria both null: not stated.`),
    rights: z
      .array(z.object({ code: z.string(), title: z.string(), description: z.string() }))
      .describe("Art. 15(1)(e): the rights to rectification, erasure, restriction and objection."),
    complaint: z
      .object({
        authority: z.object({ id: z.string(), name: z.string(), website: z.string(), complaintUrl: z.string().nullable() }).nullable(),
        authoritiesUrl: z.string(),
        text: z.string(),
      })
      .describe("Art. 15(1)(f): the right to lodge a complaint with a supervisory authority (the organisation's lead authority, or any)."),
    sources: z
      .object({
        systems: z.array(z.string()).describe("The organisation's systems that recorded this person's records (SubjectRecord.sourceSystem)."),
        statement: z.array(z.object({ category: z.string(), source: z.string() })).describe("Sources the statement names for data not collected from the person."),
      })
      .describe(`Art. 15(1)(g): where data not collected from the person came from. ${notStatedNote}`),
    automatedDecisions: z
      .object({ stated: z.boolean(), text: z.string() })
      .describe("Art. 15(1)(h): automated decision-making, including profiling, as the statement declares it."),
    transfers: z
      .array(z.object({ recipient: z.string(), country: z.object({ code: z.string(), name: z.string() }).nullable(), safeguard: coded.nullable() }))
      .describe("Art. 15(2): recipients outside the EEA, or whose country the statement does not name, with the safeguard of the transfer (null: not stated)."),
  })
  .describe("The information of GDPR art. 15(1)(a)–(h) and 15(2).");

export const exportDocument = z
  .object({
    schemaVersion: z.literal(exportSchemaVersion),
    export: exportMeta,
    accessInformation: exportAccessInformation,
    profile: exportProfile,
    customFields: z.array(exportCustomField).describe("The organisation's own profile fields."),
    records: z.array(exportRecord).describe("Data the organisation's systems recorded, by category, oldest first."),
    profileChanges: z.array(exportProfileChange),
    consents: z.object({ current: z.array(exportConsentState), history: z.array(exportConsentEvent) }),
    requests: z.array(exportRequest),
    accessLog: z.array(exportAccessLogEntry).describe("Who looked at or changed this person's data."),
  })
  .describe("Everything an organisation on Inzage holds on one person.");

export type ExportMeta = z.infer<typeof exportMeta>;
export type ExportProfile = z.infer<typeof exportProfile>;
export type ExportCustomField = z.infer<typeof exportCustomField>;
export type ExportRecord = z.infer<typeof exportRecord>;
export type ExportProfileChange = z.infer<typeof exportProfileChange>;
export type ExportConsentState = z.infer<typeof exportConsentState>;
export type ExportConsentEvent = z.infer<typeof exportConsentEvent>;
export type ExportRequest = z.infer<typeof exportRequest>;
export type ExportAccessLogEntry = z.infer<typeof exportAccessLogEntry>;
export type ExportDocument = z.infer<typeof exportDocument>;
export type AccessInformation = z.infer<typeof exportAccessInformation>;

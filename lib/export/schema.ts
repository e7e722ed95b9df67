import { z } from "zod";
import { requestStatuses, requestTypes } from "@/lib/api/schemas";

/**
 * data.json in a person's export: one JSON document with everything a tenant holds on
 * them (GDPR art. 15 and 20). docs/export.schema.json is its JSON Schema, generated
 * from this one (npx tsx scripts/write-schemas.ts; a unit test checks they match).
 * Times are ISO 8601 in UTC. Lists are in the order the data was recorded.
 */

export const exportSchemaVersion = 1;
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

export const exportDocument = z
  .object({
    schemaVersion: z.literal(exportSchemaVersion),
    export: exportMeta,
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

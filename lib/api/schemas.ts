import { z } from "zod";

/**
 * Shapes of /api/v1: request bodies (checked on every call) and answers (typed here,
 * documented in lib/api/openapi.ts from the same schemas). Messages are English:
 * they are read by the developers of the tenant's systems.
 */

export const maxRecordsPerRequest = 1000;
export const maxFieldsPerRecord = 200;
export const categoryPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const requestTypes = ["ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "PORTABILITY", "AUTOMATED_DECISION"] as const;
export const requestStatuses = [
  "AWAITING_CONFIRMATION",
  "RECEIVED",
  "IDENTITY_CONFIRMED",
  "IN_PROGRESS",
  "WAITING_FOR_REQUESTER",
  "EXTENDED",
  "COMPLETED",
  "REJECTED",
  "WITHDRAWN",
] as const;

/** A text that may be cleared: null or "" clears it, leaving it out keeps it. */
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .transform((value) => value || null)
    .optional();

export const profileInput = z
  .strictObject({
    name: clearable(200),
    phone: clearable(50),
    postalAddress: clearable(500),
    companyName: clearable(200),
    vatNumber: clearable(50),
    preferredLocale: z.enum(["nl", "en"], 'must be "nl" or "en"').optional(),
    customFields: z
      .record(z.string().min(1).max(100), z.string().trim().max(2000, "at most 2000 characters").nullable())
      .optional()
      .describe("Values of the tenant's own profile fields, by field key; null clears a value. Only keys the tenant defined are accepted."),
  })
  .describe("Fields left out stay as they are; null clears a field.");
export type ProfileInput = z.output<typeof profileInput>;

export const recordInput = z.strictObject({
  category: z
    .string()
    .regex(categoryPattern, "use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit")
    .describe("Kind of data, such as orders or tickets; also the name of the record's CSV file in the export."),
  sourceSystem: z.string().trim().min(1, "required").max(100, "at most 100 characters").describe("The system the data comes from."),
  fields: z
    .record(z.string().min(1, "field names may not be empty").max(200, "field names are at most 200 characters"), z.unknown())
    .refine((fields) => Object.keys(fields).length <= maxFieldsPerRecord, `at most ${maxFieldsPerRecord} fields per record`)
    .describe("The data itself: a JSON object of field name to value."),
});

export const recordsInput = z.strictObject({
  records: z
    .array(recordInput)
    .min(1, "send at least one record")
    .max(maxRecordsPerRequest, `at most ${maxRecordsPerRequest} records per request; send more in further requests`),
});
export type RecordsInput = z.output<typeof recordsInput>;

const cursor = z.string().regex(/^[a-z0-9]{1,40}$/, "not a cursor this API gave out");
const limit = (max: number, fallback: number) =>
  z.coerce.number("a whole number").int("a whole number").min(1, "at least 1").max(max, `at most ${max}`).default(fallback);

/** Channels Inzage itself writes; consent recorded through the API names where it was collected instead. */
export const reservedConsentChannels = ["portal", "objection"];

export const consentInput = z
  .strictObject({
    purposeKey: z.string().min(1, "required").max(40, "at most 40 characters").describe("The key of one of the tenant's consent purposes."),
    given: z.boolean("true (given) or false (withdrawn)").describe("true: consent given; false: consent withdrawn."),
    channel: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "use 1 to 40 lowercase letters, digits, '-' or '_'")
      .refine((channel) => !reservedConsentChannels.includes(channel), `${reservedConsentChannels.join(" and ")} are written by Inzage itself; name where you collected it`)
      .describe("Where the consent was collected, such as paper-form, phone, shop or web-form."),
    collectedAt: z.iso.datetime({ offset: true, error: "an ISO 8601 date and time, such as 2026-03-01T10:00:00Z" }).describe("When the person gave or withdrew consent; not in the future."),
    wordingVersion: z
      .number("a whole number")
      .int("a whole number")
      .min(1, "at least 1")
      .describe("The version of the purpose's wording the person was shown (the console and GET /subjects/{email} name the versions). An earlier version is recorded as such; the portal then asks again."),
    proofReference: z.string().trim().min(1, "required").max(500, "at most 500 characters").describe("Where the proof is kept in your systems, such as a scanned form's id or a call recording's reference."),
    locale: z.enum(["nl", "en"], 'must be "nl" or "en"').optional().describe("The language of the wording shown; by default the person's preferred language."),
  })
  .describe("Art. 7(1) GDPR: consent collected outside the portal, recorded with the exact wording version shown and a reference to the proof. Appended, never changed.");
export type ConsentInput = z.output<typeof consentInput>;

export const subjectQuery = z.object({
  recordsLimit: limit(1000, 500),
});

export const recordsQuery = z.object({
  cursor: cursor.optional(),
  limit: limit(1000, 500),
  category: z.string().regex(categoryPattern, "not a category name").optional(),
});

export const requestsQuery = z.object({
  status: z.array(z.enum(requestStatuses, `one of ${requestStatuses.join(", ")}`)).optional(),
  cursor: cursor.optional(),
  limit: limit(200, 50),
});

// ---- Answers -----------------------------------------------------------------------

const timestamp = z.iso.datetime();

export const profileView = z.object({
  email: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  postalAddress: z.string().nullable(),
  companyName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  preferredLocale: z.enum(["nl", "en"]),
  customFields: z.record(z.string(), z.string().nullable()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ProfileView = z.infer<typeof profileView>;

export const recordView = z.object({
  id: z.string(),
  category: z.string(),
  sourceSystem: z.string(),
  receivedAt: timestamp,
  fields: z.record(z.string(), z.unknown()),
});
export type RecordView = z.infer<typeof recordView>;

export const recordsPage = z.object({
  items: z.array(recordView),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= to GET /api/v1/subjects/{email}/records for the next page; null on the last page."),
});
export type RecordsPage = z.infer<typeof recordsPage>;

export const consentStateView = z.object({
  purposeKey: z.string(),
  given: z.boolean(),
  at: timestamp,
  statementVersion: z.number().int().nullable(),
  wordingVersion: z.number().int().nullable().describe("The version of the purpose's wording the latest choice was made to."),
  currentWording: z
    .boolean()
    .nullable()
    .describe("Art. 7(1): whether that is the purpose's newest wording. Consent given to an earlier wording is asked again in the portal; null when the purpose no longer exists."),
});

export const consentEventView = z.object({
  id: z.string(),
  purposeKey: z.string(),
  given: z.boolean(),
  statementVersion: z.number().int().nullable(),
  wording: z.string().describe("The exact text the person was shown."),
  wordingVersion: z.number().int().nullable().describe("The version of the purpose's wording shown; null for consent from before wordings were versioned whose text matched none."),
  locale: z.string(),
  channel: z.string(),
  proofReference: z.string().nullable().describe("For consent recorded through the API: where its proof is kept."),
  at: timestamp.describe("When consent was given or withdrawn."),
  recordedAt: timestamp.describe("When Inzage stored it."),
});

export const consentAnswer = z.object({
  id: z.string(),
  purposeKey: z.string(),
  given: z.boolean(),
  wordingVersion: z.number().int(),
  currentWording: z.boolean().describe("Whether wordingVersion is the purpose's newest wording; if not, the portal asks the person again."),
  at: timestamp,
  recordedAt: timestamp,
});
export type ConsentAnswer = z.infer<typeof consentAnswer>;

export const requestSummary = z.object({
  reference: z.string(),
  type: z.enum(requestTypes),
  status: z.enum(requestStatuses),
  receivedAt: timestamp.nullable(),
  dueAt: timestamp.nullable(),
  extendedDueAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  requesterEmail: z.string().nullable(),
  target: z.string().nullable(),
  createdAt: timestamp,
});
export type RequestSummary = z.infer<typeof requestSummary>;

export const profileChangeView = z.object({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedBy: z.string(),
  changedAt: timestamp,
});

export const subjectView = z.object({
  profile: profileView,
  restricted: z.boolean().describe("Art. 18: processing is restricted; store the data but do not otherwise use it."),
  objections: z.array(z.string()).describe("Purposes (consent purpose keys or descriptions) the person objected to (art. 21)."),
  records: recordsPage,
  consents: z.object({ current: z.array(consentStateView), history: z.array(consentEventView) }),
  requests: z.array(requestSummary),
  profileChanges: z.array(profileChangeView),
});
export type SubjectView = z.infer<typeof subjectView>;

export const putSubjectAnswer = z.object({ created: z.boolean(), changed: z.array(z.string()), profile: profileView });
export const recordsAnswer = z.object({ created: z.number().int(), ids: z.array(z.string()) });
export const requestsPage = z.object({ items: z.array(requestSummary), nextCursor: z.string().nullable() });

const errorIssues = z.array(z.object({ path: z.string(), message: z.string() }));
const retryAfterSeconds = z.number().int().describe("With 429: seconds until the key may be used again.");

/** An RFC 9457 problem with the extension members code, issues and retryAfterSeconds, and the same under `error` as before. */
export const errorAnswer = z.object({
  type: z.string().describe("urn:inzage:problem:<code>, one per code."),
  title: z.string().describe("The HTTP status's reason phrase."),
  status: z.number().int(),
  detail: z.string().describe("What went wrong and what to do, for people."),
  code: z.string().describe("The error code, for programs (invalid_body, invalid_cursor, subject_not_found, rate_limited, …)."),
  issues: errorIssues.optional().describe("With 400: each problem with the body or query, where it is."),
  retryAfterSeconds: retryAfterSeconds.optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      issues: errorIssues.optional(),
      retryAfterSeconds: retryAfterSeconds.optional(),
    })
    .describe("The code, detail (as message) and issues again, as in answers before problem+json."),
});

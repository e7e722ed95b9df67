import { z } from "zod";
import { requestStatuses, requestTypes } from "@/lib/api/schemas";
import { authoritySchema } from "@/lib/authorities/data";

/**
 * The complaint dossier: what a person needs to complain about a tenant to a
 * supervisory authority (GDPR art. 77) — who they are, who the tenant is, their
 * requests to it with dates, deadlines, answers and which were late, the reminders
 * they sent and the mails Inzage sent them about each request, what they want the
 * authority to achieve, and the two authorities they can turn to. /api/t/{slug}/portal/complain/dossier.json returns it;
 * docs/complaint-dossier.schema.json is its JSON Schema (npx tsx scripts/write-schemas.ts).
 * Times are ISO 8601 in UTC; days (the last day of a deadline) are YYYY-MM-DD on the
 * tenant's calendar; codes (types, statuses, countries) are language-neutral.
 */

export const dossierSchemaVersion = 2;
/** The history's entry for a reminder the person sent from the portal (lib/complaints/reminders.ts). */
export const reminderKind = "reminder";
const timestamp = z.iso.datetime();
const day = z.iso.date();

export const dossierTimeliness = z
  .enum(["not-started", "open", "open-late", "closed-on-time", "closed-late"])
  .describe(
    "not-started: no deadline runs yet; open: within the deadline; open-late: still open past the deadline; " +
      "closed-on-time / closed-late: closed on or before / after the deadline.",
  );

export const dossierEvent = z.object({
  at: timestamp,
  kind: z.string().describe('"created", "status", "information", "merged", "message", "reminder" (the person chased the tenant), or another kind of entry.'),
  actor: z.string().describe('"requester" (the person), "staff" (the tenant) or "system".'),
  toStatus: z.enum(requestStatuses).nullable().describe("For a status change: the new status."),
  body: z.string().nullable().describe("The text written with the entry, if any."),
});

export const dossierAnswer = z.object({
  at: timestamp,
  kind: z.string(),
  toStatus: z.enum(requestStatuses).nullable(),
  body: z.string(),
});

export const dossierMail = z.object({
  sentAt: timestamp,
  subject: z.string(),
  text: z.string().describe("The mail's plain text as sent."),
});

export const dossierRequest = z.object({
  reference: z.string().describe('The tenant\'s reference, such as "R-7KQ2-9XMD".'),
  type: z.enum(requestTypes).describe("Which right was exercised (GDPR art. 15-21)."),
  status: z.enum(requestStatuses),
  filedAt: timestamp.describe("When the request was made."),
  receivedAt: timestamp.nullable().describe("When it counted as received: the deadline runs from here."),
  dueAt: timestamp.nullable().describe("One calendar month after receipt (art. 12(3); Regulation 1182/71): the end of its last day."),
  dueDay: day.nullable().describe("The last day of that month, inclusive, on the tenant's calendar."),
  extendedDueAt: timestamp.nullable().describe("The extended deadline, when the tenant extended it."),
  extensionReason: z.string().nullable().describe("Why the tenant extended the deadline."),
  extendedAt: timestamp.nullable().describe("When the tenant extended the deadline, if the history records it."),
  extensionAfterDeadline: z
    .boolean()
    .describe("Whether the extension came only after the original deadline had passed; such an extension does not count (art. 12(3))."),
  effectiveDueAt: timestamp
    .nullable()
    .describe("The deadline that counts, as the end of its last day: extendedDueAt when the extension came in time, else dueAt."),
  effectiveDueDay: day.nullable().describe("The last day of the deadline that counts, inclusive, on the tenant's calendar."),
  closedAt: timestamp.nullable().describe("When the request was completed, rejected or withdrawn."),
  rejectionReason: z.string().nullable(),
  details: z.string().describe("The person's own explanation."),
  target: z.string().nullable().describe("For an objection: what was objected to; for portability: the receiving organisation."),
  timeliness: dossierTimeliness,
  late: z.boolean().describe("Closed after the deadline that counts, or still open past it."),
  daysLate: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe("Calendar days after the last day (until the day it was closed, or until generatedAt), on the tenant's calendar."),
  answers: z.array(dossierAnswer).describe("What the tenant wrote: its messages and the notes with its status changes, oldest first."),
  history: z.array(dossierEvent).describe("Every entry of the request's history, oldest first."),
  reminders: z.array(timestamp).describe("When the person sent the tenant a reminder from the portal, oldest first."),
  mails: z.array(dossierMail).describe("Copies of the mails Inzage sent the person about this request, oldest first."),
});

export const dossierSchema = z.object({
  schemaVersion: z.literal(dossierSchemaVersion),
  generatedAt: timestamp,
  complainant: z
    .object({
      name: z.string().nullable(),
      email: z.string(),
      postalAddress: z.string().nullable(),
      phone: z.string().nullable(),
      outcome: z.string().nullable().describe("What the person wants the authority to achieve, in their words."),
    })
    .describe("The person who made the requests (the signed-in portal user), with the details they entered for the complaint."),
  controller: z
    .object({
      slug: z.string(),
      name: z.string(),
      legalName: z.string(),
      address: z.string(),
      country: z.string(),
      registrationNumber: z.string().nullable(),
      contactEmail: z.string(),
      phone: z.string().nullable(),
      website: z.string().nullable(),
      dpoName: z.string().nullable(),
      dpoEmail: z.string().nullable(),
      timeZone: z.string().describe("The IANA time zone whose calendar days the deadlines are counted in."),
    })
    .describe("The organisation the complaint is about (the controller)."),
  authorities: z.object({
    country: z.string().nullable().describe("The country where the person lives or works; null when none is known."),
    countrySource: z
      .enum(["chosen", "saved", "guessed"])
      .nullable()
      .describe("chosen: on the complain page (?country=XX); saved: with the person's details; guessed: from the browser's language, as the page preselected it."),
    countryAuthority: authoritySchema.nullable().describe("The supervisory authority of that country."),
    leadAuthority: authoritySchema.nullable().describe("The tenant's lead supervisory authority (where it has its main establishment)."),
  }),
  summary: z.object({
    requests: z.number().int().nonnegative(),
    open: z.number().int().nonnegative(),
    late: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    reminders: z.number().int().nonnegative().describe("Reminders the person sent, over all requests."),
  }),
  requests: z.array(dossierRequest).describe("The person's requests to this tenant that were received, newest first."),
});

export type Dossier = z.infer<typeof dossierSchema>;
export type DossierRequest = z.infer<typeof dossierRequest>;
export type DossierTimeliness = z.infer<typeof dossierTimeliness>;
export type DossierMail = z.infer<typeof dossierMail>;

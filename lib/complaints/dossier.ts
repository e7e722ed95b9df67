import type { Tenant } from "@/generated/prisma/client";
import { authorityById, defaultAuthorityForCountry } from "@/lib/authorities/data";
import { withTenant } from "@/lib/db/tenant-db";
import { controllerFromTenant } from "@/lib/policy/versions";
import { localDay, tenantCalendar } from "@/lib/requests/deadline";
import { requesterEmailHash } from "@/lib/requests/reference";
import { complaintCountry } from "./details";
import { countingDueAt, daysLate, extensionMoment, extensionTooLate, isClosed, isLate, timeliness } from "./late";
import { dossierSchemaVersion, reminderKind, type Dossier, type DossierRequest } from "./schema";

/**
 * Builds the complaint dossier of the signed-in person at one tenant, once, for the
 * page, the PDF and the JSON alike. It reads through withTenant and only the person's
 * own requests: those made from their account and those made without an account from
 * their current address (as the portal's request list shows them). Requests still
 * awaiting confirmation of the address never counted and are left out. Lateness is
 * judged on the tenant's calendar (lib/requests/deadline.ts via ./late.ts), where an
 * extension decided after the original deadline does not count.
 */

export type DossierTenant = Pick<
  Tenant,
  | "id"
  | "slug"
  | "name"
  | "legalName"
  | "address"
  | "country"
  | "registrationNumber"
  | "contactEmail"
  | "phone"
  | "website"
  | "dpoName"
  | "dpoEmail"
  | "leadAuthorityId"
  | "hashSalt"
  | "timeZone"
>;

export interface DossierOptions {
  /** The country where the person lives or works as chosen on the page (?country=XX), already checked (parseResidenceCountry). */
  country?: string | null;
  /** The country guessed from the browser's language (guessResidenceCountry), which the complain page preselects. */
  guessedCountry?: string | null;
  now?: Date;
}

/** At most this many requests: far more than any person makes, and it keeps the PDF bounded. */
export const maxDossierRequests = 200;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The dossier, or null when the subject is not (or no longer) one of this tenant's. */
export async function buildDossier(tenant: DossierTenant, subjectId: string, options: DossierOptions = {}): Promise<Dossier | null> {
  const now = options.now ?? new Date();
  const tenantId = tenant.id;
  const found = await withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({
      where: { id: subjectId, tenantId },
      select: {
        id: true,
        email: true,
        name: true,
        postalAddress: true,
        phone: true,
        complaintDetails: { select: { postalAddress: true, phone: true, outcome: true, country: true } },
      },
    });
    if (!subject) return null;
    const requests = await tx.dataRequest.findMany({
      where: {
        tenantId,
        status: { not: "AWAITING_CONFIRMATION" },
        OR: [{ subjectId: subject.id }, { requesterEmailHash: requesterEmailHash(tenant, subject.email) }],
      },
      include: {
        events: { where: { tenantId }, orderBy: [{ at: "asc" }, { id: "asc" }] },
        mails: { where: { tenantId }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { sentAt: true, subject: true, text: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: maxDossierRequests,
    });
    return { subject, requests };
  });
  if (!found) return null;
  const { subject, requests } = found;
  const calendar = tenantCalendar(tenant);
  const day = (date: Date | null) => (date ? localDay(date, calendar) : null);

  const entries = requests.map((request): DossierRequest => {
    const facts = { ...request, extendedAt: request.extendedDueAt ? extensionMoment(request.events) : null };
    const counting = countingDueAt(facts, calendar);
    return {
      reference: request.reference,
      type: request.type,
      status: request.status,
      filedAt: request.createdAt.toISOString(),
      receivedAt: iso(request.receivedAt),
      dueAt: iso(request.dueAt),
      dueDay: day(request.dueAt),
      extendedDueAt: iso(request.extendedDueAt),
      extensionReason: request.extensionReason || null,
      extendedAt: iso(facts.extendedAt),
      extensionAfterDeadline: extensionTooLate(facts),
      effectiveDueAt: iso(counting),
      effectiveDueDay: day(counting),
      closedAt: iso(request.closedAt),
      rejectionReason: request.rejectionReason || null,
      details: request.details,
      target: request.target,
      timeliness: timeliness(facts, calendar, now),
      late: isLate(facts, calendar, now),
      daysLate: daysLate(facts, calendar, now),
      answers: request.events
        .filter((event) => event.actor === "staff" && !!event.body?.trim())
        .map((event) => ({ at: event.at.toISOString(), kind: event.kind, toStatus: event.toStatus, body: event.body! })),
      history: request.events.map((event) => ({
        at: event.at.toISOString(),
        kind: event.kind,
        actor: event.actor,
        toStatus: event.toStatus,
        body: event.body ?? null,
      })),
      reminders: request.events.filter((event) => event.kind === reminderKind).map((event) => event.at.toISOString()),
      mails: request.mails.map((mail) => ({ sentAt: mail.sentAt.toISOString(), subject: mail.subject, text: mail.text })),
    };
  });

  // What the person entered for the complaint; until they did, their profile's address and phone.
  const details = subject.complaintDetails;
  const { country, source: countrySource } = complaintCountry(options.country ?? null, details?.country ?? null, options.guessedCountry ?? null);
  // The lead authority is given in full under `authorities`.
  const { leadAuthorityId: _, ...controllerDetails } = controllerFromTenant(tenant);
  return {
    schemaVersion: dossierSchemaVersion,
    generatedAt: now.toISOString(),
    complainant: {
      name: subject.name,
      email: subject.email,
      postalAddress: details ? details.postalAddress : subject.postalAddress,
      phone: details ? details.phone : subject.phone,
      outcome: details?.outcome ?? null,
    },
    controller: { slug: tenant.slug, ...controllerDetails, timeZone: calendar.timeZone },
    authorities: {
      country,
      countrySource,
      countryAuthority: (country && defaultAuthorityForCountry(country)) || null,
      leadAuthority: (tenant.leadAuthorityId && authorityById(tenant.leadAuthorityId)) || null,
    },
    summary: {
      requests: entries.length,
      open: requests.filter((r) => !isClosed(r.status)).length,
      late: entries.filter((r) => r.late).length,
      rejected: entries.filter((r) => r.status === "REJECTED").length,
      reminders: entries.reduce((sum, r) => sum + r.reminders.length, 0),
    },
    requests: entries,
  };
}

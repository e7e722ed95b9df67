import type { RequestEvent, Tenant } from "@/generated/prisma/client";
import { authorityById, defaultAuthorityForCountry } from "@/lib/authorities/data";
import { withTenant } from "@/lib/db/tenant-db";
import { controllerFromTenant } from "@/lib/policy/versions";
import { requesterEmailHash } from "@/lib/requests/reference";
import { daysLate, effectiveDueAt, isClosed, isLate, timeliness } from "./late";
import { dossierSchemaVersion, type Dossier, type DossierRequest } from "./schema";

/**
 * Builds the complaint dossier of the signed-in person at one tenant, once, for the
 * page, the PDF and the JSON alike. It reads through withTenant and only the person's
 * own requests: those made from their account and those made without an account from
 * their current address (as the portal's request list shows them). Requests still
 * awaiting confirmation of the address never counted and are left out.
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
>;

export interface DossierOptions {
  /** The country where the person lives or works, already checked (parseResidenceCountry). */
  country?: string | null;
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
      select: { id: true, email: true, name: true, postalAddress: true },
    });
    if (!subject) return null;
    const requests = await tx.dataRequest.findMany({
      where: {
        tenantId,
        status: { not: "AWAITING_CONFIRMATION" },
        OR: [{ subjectId: subject.id }, { requesterEmailHash: requesterEmailHash(tenant, subject.email) }],
      },
      include: { events: { where: { tenantId }, orderBy: [{ at: "asc" }, { id: "asc" }] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: maxDossierRequests,
    });
    return { subject, requests };
  });
  if (!found) return null;
  const { subject, requests } = found;

  const entries = requests.map((request): DossierRequest => {
    const extension = request.extendedDueAt ? extensionEvent(request.events) : null;
    return {
      reference: request.reference,
      type: request.type,
      status: request.status,
      filedAt: request.createdAt.toISOString(),
      receivedAt: iso(request.receivedAt),
      dueAt: iso(request.dueAt),
      extendedDueAt: iso(request.extendedDueAt),
      extensionReason: request.extensionReason || null,
      extendedAt: iso(extension?.at ?? null),
      extensionAfterDeadline: !!(extension && request.dueAt && extension.at.getTime() > request.dueAt.getTime()),
      effectiveDueAt: iso(effectiveDueAt(request)),
      closedAt: iso(request.closedAt),
      rejectionReason: request.rejectionReason || null,
      details: request.details,
      target: request.target,
      timeliness: timeliness(request, now),
      late: isLate(request, now),
      daysLate: daysLate(request, now),
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
    };
  });

  const country = options.country ?? null;
  // The lead authority is given in full under `authorities`.
  const { leadAuthorityId: _, ...controllerDetails } = controllerFromTenant(tenant);
  return {
    schemaVersion: dossierSchemaVersion,
    generatedAt: now.toISOString(),
    complainant: { name: subject.name, email: subject.email, postalAddress: subject.postalAddress },
    controller: { slug: tenant.slug, ...controllerDetails },
    authorities: {
      country,
      countryAuthority: (country && defaultAuthorityForCountry(country)) || null,
      leadAuthority: (tenant.leadAuthorityId && authorityById(tenant.leadAuthorityId)) || null,
    },
    summary: {
      requests: entries.length,
      open: requests.filter((r) => !isClosed(r.status)).length,
      late: entries.filter((r) => r.late).length,
      rejected: entries.filter((r) => r.status === "REJECTED").length,
    },
    requests: entries,
  };
}

/** The status change that extended the deadline, if the history has one. */
function extensionEvent(events: readonly RequestEvent[]): RequestEvent | null {
  return events.find((event) => event.kind === "status" && event.toStatus === "EXTENDED") ?? null;
}

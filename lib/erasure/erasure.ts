import { z } from "zod";
import { Prisma, type DataRequest } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { auditByUser, recordAudit } from "@/lib/audit";
import { withPlatform, withTenant, type TenantTx } from "@/lib/db/tenant-db";
import type { Locale } from "@/lib/policy/content";
import type { StaffContext } from "@/lib/requests/admin";
import { sendErasureConfirmation } from "@/lib/requests/notify";
import { requesterEmailHash } from "@/lib/requests/reference";
import { transitionRequest } from "@/lib/requests/requests";
import { canTransition, isActive } from "@/lib/requests/status";
import { emitEvent, requestLink } from "@/lib/webhooks/events";

/**
 * Erasure (art. 17). Staff approve an erasure request; it is carried out after the
 * tenant's grace period (Tenant.erasureGraceDays, default 7; 0 carries it out at once),
 * during which staff can cancel it. After that it cannot be undone: a job (every minute,
 * lib/jobs/background.ts; runDueErasures for tests) removes the person's data from every
 * table of the tenant, found by identity, never by searching text (issue 10: one
 * person's erasure must never touch another's data):
 *
 * - the Subject row, whose cascade takes its records, profile changes, complaint details
 *   and portal sessions (so an old portal session stops working);
 * - on each of the person's requests (this one, those linked to the subject, and those
 *   filed without an account from one of their confirmed addresses; see personOf): the
 *   requester's address and name, details, target and the reasons; the bodies of every
 *   event (messages, added information, notes); the attachments and mail copies;
 * - portal sign-ins, the statement subscription and the development outbox's mails to or
 *   naming one of their confirmed addresses (OutboxMail only holds mail when no SMTP
 *   server is configured; mail already handed to a server is beyond reach);
 * - webhook deliveries linked to the subject or one of those requests
 *   (WebhookDelivery.subjectId / requestId) get a redacted payload;
 * - the IP address of the audit entries of the person's own actions.
 *
 * What stays proves the request was handled and names nobody: the request's reference,
 * type, dates and status and the salted hash of the address (requesterEmailHash); the
 * consent history (ConsentEvent rows, which hold the bare subject id); the audit trail,
 * which never holds a person's address, name or phone number, and after the erasure not
 * their IP address either. The requester is mailed a confirmation just before their
 * address goes.
 */

const dayMs = 86_400_000;
const reference = z.string().trim().min(1).max(40);
export const erasureSchema = z.object({ reference });

async function requestByReference(tx: TenantTx, tenantId: string, ref: string): Promise<DataRequest> {
  const request = await tx.dataRequest.findFirst({ where: { tenantId, reference: ref } });
  if (!request) throw new ActionError("notFound");
  return request;
}

export type ErasureState = "none" | "scheduled" | "cancelled" | "erased";

export function erasureState(request: Pick<DataRequest, "erasureDueAt" | "erasureCancelledAt" | "erasedAt">): ErasureState {
  if (request.erasedAt) return "erased";
  if (request.erasureCancelledAt) return "cancelled";
  if (request.erasureDueAt) return "scheduled";
  return "none";
}

/** Approves an erasure: it is carried out once the grace period has passed (at once with a grace period of 0 days). */
export async function approveErasure(context: StaffContext, input: z.output<typeof erasureSchema>, now = new Date()): Promise<DataRequest> {
  const tenantId = context.tenant.id;
  const request = await withTenant(tenantId, async (tx) => {
    const request = await requestByReference(tx, tenantId, input.reference);
    if (request.type !== "ERASURE" || !isActive(request.status)) throw new ActionError("statusNotAllowed");
    if (!request.subjectId) throw new ActionError("noSubject");
    if (erasureState(request) === "scheduled" || erasureState(request) === "erased") throw new ActionError("erasureScheduled");
    const grace = (await tx.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { erasureGraceDays: true } })).erasureGraceDays;
    const erasureDueAt = new Date(now.getTime() + grace * dayMs);
    const { count } = await tx.dataRequest.updateMany({
      where: { id: request.id, tenantId, erasedAt: null, OR: [{ erasureDueAt: null }, { erasureCancelledAt: { not: null } }] },
      data: { erasureApprovedAt: now, erasureApprovedById: context.user.id, erasureDueAt, erasureCancelledAt: null },
    });
    if (count !== 1) throw new ActionError("erasureScheduled");
    await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "erasure_approved", actor: "staff", actorLabel: context.user.email, body: erasureDueAt.toISOString(), at: now },
    });
    await auditByUser(tx, context, {
      action: "request.erasure_approved",
      targetType: "DataRequest",
      targetId: request.id,
      subjectId: request.subjectId,
      details: { reference: request.reference, erasureDueAt: erasureDueAt.toISOString(), graceDays: grace },
    });
    await emitEvent(tx, tenantId, "subject.erasure_due", requestLink(request), { subjectId: request.subjectId, reference: request.reference, erasureDueAt: erasureDueAt.toISOString() });
    return { ...request, erasureDueAt };
  });
  if (request.erasureDueAt && request.erasureDueAt.getTime() <= now.getTime()) await carryOutErasure(tenantId, request.id, now);
  return withTenant(tenantId, (tx) => tx.dataRequest.findFirstOrThrow({ where: { tenantId, id: request.id } }));
}

/** Cancels an approved erasure while its grace period runs; after that it cannot be undone. */
export async function cancelErasure(context: StaffContext, input: z.output<typeof erasureSchema>, now = new Date()): Promise<void> {
  const tenantId = context.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const request = await requestByReference(tx, tenantId, input.reference);
    const { count } = await tx.dataRequest.updateMany({
      where: { id: request.id, tenantId, erasedAt: null, erasureCancelledAt: null, erasureDueAt: { gt: now } },
      data: { erasureCancelledAt: now },
    });
    if (count !== 1) throw new ActionError("erasureNotCancellable");
    await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "erasure_cancelled", actor: "staff", actorLabel: context.user.email, at: now },
    });
    await auditByUser(tx, context, {
      action: "request.erasure_cancelled",
      targetType: "DataRequest",
      targetId: request.id,
      subjectId: request.subjectId,
      details: { reference: request.reference },
    });
  });
}

/** Carries out every erasure whose grace period has passed, across tenants; what the job calls. */
export async function runDueErasures(now = new Date()): Promise<{ erased: number }> {
  // Only which requests are due is read across tenants; each erasure runs within its tenant.
  const due = await withPlatform((tx) =>
    tx.dataRequest.findMany({
      where: { erasureDueAt: { lte: now }, erasedAt: null, erasureCancelledAt: null },
      select: { tenantId: true, id: true },
      orderBy: { erasureDueAt: "asc" },
      take: 100,
    }),
  );
  let erased = 0;
  for (const { tenantId, id } of due) {
    try {
      if (await carryOutErasure(tenantId, id, now)) erased++;
    } catch (error) {
      console.error(`erasure of request ${id} failed; the next run tries again`, error);
    }
  }
  return { erased };
}

interface Person {
  subjectId: string | null;
  /** Addresses the person has shown to be theirs and nobody else of the tenant claims, lower-case. */
  addresses: string[];
}

/**
 * The person as the tenant knows them, by identity only (art. 17 erases the data of the
 * data subject, and nobody else's). Their addresses are those they have shown to be
 * theirs: the subject's current address; every address their profile history records
 * as taken into use (ProfileChange rows of field "email" are written only when a change
 * took effect: the person followed the link mailed to the new address, or staff or the
 * tenant's systems set it); and the address of every request of theirs that counted
 * (filed signed in, or confirmed by its link and so linked to them). A pending new
 * address (Subject.pendingEmail) was never confirmed and is not theirs for this
 * purpose: anyone can type anyone's address there. An address that is another
 * subject's current address, or in another subject's history, is left out, so that
 * nothing found by address can belong to someone else. Names and phone numbers are
 * never used to find anything.
 */
async function personOf(tx: TenantTx, tenantId: string, request: DataRequest): Promise<Person> {
  const subject = request.subjectId ? await tx.subject.findFirst({ where: { tenantId, id: request.subjectId }, select: { id: true, email: true } }) : null;
  if (!subject) return { subjectId: null, addresses: [] };
  const history = await tx.profileChange.findMany({ where: { tenantId, subjectId: subject.id, field: "email" }, select: { oldValue: true, newValue: true } });
  const requests = await tx.dataRequest.findMany({
    where: { tenantId, subjectId: subject.id, receivedAt: { not: null }, requesterEmail: { not: null } },
    select: { requesterEmail: true },
  });
  const claimed = new Set<string>();
  const add = (value: string | null | undefined) => {
    const clean = value?.trim().toLowerCase();
    if (clean) claimed.add(clean);
  };
  add(subject.email);
  for (const change of history) {
    add(change.oldValue);
    add(change.newValue);
  }
  for (const filed of requests) add(filed.requesterEmail);
  const candidates = [...claimed];
  const others = await tx.subject.findMany({ where: { tenantId, id: { not: subject.id }, email: { in: candidates, mode: "insensitive" } }, select: { email: true } });
  const othersHistory = await tx.profileChange.findMany({
    where: { tenantId, subjectId: { not: subject.id }, field: "email", OR: [{ oldValue: { in: candidates, mode: "insensitive" } }, { newValue: { in: candidates, mode: "insensitive" } }] },
    select: { oldValue: true, newValue: true },
  });
  const foreign = new Set([...others.map((o) => o.email), ...othersHistory.flatMap((c) => [c.oldValue, c.newValue])].flatMap((v) => (v ? [v.trim().toLowerCase()] : [])));
  return { subjectId: subject.id, addresses: candidates.filter((address) => !foreign.has(address)) };
}

/** A PostgreSQL regular expression that finds the address as a whole in text, not inside a longer address ("e@x.nl" in "joe@x.nl"). */
const wholeAddress = (address: string) => `(^|[^a-z0-9._%+-])${address.replace(/[\\.*+?^${}()|[\]]/g, "\\$&")}($|[^a-z0-9_.-]|\\.($|[^a-z0-9]))`;

/**
 * Carries out one approved erasure whose grace period has passed. Returns false when
 * there was nothing (left) to do: cancelled, not yet due, or done by another process.
 */
export async function carryOutErasure(tenantId: string, requestId: string, now = new Date()): Promise<boolean> {
  const prepared = await withTenant(tenantId, async (tx) => {
    const request = await tx.dataRequest.findFirst({ where: { tenantId, id: requestId } });
    if (!request || request.erasedAt || request.erasureCancelledAt || !request.erasureDueAt || request.erasureDueAt > now) return null;
    const tenant = await tx.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true, hashSalt: true } });
    const subject = request.subjectId ? await tx.subject.findFirst({ where: { tenantId, id: request.subjectId }, select: { email: true, preferredLocale: true } }) : null;
    const locale: Locale = (subject?.preferredLocale ?? request.locale) === "en" ? "en" : "nl";
    return { request, tenant, to: subject?.email ?? request.requesterEmail ?? null, locale };
  });
  if (!prepared) return false;
  const { tenant, to, locale } = prepared;
  // Before the address is gone. If the erasure below fails, the next run mails again.
  if (to) await sendErasureConfirmation(tenant, prepared.request.reference, to, locale);

  return withTenant(tenantId, async (tx) => {
    const { count } = await tx.dataRequest.updateMany({
      where: { id: requestId, tenantId, erasedAt: null, erasureCancelledAt: null, erasureDueAt: { lte: now } },
      data: { erasedAt: now },
    });
    if (count !== 1) return false;
    const request = await tx.dataRequest.findFirstOrThrow({ where: { tenantId, id: requestId } });
    const person = await personOf(tx, tenantId, request);
    const hashes = person.addresses.map((address) => requesterEmailHash(tenant, address));
    // The person's requests: this one, those linked to them, and those filed without an
    // account from one of their addresses that nobody else has claimed. Never a request
    // linked to someone else.
    const related = await tx.dataRequest.findMany({
      where: {
        tenantId,
        OR: [{ id: request.id }, ...(person.subjectId ? [{ subjectId: person.subjectId }] : []), ...(hashes.length ? [{ subjectId: null, requesterEmailHash: { in: hashes } }] : [])],
      },
      select: { id: true },
    });
    const ids = related.map((r) => r.id);

    // The request closes as carried out (by the system), before its texts are blanked.
    if (canTransition(request.status, "COMPLETED", "system")) await transitionRequest(tx, request, "COMPLETED", "system", { actorLabel: "erasure", now });
    await tx.requestEvent.create({ data: { tenantId, requestId: request.id, kind: "erased", actor: "system", actorLabel: "erasure", at: now } });

    await tx.requestEvent.updateMany({ where: { tenantId, requestId: { in: ids }, body: { not: null } }, data: { body: null } });
    await tx.requestAttachment.deleteMany({ where: { tenantId, requestId: { in: ids } } });
    await tx.requestMail.deleteMany({ where: { tenantId, requestId: { in: ids } } });
    await tx.dataRequest.updateMany({
      where: { tenantId, id: { in: ids } },
      data: { requesterEmail: null, requesterName: null, details: "", target: null, extensionReason: null, rejectionReason: null },
    });
    if (person.addresses.length > 0) {
      await tx.subjectSignIn.deleteMany({ where: { tenantId, email: { in: person.addresses, mode: "insensitive" } } });
      await tx.statementSubscription.deleteMany({ where: { tenantId, email: { in: person.addresses, mode: "insensitive" } } });
      // The development outbox (mail kept when no SMTP server is configured): mail to one of
      // the person's addresses, and any of this tenant's mail that names one as a whole.
      for (const address of person.addresses) {
        await tx.$executeRaw`
          DELETE FROM "OutboxMail"
          WHERE "tenantId" = ${tenantId}
            AND (lower("to") = ${address} OR "subject" ~* ${wholeAddress(address)} OR "text" ~* ${wholeAddress(address)} OR "html" ~* ${wholeAddress(address)})`;
      }
    }
    // Sessions, records, profile changes and complaint details go with the subject (ON DELETE CASCADE).
    if (person.subjectId) {
      await tx.subject.deleteMany({ where: { tenantId, id: person.subjectId } });
      // The audit entries stay; the IP addresses of the person's own actions go. The
      // append-only trigger allows exactly this, and only once the subject is gone
      // (migration 20261203010000). Staff's and API keys' addresses are not the person's.
      await tx.auditEvent.updateMany({ where: { tenantId, actorType: "subject", actorId: person.subjectId, ip: { not: null } }, data: { ip: null } });
    }

    // Webhook payloads about the person or one of their requests, found by the ids stored
    // with each delivery (lib/webhooks/events.ts), never by their text: the payload is
    // replaced, the delivery kept. After everything above, so no payload written here escapes.
    const redacted = JSON.stringify({ redacted: true, reason: "erasure" });
    await tx.$executeRaw`
      UPDATE "WebhookDelivery"
      SET "payload" = jsonb_build_object('id', "payload"->'id', 'type', "payload"->'type', 'createdAt', "payload"->'createdAt', 'data', ${redacted}::jsonb)
      WHERE "tenantId" = ${tenantId}
        AND (${person.subjectId ? Prisma.sql`"subjectId" = ${person.subjectId} OR ` : Prisma.empty}"requestId" IN (${Prisma.join(ids)}))`;

    await recordAudit(tx, tenantId, {
      actorType: "system",
      actorLabel: "erasure",
      action: "subject.erased",
      targetType: "DataRequest",
      targetId: request.id,
      subjectId: person.subjectId,
      details: { reference: request.reference, requests: ids.length },
    });
    // Names the subject by id and the request by reference, nothing more; the tenant's systems erase by them.
    await emitEvent(tx, tenantId, "subject.erased", { subjectId: person.subjectId, requestId: request.id }, { subjectId: person.subjectId, reference: request.reference });
    return true;
  });
}

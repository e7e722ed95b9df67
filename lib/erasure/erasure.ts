import { z } from "zod";
import { Prisma, type DataRequest } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { auditByUser, recordAudit } from "@/lib/audit";
import { withPlatform, withTenant, type TenantTx } from "@/lib/db/tenant-db";
import type { Locale } from "@/lib/policy/content";
import type { StaffContext } from "@/lib/requests/admin";
import { notifyErasureApproved, sendErasureConfirmation } from "@/lib/requests/notify";
import { requesterEmailHash } from "@/lib/requests/reference";
import { transitionRequest } from "@/lib/requests/requests";
import { canTransition, isActive } from "@/lib/requests/status";
import { emitEvent, requestLink } from "@/lib/webhooks/events";
import { erasureOutcome, keepKey, keepSets, keptOf, type ErasureKept, type KeepChoice, type KeepOption } from "./kept";

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
 *
 * Art. 17(3): staff may keep named parts (a category of records, the profile, the
 * requests' texts; lib/erasure/kept.ts) under a ground of art. 17(3) with a written
 * explanation, recorded on the request (DataRequest.erasureKept). Then the subject row
 * and its address stay, marked restricted (art. 18(2): kept data are only stored), with
 * only the kept parts; everything else goes as above. Approving moves the request to
 * IN_PROGRESS and mails the person the scheduled date and what is kept and why at once;
 * the confirmation after the job says exactly what was erased and what was kept and why.
 */

const dayMs = 86_400_000;
const reference = z.string().trim().min(1).max(40);
export const erasureSchema = z.object({ reference });
export { approveErasureSchema } from "./kept";

async function requestByReference(tx: TenantTx, tenantId: string, ref: string): Promise<DataRequest> {
  const request = await tx.dataRequest.findFirst({ where: { tenantId, reference: ref } });
  if (!request) throw new ActionError("notFound");
  return request;
}

export type ErasureState = "none" | "scheduled" | "cancelled" | "erased";

/** A request withdrawn (by the person, or for them by staff) before its erasure was carried out is not erased. */
const notCarriedOut = ["WITHDRAWN", "REJECTED"] as const satisfies readonly DataRequest["status"][];

export function erasureState(request: Pick<DataRequest, "erasureDueAt" | "erasureCancelledAt" | "erasedAt"> & Partial<Pick<DataRequest, "status">>): ErasureState {
  if (request.erasedAt) return "erased";
  if (request.erasureCancelledAt || (request.status && (notCarriedOut as readonly string[]).includes(request.status))) return "cancelled";
  if (request.erasureDueAt) return "scheduled";
  return "none";
}

/** What staff may keep of the person (art. 17(3)): each category of their records, their profile and their requests' texts. */
async function keepOptions(tx: TenantTx, tenantId: string, subjectId: string): Promise<KeepOption[]> {
  const categories = await tx.subjectRecord.groupBy({ by: ["category"], where: { tenantId, subjectId }, _count: { _all: true }, orderBy: { category: "asc" } });
  return [
    ...categories.map((c) => ({ key: keepKey({ part: "records", category: c.category }), part: "records" as const, category: c.category, count: c._count._all })),
    { key: keepKey({ part: "profile" }), part: "profile" },
    { key: keepKey({ part: "requests" }), part: "requests" },
  ];
}

/** The categories of the person's records, in order. */
async function recordCategories(tx: TenantTx, tenantId: string, subjectId: string): Promise<string[]> {
  return (await tx.subjectRecord.groupBy({ by: ["category"], where: { tenantId, subjectId }, orderBy: { category: "asc" } })).map((c) => c.category);
}

/** The parts of the person staff may choose to keep when approving an erasure (the request page's form). */
export async function erasureKeepOptions(tenantId: string, subjectId: string): Promise<KeepOption[]> {
  return withTenant(tenantId, (tx) => keepOptions(tx, tenantId, subjectId));
}

/**
 * Approves an erasure: it is carried out once the grace period has passed (at once with
 * a grace period of 0 days), keeping only what staff named with a ground of art. 17(3).
 * The request moves to IN_PROGRESS and the person is mailed the date, and what is kept
 * and why, at once (art. 12(3)/(4): informed of the action taken without undue delay).
 */
export async function approveErasure(context: StaffContext, input: { reference: string; keep?: KeepChoice[] }, now = new Date()): Promise<DataRequest> {
  const tenantId = context.tenant.id;
  const { request, kept } = await withTenant(tenantId, async (tx) => {
    const request = await requestByReference(tx, tenantId, input.reference);
    if (request.type !== "ERASURE" || !isActive(request.status)) throw new ActionError("statusNotAllowed");
    if (!request.subjectId) throw new ActionError("noSubject");
    if (erasureState(request) === "scheduled" || erasureState(request) === "erased") throw new ActionError("erasureScheduled");
    const options = new Map((await keepOptions(tx, tenantId, request.subjectId)).map((option) => [option.key, option]));
    const kept: ErasureKept[] = [];
    for (const choice of input.keep ?? []) {
      const option = options.get(choice.key);
      if (!option) throw new ActionError("erasureKeepUnknown");
      if (kept.some((k) => keepKey(k) === choice.key)) continue;
      kept.push({ part: option.part, ...(option.category !== undefined ? { category: option.category } : {}), ground: choice.ground, explanation: choice.explanation });
    }
    const grace = (await tx.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { erasureGraceDays: true } })).erasureGraceDays;
    const erasureDueAt = new Date(now.getTime() + grace * dayMs);
    const { count } = await tx.dataRequest.updateMany({
      where: { id: request.id, tenantId, erasedAt: null, OR: [{ erasureDueAt: null }, { erasureCancelledAt: { not: null } }] },
      data: {
        erasureApprovedAt: now,
        erasureApprovedById: context.user.id,
        erasureDueAt,
        erasureCancelledAt: null,
        erasureKept: kept.length ? (kept as unknown as Prisma.InputJsonArray) : Prisma.DbNull,
      },
    });
    if (count !== 1) throw new ActionError("erasureScheduled");
    // Visible to the person at once: the request is being handled (not "received" until the job runs).
    if (request.status !== "IN_PROGRESS" && canTransition(request.status, "IN_PROGRESS", "staff")) {
      await transitionRequest(tx, request, "IN_PROGRESS", "staff", { actorLabel: context.user.email, now });
    }
    await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "erasure_approved", actor: "staff", actorLabel: context.user.email, body: erasureDueAt.toISOString(), at: now },
    });
    await auditByUser(tx, context, {
      action: "request.erasure_approved",
      targetType: "DataRequest",
      targetId: request.id,
      subjectId: request.subjectId,
      details: { reference: request.reference, erasureDueAt: erasureDueAt.toISOString(), graceDays: grace, kept: kept.map((k) => `${keepKey(k)} (${k.ground})`) },
    });
    // The tenant's systems learn what to keep (and so restrict) by category and ground; the explanations stay here.
    await emitEvent(tx, tenantId, "subject.erasure_due", requestLink(request), {
      subjectId: request.subjectId,
      reference: request.reference,
      erasureDueAt: erasureDueAt.toISOString(),
      ...(kept.length ? { kept: kept.map((k) => ({ part: k.part, ...(k.category !== undefined ? { category: k.category } : {}), ground: k.ground })) } : {}),
    });
    return { request: await tx.dataRequest.findFirstOrThrow({ where: { tenantId, id: request.id } }), kept };
  });
  // Carried out at once: the confirmation of the erasure is the one mail.
  if (request.erasureDueAt && request.erasureDueAt.getTime() <= now.getTime()) await carryOutErasure(tenantId, request.id, now);
  else await notifyErasureApproved(context.tenant, request, kept);
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
      where: { erasureDueAt: { lte: now }, erasedAt: null, erasureCancelledAt: null, status: { notIn: [...notCarriedOut] } },
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
    if (!request || erasureState(request) !== "scheduled" || !request.erasureDueAt || request.erasureDueAt > now) return null;
    const tenant = await tx.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true, hashSalt: true } });
    const subject = request.subjectId ? await tx.subject.findFirst({ where: { tenantId, id: request.subjectId }, select: { email: true, preferredLocale: true } }) : null;
    const locale: Locale = (subject?.preferredLocale ?? request.locale) === "en" ? "en" : "nl";
    const categories = subject && request.subjectId ? await recordCategories(tx, tenantId, request.subjectId) : [];
    return { request, tenant, to: subject?.email ?? request.requesterEmail ?? null, locale, outcome: erasureOutcome(keptOf(request.erasureKept), categories) };
  });
  if (!prepared) return false;
  const { tenant, to, locale, outcome } = prepared;
  // Before the address is gone. If the erasure below fails, the next run mails again.
  if (to) await sendErasureConfirmation(tenant, prepared.request.reference, to, locale, outcome);

  return withTenant(tenantId, async (tx) => {
    const { count } = await tx.dataRequest.updateMany({
      where: { id: requestId, tenantId, erasedAt: null, erasureCancelledAt: null, erasureDueAt: { lte: now }, status: { notIn: [...notCarriedOut] } },
      data: { erasedAt: now },
    });
    if (count !== 1) return false;
    const request = await tx.dataRequest.findFirstOrThrow({ where: { tenantId, id: requestId } });
    const person = await personOf(tx, tenantId, request);
    const kept = keptOf(request.erasureKept);
    const keep = keepSets(kept);
    const outcome = erasureOutcome(kept, person.subjectId ? await recordCategories(tx, tenantId, person.subjectId) : []);
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

    // Art. 17(3): the requests' texts stay when staff kept them (e.g. for legal claims).
    if (!keep.requests) {
      // The date of an approval (its body) names nobody and stays, so the history still reads.
      await tx.requestEvent.updateMany({ where: { tenantId, requestId: { in: ids }, body: { not: null }, kind: { not: "erasure_approved" } }, data: { body: null } });
      await tx.requestAttachment.deleteMany({ where: { tenantId, requestId: { in: ids } } });
      await tx.requestMail.deleteMany({ where: { tenantId, requestId: { in: ids } } });
      await tx.dataRequest.updateMany({
        where: { tenantId, id: { in: ids } },
        data: { requesterEmail: null, requesterName: null, details: "", target: null, extensionReason: null, rejectionReason: null },
      });
    }
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
    if (person.subjectId && keep.any) {
      // Art. 17(3): the subject and its address stay for what is kept, restricted (art. 18(2):
      // only stored); the records of every other category go, and the profile unless kept.
      const subjectId = person.subjectId;
      await tx.subjectRecord.deleteMany({ where: { tenantId, subjectId, category: { notIn: keep.categories } } });
      await tx.subjectSession.deleteMany({ where: { tenantId, subjectId } });
      if (!keep.profile) {
        await tx.profileChange.deleteMany({ where: { tenantId, subjectId } });
        await tx.complaintDetails.deleteMany({ where: { tenantId, subjectId } });
      }
      await tx.subject.updateMany({
        where: { tenantId, id: subjectId },
        data: {
          restricted: true,
          pendingEmail: null,
          pendingEmailHash: null,
          notifyStatementChanges: false,
          ...(keep.profile ? {} : { name: null, phone: null, postalAddress: null, companyName: null, vatNumber: null, customFields: {} }),
        },
      });
    } else if (person.subjectId) {
      // Sessions, records, profile changes and complaint details go with the subject (ON DELETE CASCADE).
      await tx.subject.deleteMany({ where: { tenantId, id: person.subjectId } });
    }
    if (person.subjectId) {
      // The audit entries stay; the IP addresses of the person's own actions go. The
      // append-only trigger allows exactly this, and only once the subject is gone or an
      // erasure of theirs has been carried out (migrations 20261203010000, 20261203090000).
      // Staff's and API keys' addresses are not the person's.
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
      details: { reference: request.reference, requests: ids.length, kept: kept.map((k) => `${keepKey(k)} (${k.ground})`) },
    });
    // What went, recorded on the request with what was kept (erasureKept), for its history and the dossier.
    await tx.dataRequest.updateMany({ where: { tenantId, id: request.id }, data: { erasureErased: outcome.erased as unknown as Prisma.InputJsonArray } });
    // Names the subject by id and the request by reference, nothing more; the tenant's systems erase by them
    // (and keep, restricted, the parts named by category and ground).
    await emitEvent(
      tx,
      tenantId,
      "subject.erased",
      { subjectId: person.subjectId, requestId: request.id },
      {
        subjectId: person.subjectId,
        reference: request.reference,
        ...(kept.length ? { restricted: true, kept: kept.map((k) => ({ part: k.part, ...(k.category !== undefined ? { category: k.category } : {}), ground: k.ground })) } : {}),
      },
    );
    return true;
  });
}

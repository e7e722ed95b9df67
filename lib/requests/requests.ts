import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { DataRequest, RequestEvent, Tenant } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { emitEvent, requestLink } from "@/lib/webhooks/events";
import type { Locale } from "@/lib/policy/content";
import { dueDate, tenantCalendar, type DeadlineCalendar } from "./deadline";
import { notifyStatusChange, sendMergedNotice, sendRequestConfirmation } from "./notify";
import { newReference, requesterEmailHash } from "./reference";
import { objectToDirectMarketingOnReceipt } from "./objection";
import { canTransition, closedStatuses, isOpen, type RequestActor } from "./status";

/**
 * Data-subject requests (GDPR art. 15-21) as the requester files and follows them.
 *
 * - From the portal the person is known (signed in by mail), so the request counts at
 *   once: RECEIVED, received now, due one calendar month later.
 * - Without an account it waits (AWAITING_CONFIRMATION) until the requester follows
 *   the link mailed to them; from then on it counts. The same link later shows the
 *   request's status. A link not used within confirmDays no longer confirms.
 * - The same address asking for the same type again while a confirmed request of that
 *   type is open does not make a second request: the new details are added to the open
 *   one as a "merged" event. Only someone who has shown the address is theirs may add to
 *   a request (anyone can type an address into the public form): from the portal at
 *   once, from the public form when the repeat's own link is confirmed (confirmRequest),
 *   and never into a request that is itself unconfirmed. Until then a repeat is a request
 *   of its own awaiting confirmation, and the form's answer is the same either way, so it
 *   reveals nothing about the address.
 */

export const requestTypes = ["ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "PORTABILITY", "AUTOMATED_DECISION"] as const satisfies readonly RequestType[];
export const confirmDays = 7;
export const otherPurpose = "other";

export type RequestEventKind = "created" | "status" | "information" | "merged" | "message";
/**
 * The events the requester's own view shows. Staff's working notes (a correction's
 * field names: lib/requests/admin.ts) stay in the console; what the requester must know
 * reaches them as a status change or a message, and they see their restriction set and
 * lifted (art. 18), their objection taking effect (art. 21), their erasure approved with
 * its date, cancelled or carried out (art. 17, 12(3)) and an unconfirmed request lapsing.
 */
export const requesterEventKinds = [
  "created",
  "status",
  "information",
  "merged",
  "message",
  "restricted",
  "unrestricted",
  "objection",
  "lapsed",
  "erasure_approved",
  "erasure_cancelled",
  "erased",
] as const;

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "hashSalt">;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const hashConfirmToken = (token: string) => sha256(`request:${token}`);

/** The fields every request form has; `purpose` (a consent purpose key or "other") only matters for an objection. */
export const requestFields = {
  type: z.enum(requestTypes, "requestType"),
  details: z.string().trim().max(5000, "tooLong"),
  purpose: z.string().trim().max(100, "tooLong").default(""),
  target: z.string().trim().max(1000, "tooLong").default(""),
};

/** Per type: a rectification says what is wrong; an objection to what and why; portability to whom; an automated decision which. */
export function checkRequestFields(value: { type: RequestType; details: string; purpose: string; target: string }, ctx: z.RefinementCtx): void {
  const need = (path: string) => ctx.addIssue({ code: "custom", path: [path], message: "required" });
  // Art. 22(3): contesting an automated decision says which decision and the person's point of view.
  if ((value.type === "RECTIFICATION" || value.type === "OBJECTION" || value.type === "AUTOMATED_DECISION") && !value.details) need("details");
  if (value.type === "OBJECTION") {
    if (!value.purpose) need("purpose");
    else if (value.purpose === otherPurpose && !value.target) need("target");
  }
  if (value.type === "PORTABILITY" && !value.target) need("target");
}

export const requestSchema = z.object(requestFields).superRefine(checkRequestFields);
export type RequestFormInput = z.output<typeof requestSchema>;

/** The request's target as stored: the purpose objected to, or the organisation to port to. */
export function requestTarget(input: Pick<RequestFormInput, "type" | "purpose" | "target">): string | null {
  if (input.type === "OBJECTION") return input.purpose && input.purpose !== otherPurpose ? input.purpose : input.target || null;
  if (input.type === "PORTABILITY") return input.target || null;
  return null;
}

export interface NewRequest {
  type: RequestType;
  details: string;
  target: string | null;
  locale: Locale;
}

export type Requester = { kind: "subject"; subjectId: string } | { kind: "public"; email: string; name: string | null };

export interface CreatedRequest {
  request: DataRequest;
  merged: boolean;
  /** For a request without an account: the token of the confirmation link that was mailed. */
  confirmToken: string | null;
}

export interface StatusChange {
  request: DataRequest;
  event: RequestEvent;
}

/**
 * Moves a request to another status if the table in status.ts allows it for this
 * actor, and records the change as an event. Sets receivedAt/dueAt on receipt and
 * closedAt on closing. Refuses (ActionError "statusNotAllowed") when the request
 * changed in the meantime. The caller mails the requester afterwards (notifyStatusChange).
 */
/** The tenant's calendar for deadlines: its time zone and its country's public holidays. */
export async function calendarOf(tx: TenantTx, tenantId: string): Promise<DeadlineCalendar> {
  return tenantCalendar(await tx.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { country: true, timeZone: true } }));
}

export async function transitionRequest(
  tx: TenantTx,
  request: DataRequest,
  to: RequestStatus,
  actor: RequestActor,
  options: { actorLabel?: string | null; body?: string | null; now?: Date; data?: Partial<Pick<DataRequest, "extendedDueAt" | "extensionReason" | "rejectionReason" | "refusalGround">> } = {},
): Promise<StatusChange> {
  const now = options.now ?? new Date();
  if (!canTransition(request.status, to, actor)) throw new ActionError("statusNotAllowed");
  const receiving = to === "RECEIVED" && !request.receivedAt;
  const calendar = receiving ? await calendarOf(tx, request.tenantId) : null;
  const { count } = await tx.dataRequest.updateMany({
    where: { id: request.id, tenantId: request.tenantId, status: request.status },
    data: {
      status: to,
      ...(calendar ? { receivedAt: now, dueAt: dueDate(now, calendar) } : {}),
      ...((closedStatuses as readonly RequestStatus[]).includes(to) ? { closedAt: now } : {}),
      ...options.data,
    },
  });
  if (count !== 1) throw new ActionError("statusNotAllowed");
  const event = await tx.requestEvent.create({
    data: {
      tenantId: request.tenantId,
      requestId: request.id,
      kind: "status",
      fromStatus: request.status,
      toStatus: to,
      actor,
      actorLabel: options.actorLabel ?? null,
      body: options.body ?? null,
      at: now,
    },
  });
  const updated = await tx.dataRequest.findFirstOrThrow({ where: { id: request.id, tenantId: request.tenantId } });
  await emitEvent(tx, request.tenantId, "request.status_changed", requestLink(updated), {
    reference: updated.reference,
    type: updated.type,
    from: request.status,
    to,
    actor,
    at: now.toISOString(),
    dueAt: updated.dueAt?.toISOString() ?? null,
    extendedDueAt: updated.extendedDueAt?.toISOString() ?? null,
  });
  if (receiving) await emitRequestCreated(tx, updated);
  return { request: updated, event };
}

/**
 * request.created: when a request starts to count (received): at once from the portal
 * or when staff record it, on confirmation for one filed without an account. It names
 * the requester's address, as the tenant's systems look people up by it; an erasure
 * replaces the payload of every delivery that still holds the address.
 */
export async function emitRequestCreated(tx: TenantTx, request: DataRequest): Promise<void> {
  await emitEvent(tx, request.tenantId, "request.created", requestLink(request), {
    reference: request.reference,
    type: request.type,
    status: request.status,
    channel: request.channel,
    subjectId: request.subjectId,
    requesterEmail: request.requesterEmail,
    receivedAt: request.receivedAt?.toISOString() ?? null,
    dueAt: request.dueAt?.toISOString() ?? null,
  });  // Art. 21(3): an objection to direct marketing takes effect as soon as the request counts.
  await objectToDirectMarketingOnReceipt(tx, request, request.receivedAt ?? new Date());
}

function mergedBody(input: Pick<NewRequest, "target" | "details">): string {
  return [input.target, input.details].filter(Boolean).join("\n\n");
}

/** The confirmed, open request of this type from this address, which a repeat is added to. */
async function openConfirmedRequest(tx: TenantTx, tenantId: string, requesterEmailHash: string, type: RequestType, except?: string): Promise<DataRequest | null> {
  return tx.dataRequest.findFirst({
    where: {
      tenantId,
      requesterEmailHash,
      type,
      status: { notIn: ["AWAITING_CONFIRMATION", ...closedStatuses] },
      ...(except ? { id: { not: except } } : {}),
    },
    orderBy: { createdAt: "desc" },
  });
}

/** Files a request from the portal (signed in, merging a repeat) or the public form (confirmation by mail). */
export async function createRequest(tenant: TenantRef, requester: Requester, input: NewRequest, now = new Date()): Promise<CreatedRequest> {
  const tenantId = tenant.id;
  const token = requester.kind === "public" ? randomBytes(24).toString("base64url") : null;
  const outcome = await withTenant(tenantId, async (tx) => {
    const subject =
      requester.kind === "subject" ? await tx.subject.findFirst({ where: { id: requester.subjectId, tenantId }, select: { id: true, email: true, name: true } }) : null;
    if (requester.kind === "subject" && !subject) throw new ActionError("notFound");
    const email = (subject?.email ?? (requester.kind === "public" ? requester.email : "")).trim().toLowerCase();
    const hash = requesterEmailHash(tenant, email);
    const channel = subject ? "portal" : "web";

    // Signed in by mail, the person has shown the address is theirs; from the public form
    // nobody has yet, so a repeat waits for its own confirmation (confirmRequest).
    const existing = subject ? await openConfirmedRequest(tx, tenantId, hash, input.type) : null;
    if (subject && existing) {
      await tx.requestEvent.create({
        data: { tenantId, requestId: existing.id, kind: "merged", actor: "requester", actorLabel: channel, body: mergedBody(input), at: now },
      });
      await auditRequest(tx, tenantId, subject.id, "request.merge", existing.id);
      return { request: existing, merged: true, change: null };
    }

    const reference = await newReference(tx, tenantId);
    const status: RequestStatus = subject ? "RECEIVED" : "AWAITING_CONFIRMATION";
    const request = await tx.dataRequest.create({
      data: {
        tenantId,
        reference,
        subjectId: subject?.id ?? null,
        type: input.type,
        status,
        requesterEmail: email,
        requesterName: subject ? subject.name : requester.kind === "public" ? requester.name : null,
        requesterEmailHash: hash,
        locale: input.locale,
        channel,
        details: input.details,
        target: input.target,
        confirmTokenHash: token ? hashConfirmToken(token) : null,
        receivedAt: subject ? now : null,
        dueAt: subject ? dueDate(now, await calendarOf(tx, tenantId)) : null,
        createdAt: now,
      },
    });
    const event = await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "created", toStatus: status, actor: "requester", actorLabel: channel, at: now },
    });
    if (subject) {
      await auditRequest(tx, tenantId, subject.id, "request.create", request.id);
      await emitRequestCreated(tx, request);
    }
    return { request, merged: false, change: subject ? { request, event } : null };
  });

  const { request, merged, change } = outcome;
  if (change) await notifyStatusChange(tenant, change.request, change.event);
  if (requester.kind === "public") await sendRequestConfirmation(tenant, request, token!);
  return { request, merged, confirmToken: token };
}

async function auditRequest(tx: TenantTx, tenantId: string, subjectId: string, action: string, requestId: string): Promise<void> {
  await recordAudit(tx, tenantId, {
    actorType: "subject",
    actorId: subjectId,
    actorLabel: "portal",
    action,
    targetType: "DataRequest",
    targetId: requestId,
    subjectId,
  });
}

export type Confirmation = { outcome: "confirmed" | "already"; request: DataRequest } | { outcome: "expired" | "invalid"; request: null };

/**
 * The requester follows the confirmation link: the request counts from now. When the
 * address already has a confirmed, open request of the type, the repeat is added to
 * that one instead (a "merged" event, and a mail saying so) and its own row goes: it
 * never counted. The link then shows the open request; an earlier link to that request
 * stops working, as one request has one link (the mail says to keep the newest).
 */
export async function confirmRequest(tenant: TenantRef, token: string, now = new Date()): Promise<Confirmation> {
  if (!token || token.length > 200) return { outcome: "invalid", request: null };
  const tenantId = tenant.id;
  const result = await withTenant(tenantId, async (tx): Promise<Confirmation & { change?: StatusChange; merged?: boolean }> => {
    const request = await tx.dataRequest.findFirst({ where: { tenantId, confirmTokenHash: hashConfirmToken(token) } });
    if (!request) return { outcome: "invalid", request: null };
    if (request.status !== "AWAITING_CONFIRMATION") return { outcome: "already", request };
    if (request.updatedAt.getTime() < now.getTime() - confirmDays * 86_400_000) return { outcome: "expired", request: null };
    const open = await openConfirmedRequest(tx, tenantId, request.requesterEmailHash, request.type, request.id);
    if (open) {
      await tx.dataRequest.deleteMany({ where: { id: request.id, tenantId } });
      await tx.dataRequest.updateMany({ where: { id: open.id, tenantId }, data: { confirmTokenHash: request.confirmTokenHash } });
      await tx.requestEvent.create({
        data: { tenantId, requestId: open.id, kind: "merged", actor: "requester", actorLabel: "web", body: mergedBody(request), at: now },
      });
      return { outcome: "confirmed", request: await tx.dataRequest.findFirstOrThrow({ where: { id: open.id, tenantId } }), merged: true };
    }
    const subject = request.requesterEmail
      ? await tx.subject.findFirst({ where: { tenantId, email: request.requesterEmail }, select: { id: true } })
      : null;
    if (subject) await tx.dataRequest.updateMany({ where: { id: request.id, tenantId }, data: { subjectId: subject.id } });
    const change = await transitionRequest(tx, { ...request, subjectId: subject?.id ?? request.subjectId }, "RECEIVED", "requester", { actorLabel: "web", now });
    return { outcome: "confirmed", request: change.request, change };
  });
  if (result.change) await notifyStatusChange(tenant, result.change.request, result.change.event);
  if (result.merged && result.request) await sendMergedNotice(tenant, result.request);
  return result.outcome === "confirmed" || result.outcome === "already" ? { outcome: result.outcome, request: result.request } : { outcome: result.outcome, request: null };
}

/**
 * Who may see and act on a request: the signed-in person (their own requests, and
 * those filed without an account from their current address), or whoever holds the
 * link mailed for a request filed without an account.
 */
export type RequestAccess = { subjectId: string } | { token: string };

async function ownedWhere(tx: TenantTx, tenant: TenantRef, access: RequestAccess) {
  if ("token" in access) {
    if (!access.token || access.token.length > 200) return null;
    return { tenantId: tenant.id, confirmTokenHash: hashConfirmToken(access.token) };
  }
  const subject = await tx.subject.findFirst({ where: { id: access.subjectId, tenantId: tenant.id }, select: { id: true, email: true } });
  if (!subject) return null;
  return { tenantId: tenant.id, OR: [{ subjectId: subject.id }, { requesterEmailHash: requesterEmailHash(tenant, subject.email) }] };
}

export async function listRequests(tenant: TenantRef, access: RequestAccess): Promise<DataRequest[]> {
  return withTenant(tenant.id, async (tx) => {
    const where = await ownedWhere(tx, tenant, access);
    if (!where) return [];
    return tx.dataRequest.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  });
}

export type RequestWithEvents = DataRequest & { events: RequestEvent[] };

/** One request with its history, if this access may see it; `reference` may be omitted with a token. */
export async function findRequest(tenant: TenantRef, access: RequestAccess, reference?: string): Promise<RequestWithEvents | null> {
  return withTenant(tenant.id, async (tx) => {
    const where = await ownedWhere(tx, tenant, access);
    if (!where) return null;
    return tx.dataRequest.findFirst({
      where: { ...where, ...(reference !== undefined ? { reference } : {}) },
      include: { events: { where: { tenantId: tenant.id, kind: { in: [...requesterEventKinds] } }, orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
  });
}

async function ownedRequest(tx: TenantTx, tenant: TenantRef, access: RequestAccess, reference?: string): Promise<DataRequest> {
  const where = await ownedWhere(tx, tenant, access);
  const request = where ? await tx.dataRequest.findFirst({ where: { ...where, ...(reference !== undefined ? { reference } : {}) } }) : null;
  if (!request) throw new ActionError("notFound");
  return request;
}

/** The requester adds information while the request is open; an answer to a question puts it back in progress. */
export async function addInformation(tenant: TenantRef, access: RequestAccess, reference: string | undefined, body: string, now = new Date()): Promise<DataRequest> {
  const result = await withTenant(tenant.id, async (tx) => {
    const request = await ownedRequest(tx, tenant, access, reference);
    if (!isOpen(request.status)) throw new ActionError("requestNotOpen");
    const label = "token" in access ? "web" : "portal";
    await tx.requestEvent.create({
      data: { tenantId: tenant.id, requestId: request.id, kind: "information", actor: "requester", actorLabel: label, body, at: now },
    });
    if ("subjectId" in access) await auditRequest(tx, tenant.id, access.subjectId, "request.information", request.id);
    await emitEvent(tx, tenant.id, "request.message", requestLink(request), { reference: request.reference, from: "requester", at: now.toISOString() });
    if (request.status === "WAITING_FOR_REQUESTER") return transitionRequest(tx, request, "IN_PROGRESS", "requester", { actorLabel: label, now });
    return { request, event: null };
  });
  if (result.event) await notifyStatusChange(tenant, result.request, result.event);
  return result.request;
}

/** The requester withdraws a request that is still open. */
export async function withdrawRequest(tenant: TenantRef, access: RequestAccess, reference: string | undefined, reason: string | null, now = new Date()): Promise<DataRequest> {
  const change = await withTenant(tenant.id, async (tx) => {
    const request = await ownedRequest(tx, tenant, access, reference);
    if (!canTransition(request.status, "WITHDRAWN", "requester")) throw new ActionError("requestNotOpen");
    const label = "token" in access ? "web" : "portal";
    const change = await transitionRequest(tx, request, "WITHDRAWN", "requester", { actorLabel: label, body: reason, now });
    if ("subjectId" in access) await auditRequest(tx, tenant.id, access.subjectId, "request.withdraw", request.id);
    return change;
  });
  await notifyStatusChange(tenant, change.request, change.event);
  return change.request;
}

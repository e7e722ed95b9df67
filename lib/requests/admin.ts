import { z } from "zod";
import type { DataRequest, RequestAttachment, RequestEvent } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { auditByUser } from "@/lib/audit";
import type { ConsoleContext } from "@/lib/console/context";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { answerParagraphs, prepareAccessAnswer, storeAccessAnswer } from "@/lib/export/access-answer";
import { customFieldMax, customFieldName, customValues, phone, vatNumber } from "@/lib/portal/profile";
import { email, locale as localeField, optionalText } from "@/lib/validation";
import { emitEvent, requestLink } from "@/lib/webhooks/events";
import { dueDate, endOfLocalDay, extensionBounds, localDay, middayOf, tenantCalendar, type DeadlineCalendar } from "./deadline";
import { notifyRestrictionLift, notifyStaffMessage, notifyStatusChange } from "./notify";
import { applyObjection, directMarketingKeys } from "./objection";
import { newReference, requesterEmailHash } from "./reference";
import { checkRequestFields, emitRequestCreated, requestFields, requestTarget, transitionRequest, type StatusChange } from "./requests";
import { refusalGrounds, requireAction, simpleStatuses, type StaffAction } from "./staff-view";

export { noticeTypes, recordSubjectViewed, requestForStaff, simpleStatuses, type AttachmentInfo, type StaffRequestView } from "./staff-view";

/**
 * What the tenant's staff do with a request, from the console. Every action runs in
 * one transaction with its audit entry (auditByUser) and its webhook events, and mails
 * the requester afterwards. Requests are found by reference within the active tenant
 * only (withTenant), so another tenant's reference or id finds nothing.
 *
 * What staff may do with a request is decided in one place, availableActions in
 * lib/requests/staff-view.ts: every action here starts with requireAction, which refuses
 * (ActionError "statusNotAllowed", or the more telling key it gives) whatever the request
 * page would not offer. Erasure (approve, cancel, carry out) lives in lib/erasure/erasure.ts.
 */

export type StaffContext = Pick<ConsoleContext, "tenant" | "user">;

const maxText = 5000;

/** The request, if staff may take `action` on it now (lib/requests/staff-view.ts). */
async function allowedRequest(tx: TenantTx, context: StaffContext, reference: string, action: StaffAction, now: Date, status?: DataRequest["status"]) {
  return requireAction(tx, context.tenant, reference, action, now, status);
}

const staffOptions = (context: StaffContext, now: Date, body?: string | null) => ({ actorLabel: context.user.email, body: body ?? null, now });

async function audit(tx: TenantTx, context: StaffContext, request: DataRequest, action: string, details: Record<string, string | number | boolean | null> = {}, subjectId?: string | null) {
  await auditByUser(tx, context, {
    action,
    targetType: "DataRequest",
    targetId: request.id,
    subjectId: subjectId ?? null,
    details: { reference: request.reference, ...details },
  });
}

async function notify(context: StaffContext, change: StatusChange): Promise<void> {
  await notifyStatusChange(context.tenant, change.request, change.event);
}

/**
 * Refuses (ActionError) an action the request page would not offer, for actions that live
 * elsewhere (erasure approve and cancel, lib/erasure): the console's action checks here
 * first, so that availableActions stays the one rule.
 */
export async function checkStaffAction(context: StaffContext, reference: string, action: StaffAction, now = new Date()): Promise<void> {
  await withTenant(context.tenant.id, (tx) => allowedRequest(tx, context, reference, action, now));
}

// ---- Reading ------------------------------------------------------------------------

/** An attachment's bytes, if it belongs to this request of this tenant. */
export async function attachmentOf(tenantId: string, reference: string, attachmentId: string): Promise<{ request: DataRequest; attachment: RequestAttachment } | null> {
  if (!attachmentId || attachmentId.length > 64) return null;
  return withTenant(tenantId, async (tx) => {
    const request = await tx.dataRequest.findFirst({ where: { tenantId, reference } });
    if (!request) return null;
    const attachment = await tx.requestAttachment.findFirst({ where: { tenantId, requestId: request.id, id: attachmentId } });
    return attachment ? { request, attachment } : null;
  });
}

// ---- Status -------------------------------------------------------------------------

const reference = z.string().trim().min(1).max(40);
const requiredText = (max = maxText) => z.string().trim().min(1, "required").max(max, "tooLong");

export const statusSchema = z.object({
  reference,
  status: z.enum(simpleStatuses, "invalid"),
  message: z.string().trim().max(maxText, "tooLong").default(""),
});

/**
 * Identity confirmed, in progress, waiting for the requester (with the question as the
 * message) or withdrawn on the requester's behalf. An optional message goes with the status mail.
 */
export async function changeStatus(context: StaffContext, input: z.output<typeof statusSchema>, now = new Date()): Promise<DataRequest> {
  if (input.status === "WAITING_FOR_REQUESTER" && !input.message) throw new ActionError("questionRequired", "message");
  const change = await withTenant(context.tenant.id, async (tx) => {
    const { request } = await allowedRequest(tx, context, input.reference, "status", now, input.status);
    const change = await transitionRequest(tx, request, input.status, "staff", staffOptions(context, now, input.message || null));
    await audit(tx, context, request, "request.status", { from: request.status, to: input.status });
    return change;
  });
  await notify(context, change);
  return change.request;
}

// ---- Extension (art. 12(3)) ---------------------------------------------------------

/** The new deadline for a chosen day: the end of that day, from the day after the deadline up to the latest extension. */
export function extensionDeadline(dueAt: Date, day: string, calendar: DeadlineCalendar): Date {
  const { min, max } = extensionBounds(dueAt, calendar);
  const end = endOfLocalDay(day, calendar);
  if (!end || day < min || day > max) throw new ActionError("extensionRange", "until");
  return end;
}

export const extendSchema = z.object({
  reference,
  until: z.string().trim().min(1, "required").max(10, "invalid"),
  reason: requiredText(),
});

/** Extends the deadline once, by at most two further months, with a reason the requester is sent. */
export async function extendDeadline(context: StaffContext, input: z.output<typeof extendSchema>, now = new Date()): Promise<DataRequest> {
  const change = await withTenant(context.tenant.id, async (tx) => {
    // Art. 12(3): once, and told "within one month of receipt of the request" (staff-view.ts).
    const { request, calendar } = await allowedRequest(tx, context, input.reference, "extend", now);
    const extendedDueAt = extensionDeadline(request.dueAt!, input.until, calendar);
    const change = await transitionRequest(tx, request, "EXTENDED", "staff", {
      ...staffOptions(context, now, input.reason),
      data: { extendedDueAt, extensionReason: input.reason },
    });
    await audit(tx, context, request, "request.extend", { until: extendedDueAt.toISOString() });
    return change;
  });
  await notify(context, change);
  return change.request;
}

// ---- Refusal (art. 12(4)/(5), 21(1)) ------------------------------------------------

export const rejectSchema = z.object({ reference, ground: z.enum(refusalGrounds, "invalid"), reason: requiredText() });

/**
 * Staff decide not to act (art. 12(4)): with the ground (art. 12(5)(b) manifestly
 * unfounded or excessive, art. 21(1) compelling legitimate grounds for an objection, or
 * another written out) and the reasoning, both kept on the request for the complaint
 * dossier. The mail tells the person why, and that they may complain to a supervisory
 * authority and seek a judicial remedy. Which grounds a request allows, and that an
 * objection to direct marketing allows none, is staff-view.ts's availableActions.
 */
export async function rejectRequest(context: StaffContext, input: z.output<typeof rejectSchema>, now = new Date()): Promise<DataRequest> {
  const change = await withTenant(context.tenant.id, async (tx) => {
    const { request, actions } = await allowedRequest(tx, context, input.reference, "refuse", now);
    if (!actions.refuse!.grounds.includes(input.ground)) throw new ActionError("refusalGround", "ground");
    const change = await transitionRequest(tx, request, "REJECTED", "staff", {
      ...staffOptions(context, now, input.reason),
      data: { rejectionReason: input.reason, refusalGround: input.ground },
    });
    await audit(tx, context, request, "request.reject", { ground: input.ground });
    return change;
  });
  await notify(context, change);
  return change.request;
}

// ---- Completion ---------------------------------------------------------------------

export const completeSchema = z.object({ reference, note: z.string().trim().max(maxText, "tooLong").default("") });

/**
 * Completes a request. Access and portability: the person's export as of now, with the
 * art. 15(1)/(2) information, is attached to the request (staff download it in the
 * console, the requester in the portal or, without a portal request, through an expiring
 * link); when the tenant holds nothing on the address the answer says so instead
 * (lib/export/access-answer.ts). Rectification: needs a note saying what was corrected. Erasure: completed by
 * carrying it out (lib/erasure), unless the tenant holds nothing on the person.
 */
export async function completeRequest(context: StaffContext, input: z.output<typeof completeSchema>, now = new Date()): Promise<DataRequest> {
  const tenantId = context.tenant.id;
  const { request, actions } = await withTenant(tenantId, (tx) => allowedRequest(tx, context, input.reference, "complete", now));
  if (actions.complete!.noteRequired && !input.note) throw new ActionError("noteRequired", "note");

  const answer = await prepareAccessAnswer(context.tenant, request, now);

  const change = await withTenant(tenantId, async (tx) => {
    const { request: current } = await allowedRequest(tx, context, input.reference, "complete", now);
    const notice = answer ? await storeAccessAnswer(tx, tenantId, current, answer, now) : null;
    const change = await transitionRequest(tx, current, "COMPLETED", "staff", staffOptions(context, now, input.note || null));
    const attached = !!notice?.attachmentId;
    await audit(tx, context, current, "request.complete", { attachedExport: attached, nothingHeld: !!notice?.nothingHeld }, attached ? current.subjectId : null);
    return { ...change, notice };
  });
  const { notice } = change;
  await notifyStatusChange(context.tenant, change.request, change.event, notice ? answerParagraphs(context.tenant, change.request.requesterEmail, notice) : undefined);
  return change.request;
}

// ---- Messages -----------------------------------------------------------------------

export const messageSchema = z.object({ reference, body: requiredText() });

/**
 * A message to the requester: stored as a RequestEvent of kind "message" by "staff" (the
 * portal's history shows it next to the requester's "information"), mailed in their language.
 */
export async function sendStaffMessage(context: StaffContext, input: z.output<typeof messageSchema>, now = new Date()): Promise<RequestEvent> {
  const tenantId = context.tenant.id;
  const { request, event } = await withTenant(tenantId, async (tx) => {
    const { request } = await allowedRequest(tx, context, input.reference, "message", now);
    const event = await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "message", actor: "staff", actorLabel: context.user.email, body: input.body, at: now },
    });
    await audit(tx, context, request, "request.message");
    await emitEvent(tx, tenantId, "request.message", requestLink(request), { reference: request.reference, from: "staff", at: now.toISOString() });
    return { request, event };
  });
  await notifyStaffMessage(context.tenant, request, input.body);
  return event;
}

// ---- Requests that arrived by mail, phone or letter ---------------------------------

export const channels = ["email", "phone", "letter"] as const;

export const recordSchema = z
  .object({
    ...requestFields,
    channel: z.enum(channels, "invalid"),
    requesterEmail: email,
    requesterName: optionalText(200),
    locale: localeField,
    receivedOn: z.string().trim().min(1, "required").regex(/^\d{4}-\d{2}-\d{2}$/, "invalid"),
  })
  .superRefine(checkRequestFields);

/**
 * Records a request made to the tenant outside Inzage, on the requester's behalf. It
 * counts from the day it arrived (today or earlier); it is linked to the subject when
 * the tenant knows the address. The requester gets the usual receipt by mail.
 */
export async function recordRequest(context: StaffContext, input: z.output<typeof recordSchema>, now = new Date()): Promise<DataRequest> {
  const tenantId = context.tenant.id;
  const calendar = tenantCalendar(context.tenant);
  const today = localDay(now, calendar);
  const midday = middayOf(input.receivedOn, calendar);
  if (!midday || input.receivedOn < "2000-01-01") throw new ActionError("invalid", "receivedOn");
  if (input.receivedOn > today) throw new ActionError("receivedInFuture", "receivedOn");
  // Today: now. An earlier day: noon that day in the tenant's zone, roughly when post and calls arrive.
  const receivedAt = input.receivedOn === today ? now : midday;
  const address = input.requesterEmail;
  const change = await withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { tenantId, email: address }, select: { id: true, name: true } });
    const request = await tx.dataRequest.create({
      data: {
        tenantId,
        reference: await newReference(tx, tenantId),
        subjectId: subject?.id ?? null,
        type: input.type,
        status: "RECEIVED",
        requesterEmail: address,
        requesterName: input.requesterName ?? subject?.name ?? null,
        requesterEmailHash: requesterEmailHash(context.tenant, address),
        locale: input.locale,
        channel: input.channel,
        details: input.details,
        target: requestTarget(input),
        receivedAt,
        dueAt: dueDate(receivedAt, calendar),
        createdAt: now,
      },
    });
    const event = await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "created", toStatus: "RECEIVED", actor: "staff", actorLabel: context.user.email, body: null, at: now },
    });
    await audit(tx, context, request, "request.record", { channel: input.channel, type: input.type });
    await emitRequestCreated(tx, request);
    return { request, event };
  });
  await notify(context, change);
  return change.request;
}

// ---- Rectification (art. 16) --------------------------------------------------------

export const staffProfileSchema = z.looseObject({
  reference,
  name: optionalText(120),
  phone,
  postalAddress: optionalText(500),
  companyName: optionalText(200),
  vatNumber,
});

const correctable = ["name", "phone", "postalAddress", "companyName", "vatNumber"] as const;

/**
 * Staff correct the person's profile for a rectification request: each changed field
 * is appended to ProfileChange with changedBy "staff:<their address>", and the request's
 * history notes which fields changed (not their values). The tenant's own fields come as
 * custom_<key>. The e-mail address is not changed here: only its owner can confirm a new one.
 */
export async function correctProfile(context: StaffContext, input: z.output<typeof staffProfileSchema>, now = new Date()): Promise<string[]> {
  const tenantId = context.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const { request } = await allowedRequest(tx, context, input.reference, "rectify", now);
    const subject = await tx.subject.findFirstOrThrow({ where: { tenantId, id: request.subjectId! } });
    const changes: Array<{ field: string; oldValue: string | null; newValue: string | null }> = [];
    const data: Partial<Record<(typeof correctable)[number], string | null>> = {};
    for (const field of correctable) {
      const next = input[field] ?? null;
      if ((subject[field] ?? null) !== next) {
        changes.push({ field, oldValue: subject[field] ?? null, newValue: next });
        data[field] = next;
      }
    }
    const fields = await tx.profileField.findMany({ where: { tenantId }, select: { key: true } });
    const stored = customValues(subject.customFields);
    const nextCustom: Record<string, string> = { ...stored };
    for (const { key } of fields) {
      const typed = (input as Record<string, unknown>)[customFieldName(key)];
      if (typed === undefined) continue;
      const value = typeof typed === "string" ? typed.trim() : "";
      if (value.length > customFieldMax) throw new ActionError("tooLong", customFieldName(key));
      const after = value || null;
      if ((stored[key] ?? null) === after) continue;
      changes.push({ field: `customFields.${key}`, oldValue: stored[key] ?? null, newValue: after });
      if (after === null) delete nextCustom[key];
      else nextCustom[key] = after;
    }
    if (changes.length === 0) return [];
    await tx.subject.updateMany({
      where: { tenantId, id: subject.id },
      data: { ...data, ...(changes.some((c) => c.field.startsWith("customFields.")) ? { customFields: nextCustom } : {}) },
    });
    await tx.profileChange.createMany({
      data: changes.map((change) => ({ tenantId, subjectId: subject.id, ...change, changedBy: `staff:${context.user.email}`, changedAt: now })),
    });
    const names = changes.map((c) => c.field);
    await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: "rectified", actor: "staff", actorLabel: context.user.email, body: names.join(", "), at: now },
    });
    await auditByUser(tx, context, {
      action: "subject.rectify",
      targetType: "Subject",
      targetId: subject.id,
      subjectId: subject.id,
      details: { reference: request.reference, fields: names },
    });
    return names;
  });
}

// ---- Restriction (art. 18) and objection (art. 21) ----------------------------------

export const restrictSchema = z.object({ reference, restricted: z.enum(["true", "false"]).transform((v) => v === "true") });

/**
 * Sets or lifts the restriction flag the API reports (Subject.restricted); emits
 * subject.restricted. The request's history (which the person's portal shows) records
 * both. Art. 18(3): the person is told before the restriction is lifted: the mail goes
 * out first, and when it cannot be sent the restriction stays.
 */
export async function setRestriction(context: StaffContext, input: z.output<typeof restrictSchema>, now = new Date()): Promise<void> {
  const tenantId = context.tenant.id;
  const action = input.restricted ? "restrict" : "liftRestriction";
  const { request } = await withTenant(tenantId, (tx) => allowedRequest(tx, context, input.reference, action, now));
  if (!input.restricted && !(await notifyRestrictionLift(context.tenant, request))) throw new ActionError("noRequester");
  await withTenant(tenantId, async (tx) => {
    const { request, subject } = await allowedRequest(tx, context, input.reference, action, now);
    await tx.subject.updateMany({ where: { tenantId, id: subject!.id }, data: { restricted: input.restricted } });
    await tx.requestEvent.create({
      data: { tenantId, requestId: request.id, kind: input.restricted ? "restricted" : "unrestricted", actor: "staff", actorLabel: context.user.email, at: now },
    });
    await auditByUser(tx, context, {
      action: input.restricted ? "subject.restrict" : "subject.unrestrict",
      targetType: "Subject",
      targetId: subject!.id,
      subjectId: subject!.id,
      details: { reference: request.reference, ...(input.restricted ? {} : { toldFirst: true }) },
    });
    await emitEvent(tx, tenantId, "subject.restricted", { subjectId: subject!.id, requestId: request.id }, { subjectId: subject!.id, reference: request.reference, restricted: input.restricted });
  });
}

export const objectionSchema = z.object({ reference, purpose: requiredText(200) });

/**
 * Staff uphold an objection (art. 21(1)): the purpose (a consent purpose key or free text)
 * is added to Subject.objections, which the API reports, and subject.objected is emitted;
 * the consent for that purpose, if given, is withdrawn (a ConsentEvent with channel
 * "objection", and consent.changed). When the purpose is one of the tenant's
 * direct-marketing purposes it is an objection to direct marketing (art. 21(3)): every
 * direct-marketing consent is withdrawn, as lib/requests/objection.ts does on receipt.
 */
export async function recordObjection(context: StaffContext, input: z.output<typeof objectionSchema>, now = new Date()): Promise<{ consentWithdrawn: boolean }> {
  const tenantId = context.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const { request } = await allowedRequest(tx, context, input.reference, "objection", now);
    const purpose = await tx.consentPurpose.findFirst({ where: { tenantId, key: input.purpose }, select: { key: true, directMarketing: true } });
    const directMarketing = purpose?.directMarketing ?? false;
    const { consentWithdrawn } = await applyObjection(tx, request, {
      purpose: input.purpose,
      purposeKeys: directMarketing ? await directMarketingKeys(tx, tenantId) : [],
      directMarketing,
      actor: "staff",
      actorLabel: context.user.email,
      audit: (inner, entry) => auditByUser(inner, context, entry),
      now,
    });
    return { consentWithdrawn: consentWithdrawn.length > 0 };
  });
}

// ---- Telling recipients (art. 19) ---------------------------------------------------

export const noticeSchema = z.object({ reference, recipient: requiredText(300) });

/** Records that a processor or recipient was told of the rectification, erasure or restriction (once per recipient). */
export async function markRecipientNotified(context: StaffContext, input: z.output<typeof noticeSchema>, now = new Date()): Promise<void> {
  const tenantId = context.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const { request } = await allowedRequest(tx, context, input.reference, "notice", now);
    const { count } = await tx.recipientNotice.createMany({
      data: [{ tenantId, requestId: request.id, recipientName: input.recipient, notifiedAt: now, notifiedById: context.user.id }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await audit(tx, context, request, "request.recipient_notified", { recipient: input.recipient });
  });
}

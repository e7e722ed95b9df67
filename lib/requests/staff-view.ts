import type { ConsentPurpose, DataRequest, RequestAttachment, RequestEvent, RecipientNotice, Subject, Tenant } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action";
import { auditByUser } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import type { ConsoleContext } from "@/lib/console/context";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { erasureKeepOptions, erasureState, type ErasureState } from "@/lib/erasure/erasure";
import { erasedOf, keptOf, type ErasedPart, type ErasureKept, type KeepOption } from "@/lib/erasure/kept";
import type { Locale } from "@/lib/policy/content";
import type { PublicStatement } from "@/lib/policy/public-statement";
import { publishedStatement } from "@/lib/policy/published";
import { consentStates } from "@/lib/portal/consent";
import { recordOverview } from "@/lib/portal/data";
import { profileFields, profileHistory } from "@/lib/portal/profile";
import { canStillExtend, effectiveDueAt, extensionBounds, latestExtension, tenantCalendar, type DeadlineCalendar } from "./deadline";
import { directMarketingTarget } from "./objection";
import { canTransition, isActive } from "./status";

/**
 * The staff request page's one source: what a request is (its facts) and what staff may
 * do with it now (availableActions). The page renders it; every action in
 * lib/requests/admin.ts checks the same availableActions before it changes anything
 * (requireAction), so the page never offers what the server would refuse and the server
 * never accepts what the page would not offer.
 */

type StaffContext = Pick<ConsoleContext, "tenant" | "user">;

/** Statuses staff set with the plain status form; the others have their own action with the fields they need. */
export const simpleStatuses = ["IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "WITHDRAWN"] as const satisfies readonly RequestStatus[];
export type SimpleStatus = (typeof simpleStatuses)[number];

/** Request types after which the tenant must tell the recipients of the data (art. 19). */
export const noticeTypes: ReadonlySet<RequestType> = new Set<RequestType>(["RECTIFICATION", "ERASURE", "RESTRICTION"]);

/** Requests that can lead to a restriction: art. 18(1)(a) accuracy contested, 18(1)(d) objection pending, or asked for outright. */
export const restrictionTypes: ReadonlySet<RequestType> = new Set<RequestType>(["RESTRICTION", "RECTIFICATION", "OBJECTION"]);

/**
 * Why staff did not act on a request (art. 12(4)): art. 12(5)(b) "manifestly unfounded"
 * or "excessive" (the controller bears the burden of showing it), art. 21(1) "compelling
 * legitimate grounds" for an objection, or another ground written out (an exemption,
 * identity not established under art. 12(6), the rights of others under art. 15(4)).
 * Every refusal has its reasoning written down; it is mailed to the person and kept for
 * the complaint dossier.
 */
export const refusalGrounds = ["manifestlyUnfounded", "excessive", "compellingGrounds", "other"] as const;
export type RefusalGround = (typeof refusalGrounds)[number];

/** Completing these needs a note: what was corrected (art. 16), what the human review decided (art. 22(3)). */
const noteTypes: ReadonlySet<RequestType> = new Set<RequestType>(["RECTIFICATION", "AUTOMATED_DECISION"]);

export interface AvailableActions {
  /** The plain status changes offered. */
  statuses: SimpleStatus[];
  complete: { noteRequired: boolean } | null;
  /** Art. 12(3): once, before the first deadline passes, up to two further months. */
  extend: { min: string; max: string; latest: Date } | null;
  /** Art. 12(4)/(5), 21(1); never for an objection to direct marketing (art. 21(3)). */
  refuse: { grounds: RefusalGround[] } | null;
  approveErasure: boolean;
  cancelErasure: boolean;
  rectify: boolean;
  restrict: boolean;
  /** Art. 18(3): lifting mails the person first, so it needs their address. */
  liftRestriction: boolean;
  /** Art. 21(1): record the objection as upheld. */
  objection: boolean;
  message: boolean;
  notice: boolean;
  /** Why an action is not offered, where staff should be told more than "not allowed now": an Errors key and its field. */
  why: Partial<Record<StaffAction, { key: string; field?: string }>>;
}

export type StaffAction = Exclude<keyof AvailableActions, "statuses" | "why"> | "status";

export const noActions: AvailableActions = {
  statuses: [],
  complete: null,
  extend: null,
  refuse: null,
  approveErasure: false,
  cancelErasure: false,
  rectify: false,
  restrict: false,
  liftRestriction: false,
  objection: false,
  message: false,
  notice: false,
  why: {},
};

/** What the rules below need to know about a request. */
export interface ActionFacts {
  request: DataRequest;
  subject: Pick<Subject, "id" | "restricted"> | null;
  /** Art. 21(2)-(3): the request objects to a direct-marketing purpose. */
  directMarketing: boolean;
  calendar: DeadlineCalendar;
}

/** The one rule of what staff may do with a request now. */
export function availableActions({ request, subject, directMarketing, calendar }: ActionFacts, now = new Date()): AvailableActions {
  const active = isActive(request.status);
  const erasure = erasureState(request);
  const staffMay = (to: RequestStatus) => canTransition(request.status, to, "staff");
  const extendable = request.dueAt && !request.extendedDueAt && staffMay("EXTENDED") && canStillExtend(request.dueAt, now);
  const why: AvailableActions["why"] = {};
  if (request.extendedDueAt) why.extend = { key: "alreadyExtended" };
  else if (request.dueAt && staffMay("EXTENDED") && !canStillExtend(request.dueAt, now)) why.extend = { key: "extensionTooLate", field: "until" };
  if (request.type === "ERASURE" && subject && staffMay("COMPLETED")) why.complete = { key: "erasureByApproval" };
  if (!subject) {
    if (request.type === "RECTIFICATION") why.rectify = { key: "noSubject" };
    if (request.type === "ERASURE") why.approveErasure = { key: "noSubject" };
    if (request.type === "OBJECTION") why.objection = { key: "noSubject" };
    if (restrictionTypes.has(request.type)) why.restrict = why.liftRestriction = { key: "noSubject" };
  }
  if (directMarketing) why.refuse = { key: "directMarketingObjection" };
  const grounds: RefusalGround[] =
    request.type === "OBJECTION" ? ["compellingGrounds", "manifestlyUnfounded", "excessive"] : ["manifestlyUnfounded", "excessive", "other"];
  return {
    statuses: simpleStatuses.filter((status) => staffMay(status)),
    // An erasure of a known person is completed by carrying it out (lib/erasure).
    complete: staffMay("COMPLETED") && !(request.type === "ERASURE" && subject) ? { noteRequired: noteTypes.has(request.type) } : null,
    extend: extendable && request.dueAt ? { ...extensionBounds(request.dueAt, calendar), latest: latestExtension(request.dueAt, calendar) } : null,
    // A scheduled erasure is cancelled first; an objection to direct marketing cannot be refused.
    refuse: staffMay("REJECTED") && !directMarketing && erasure !== "scheduled" ? { grounds } : null,
    approveErasure: request.type === "ERASURE" && active && subject !== null && (erasure === "none" || erasure === "cancelled"),
    cancelErasure: erasure === "scheduled" && request.erasureDueAt !== null && request.erasureDueAt > now,
    rectify: request.type === "RECTIFICATION" && active && subject !== null,
    restrict: restrictionTypes.has(request.type) && active && subject !== null && !subject.restricted,
    // A restriction outlives the request that set it: it can be lifted after the request closed.
    liftRestriction: restrictionTypes.has(request.type) && subject !== null && subject.restricted && Boolean(request.requesterEmail),
    objection: request.type === "OBJECTION" && active && subject !== null && !directMarketing,
    message: Boolean(request.requesterEmail),
    notice: noticeTypes.has(request.type),
    why,
  };
}

/** Whether `action` is in `actions`; `status` needs the status asked for. */
export function allows(actions: AvailableActions, action: StaffAction, status?: RequestStatus): boolean {
  if (action === "status") return status !== undefined && (actions.statuses as RequestStatus[]).includes(status);
  return Boolean(actions[action]);
}

type TenantForActions = Pick<Tenant, "id" | "timeZone" | "country">;

/** The facts of a request the rules need, read in the caller's transaction. */
export async function actionFacts(tx: TenantTx, tenant: TenantForActions, request: DataRequest): Promise<ActionFacts> {
  const [subject, purpose] = await Promise.all([
    request.subjectId ? tx.subject.findFirst({ where: { tenantId: tenant.id, id: request.subjectId }, select: { id: true, restricted: true } }) : null,
    directMarketingTarget(tx, request),
  ]);
  return { request, subject, directMarketing: purpose !== null, calendar: tenantCalendar(tenant) };
}

/**
 * The request by reference with what staff may do with it, refused (ActionError
 * "statusNotAllowed") when `action` is not among them. Every staff action on a request
 * starts here, inside its transaction.
 */
export async function requireAction(
  tx: TenantTx,
  tenant: TenantForActions,
  reference: string,
  action: StaffAction,
  now: Date,
  status?: RequestStatus,
): Promise<ActionFacts & { actions: AvailableActions }> {
  const request = await tx.dataRequest.findFirst({ where: { tenantId: tenant.id, reference } });
  if (!request) throw new ActionError("notFound");
  const facts = await actionFacts(tx, tenant, request);
  const actions = availableActions(facts, now);
  if (!allows(actions, action, status)) {
    const reason = actions.why[action];
    throw new ActionError(reason?.key ?? "statusNotAllowed", reason?.field);
  }
  return { ...facts, actions };
}

// ---- Reading ------------------------------------------------------------------------

export type AttachmentInfo = Pick<RequestAttachment, "id" | "filename" | "contentType" | "size" | "createdAt">;

export interface StaffRequestView {
  request: DataRequest;
  events: RequestEvent[];
  attachments: AttachmentInfo[];
  notices: RecipientNotice[];
  subject: Subject | null;
}

/** A request of the active tenant by reference, with its history, attachments (without their bytes), notices and subject. */
export async function requestForStaff(tenantId: string, reference: string): Promise<StaffRequestView | null> {
  return withTenant(tenantId, async (tx) => {
    const request = await tx.dataRequest.findFirst({ where: { tenantId, reference } });
    if (!request) return null;
    const [events, attachments, notices, subject] = await Promise.all([
      tx.requestEvent.findMany({ where: { tenantId, requestId: request.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
      tx.requestAttachment.findMany({
        where: { tenantId, requestId: request.id },
        select: { id: true, filename: true, contentType: true, size: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      }),
      tx.recipientNotice.findMany({ where: { tenantId, requestId: request.id }, orderBy: { notifiedAt: "asc" } }),
      request.subjectId ? tx.subject.findFirst({ where: { tenantId, id: request.subjectId } }) : null,
    ]);
    return { request, events, attachments, notices, subject };
  });
}

/** Repeated views by the same person within this window (reloads, the page after each action) are recorded once. */
export const viewRecordMinutes = 10;

/** Staff opened a request page showing the person's data: the portal's log of staff access lists it. */
export async function recordSubjectViewed(context: StaffContext, subjectId: string, request: Pick<DataRequest, "id" | "reference">, now = new Date()): Promise<void> {
  const tenantId = context.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const recent = await tx.auditEvent.findFirst({
      where: { tenantId, subjectId, actorType: "user", actorId: context.user.id, action: "subject.viewed", at: { gte: new Date(now.getTime() - viewRecordMinutes * 60_000) } },
      select: { id: true },
    });
    if (recent) return;
    await auditByUser(tx, context, { action: "subject.viewed", targetType: "Subject", targetId: subjectId, subjectId, details: { reference: request.reference } });
  });
}

/** A line of the facts list: its label (RequestAdmin.facts.*) and a date, a text as entered, or a message key. */
export type StaffFact = { id: string; label: string } & ({ date: Date } | { text: string } | { message: string });

function requestFacts(request: DataRequest, subject: Subject | null, directMarketing: boolean): StaffFact[] {
  const facts: StaffFact[] = [
    { id: "type", label: "type", message: `Requests.types.${request.type}.title` },
    { id: "status", label: "status", message: `Inbox.status.${request.status}` },
    { id: "channel", label: "channel", message: `Inbox.channels.${request.channel}` },
    request.requesterEmail ? { id: "requester", label: "requester", text: request.requesterEmail } : { id: "requester", label: "requester", message: "Inbox.erased" },
  ];
  const text = (id: string, label: string, value: string | null) => value && facts.push({ id, label, text: value });
  const date = (id: string, label: string, value: Date | null) => value && facts.push({ id, label, date: value });
  text("name", "name", request.requesterName);
  facts.push({ id: "language", label: "language", message: `Common.languageNames.${request.locale === "en" ? "en" : "nl"}` });
  date("filed", "filed", request.createdAt);
  date("lapsed", "lapsed", request.lapsedAt);
  date("received", "received", request.receivedAt);
  date("due", "due", request.dueAt);
  date("extended", "extendedDue", request.extendedDueAt);
  text("extensionReason", "extensionReason", request.extensionReason);
  date("closed", "closed", request.closedAt);
  if (request.refusalGround) facts.push({ id: "refusalGround", label: "refusalGround", message: `RequestAdmin.refuse.grounds.${request.refusalGround}` });
  text("rejectionReason", "rejectionReason", request.rejectionReason);
  text("target", "target", request.target);
  if (directMarketing) facts.push({ id: "directMarketing", label: "directMarketing", message: "RequestAdmin.facts.directMarketingYes" });
  text("details", "details", request.details);
  facts.push({ id: "subject", label: "subject", message: subject ? "RequestAdmin.facts.known" : "RequestAdmin.facts.unknown" });
  return facts;
}

/** What the page shows of the person, as their own portal shows it. */
async function subjectData(tenant: Tenant, subject: Subject) {
  const [fields, records, consents, history] = [
    await profileFields(tenant),
    await recordOverview(tenant, subject.id, 5),
    await consentStates(tenant, subject.id),
    await profileHistory(tenant, subject.id, 20),
  ];
  return { fields, records, consents, history };
}

export type StaffRequestPage = StaffRequestView & {
  facts: StaffFact[];
  availableActions: AvailableActions;
  /** The deadline that counts, and whether an open request has passed it. */
  due: Date | null;
  overdue: boolean;
  erasure: ErasureState;
  /** Art. 17(3): what staff may keep when approving the erasure (empty unless they may approve it). */
  erasureKeepOptions: KeepOption[];
  /** The erasure decision recorded on the request: what is kept and why, and what went. */
  erasureKept: ErasureKept[];
  erasureErased: ErasedPart[];
  directMarketing: boolean;
  /** Who told each recipient (art. 19), by user id. */
  noticeBy: Map<string, string>;
  /** The recipients the published statement names, for a rectification, erasure or restriction (null: no statement). */
  recipients: PublicStatement["recipients"] | null;
  /** The tenant's consent purposes, to name the one objected to. */
  purposes: ConsentPurpose[];
  subjectData: Awaited<ReturnType<typeof subjectData>> | null;
};

/**
 * Everything the staff request page shows, and what the signed-in member may do. Showing
 * the person's data is recorded in the audit trail (subject.viewed), which their portal
 * lists; that happens here, when the data are read, not while rendering.
 */
export async function loadStaffRequestPage(context: Pick<ConsoleContext, "tenant" | "user" | "role">, reference: string, locale: Locale, now = new Date()): Promise<StaffRequestPage | null> {
  const tenant = context.tenant;
  const view = await requestForStaff(tenant.id, reference);
  if (!view) return null;
  const { request, subject, notices } = view;
  const { facts, purposes, staff } = await withTenant(tenant.id, async (tx) => {
    const staffIds = [...new Set(notices.map((n) => n.notifiedById).filter((id): id is string => Boolean(id)))];
    return {
      facts: await actionFacts(tx, tenant, request),
      purposes: request.type === "OBJECTION" ? await tx.consentPurpose.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }) : [],
      staff: staffIds.length ? await tx.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } }) : [],
    };
  });
  const statement = noticeTypes.has(request.type) ? await publishedStatement(tenant, locale) : null;
  let data: StaffRequestPage["subjectData"] = null;
  if (subject) {
    data = await subjectData(tenant, subject);
    await recordSubjectViewed(context, subject.id, request, now);
  }
  const due = effectiveDueAt(request);
  const actions = can(context.role, "requests.handle") ? availableActions(facts, now) : noActions;
  return {
    ...view,
    facts: requestFacts(request, subject, facts.directMarketing),
    availableActions: actions,
    due,
    overdue: isActive(request.status) && due !== null && due < now,
    erasure: erasureState(request),
    erasureKeepOptions: actions.approveErasure && subject ? await erasureKeepOptions(tenant.id, subject.id) : [],
    erasureKept: keptOf(request.erasureKept),
    erasureErased: erasedOf(request.erasureErased),
    directMarketing: facts.directMarketing,
    noticeBy: new Map(staff.map((u) => [u.id, u.email])),
    recipients: statement ? statement.recipients : null,
    purposes,
    subjectData: data,
  };
}

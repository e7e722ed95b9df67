import { beforeAll, describe, expect, it } from "vitest";
import type { DataRequest, Tenant } from "@/generated/prisma/client";
import type { RequestStatus } from "@/generated/prisma/enums";
import { ActionError, runConsoleAction } from "@/lib/action";
import type { ConsoleState } from "@/lib/console/context";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";
import {
  changeStatus,
  completeRequest,
  correctProfile,
  extendDeadline,
  extensionDeadline,
  markRecipientNotified,
  recordObjection,
  recordRequest,
  recordSchema,
  rejectRequest,
  requestForStaff,
  sendStaffMessage,
  setRestriction,
  statusSchema,
  type StaffContext,
} from "./admin";
import { attachmentOf } from "./admin";
import { defaultCalendar, dueDate, extensionBounds, latestExtension } from "./deadline";
import { setConsent } from "@/lib/portal/consent";
import { addInformation, createRequest, findRequest } from "./requests";
import { requesterAttachments } from "./attachments";
import { canTransition, requestStatuses } from "./status";

useTestDatabase();

let inone: Tenant;
let web1on1: Tenant;
let staff: StaffContext;
let otherStaff: StaffContext;

const outboxTo = (email: string) => platformDb().outboxMail.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const deliveries = (tenantId: string, type: string) => platformDb().webhookDelivery.findMany({ where: { tenantId, eventType: type }, orderBy: { createdAt: "asc" } });
const audits = (tenantId: string, action: string) => platformDb().auditEvent.findMany({ where: { tenantId, action }, orderBy: { at: "asc" } });
const subjectOf = (tenant: Tenant, email: string) => platformDb().subject.findFirstOrThrow({ where: { tenantId: tenant.id, email } });

async function expectRefused(work: Promise<unknown>, key: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).key).toBe(key);
}

async function contextFor(tenant: Tenant, email: string): Promise<StaffContext> {
  const user = await platformDb().user.findUniqueOrThrow({ where: { email } });
  return { tenant, user: { id: user.id, email } };
}

let counter = 0;
/** A request recorded by staff for a new address, optionally moved to a status through the admin functions. */
async function newRequest(type: DataRequest["type"] = "ACCESS", email = `person${++counter}@example.net`, receivedOn?: string): Promise<DataRequest> {
  return recordRequest(
    staff,
    recordSchema.parse({ type, channel: "email", requesterEmail: email, requesterName: "", locale: "nl", details: type === "RECTIFICATION" || type === "OBJECTION" ? "Details" : "", purpose: type === "OBJECTION" ? "product-updates" : "", target: type === "PORTABILITY" ? "Other B.V." : "", receivedOn: receivedOn ?? new Date().toISOString().slice(0, 10) }),
  );
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  // inONE's statement bases nothing on consent: the tests give it consent-based purposes.
  await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
  web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
  staff = await contextFor(inone, "owner@inone.example");
  otherStaff = await contextFor(web1on1, "owner@web1on1.example");
  // An endpoint that wants every event, so that emitted events leave deliveries to look at.
  for (const tenant of [inone, web1on1]) {
    await withTenant(tenant.id, (tx) =>
      tx.webhookEndpoint.create({
        data: { tenantId: tenant.id, url: "https://hooks.example.com/inzage", secret: "s", events: ["request.created", "request.status_changed", "request.message", "subject.erasure_due", "subject.erased", "subject.restricted", "subject.objected", "consent.changed"] },
      }),
    );
  }
});

describe("status changes through the admin functions", () => {
  // Every (from, to) pair the staff form can ask for: allowed ones work, the others are refused.
  const simple = ["IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "WITHDRAWN"] as const;
  const reachable: RequestStatus[] = ["RECEIVED", "IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "EXTENDED", "COMPLETED", "REJECTED", "WITHDRAWN"];

  async function requestIn(status: RequestStatus): Promise<DataRequest> {
    const request = await newRequest();
    if (status === "RECEIVED") return request;
    if (status === "EXTENDED") return extendDeadline(staff, { reference: request.reference, until: extensionBounds(request.dueAt!, defaultCalendar).max, reason: "Veel verzoeken" });
    if (status === "COMPLETED") return completeRequest(staff, { reference: request.reference, note: "" });
    if (status === "REJECTED") return rejectRequest(staff, { reference: request.reference, ground: "other", reason: "Kennelijk ongegrond" });
    return changeStatus(staff, { reference: request.reference, status: status as (typeof simple)[number], message: status === "WAITING_FOR_REQUESTER" ? "Welk klantnummer?" : "" });
  }

  for (const from of reachable) {
    it(`from ${from}: allowed changes work, the others are refused`, async () => {
      for (const to of simple) {
        const request = await requestIn(from);
        expect(request.status).toBe(from);
        const attempt = changeStatus(staff, { reference: request.reference, status: to, message: "Vraag" });
        if (canTransition(from, to, "staff")) {
          await expect(attempt).resolves.toMatchObject({ status: to });
        } else {
          await expectRefused(attempt, "statusNotAllowed");
        }
      }
      for (const to of ["COMPLETED", "REJECTED"] as const) {
        const request = await requestIn(from);
        const attempt = to === "COMPLETED" ? completeRequest(staff, { reference: request.reference, note: "" }) : rejectRequest(staff, { reference: request.reference, ground: "other", reason: "Nee" });
        if (canTransition(from, to, "staff")) await expect(attempt).resolves.toMatchObject({ status: to });
        else await expectRefused(attempt, "statusNotAllowed");
      }
    });
  }

  it("covers every status but awaiting confirmation, which staff cannot move", async () => {
    expect(new Set([...reachable, "AWAITING_CONFIRMATION"])).toEqual(new Set(requestStatuses));
    const { request } = await createRequest(inone, { kind: "public", email: "waiting@example.net", name: null }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    expect(request.status).toBe("AWAITING_CONFIRMATION");
    for (const to of simple) await expectRefused(changeStatus(staff, { reference: request.reference, status: to, message: "x" }), "statusNotAllowed");
    await expectRefused(completeRequest(staff, { reference: request.reference, note: "" }), "statusNotAllowed");
  });

  it("asking the requester for information needs the question", async () => {
    const request = await newRequest();
    await expectRefused(changeStatus(staff, { reference: request.reference, status: "WAITING_FOR_REQUESTER", message: "" }), "questionRequired");
  });

  it("a change is audited, emitted as request.status_changed in its transaction, and mailed", async () => {
    const request = await newRequest("ACCESS", "audited@example.net");
    await changeStatus(staff, { reference: request.reference, status: "IDENTITY_CONFIRMED", message: "" });
    const audit = (await audits(inone.id, "request.status")).find((a) => a.targetId === request.id)!;
    expect(audit).toMatchObject({ actorType: "user", actorLabel: "owner@inone.example", details: { reference: request.reference, from: "RECEIVED", to: "IDENTITY_CONFIRMED" } });
    const emitted = (await deliveries(inone.id, "request.status_changed")).map((d) => d.payload as { data: { reference: string; to: string } });
    expect(emitted.find((p) => p.data.reference === request.reference)?.data).toMatchObject({ to: "IDENTITY_CONFIRMED", actor: "staff" });
    expect((await outboxTo("audited@example.net")).at(-1)!.subject).toContain("Identiteit bevestigd");
  });

  it("the schema refuses a status that has its own action", () => {
    expect(statusSchema.safeParse({ reference: "R-2222-2222", status: "COMPLETED" }).success).toBe(false);
  });
});

describe("extension (art. 12(3))", () => {
  it("the bounds run from the day after the deadline to two calendar months after it, as whole days", () => {
    const due = dueDate(new Date("2026-03-31T10:00:00Z"), defaultCalendar); // Thu 30 April, end of day in Amsterdam
    expect(extensionBounds(due, defaultCalendar)).toEqual({ min: "2026-05-01", max: "2026-06-30" });
    expect(extensionDeadline(due, "2026-06-30", defaultCalendar)).toEqual(latestExtension(due, defaultCalendar));
    expect(extensionDeadline(due, "2026-05-15", defaultCalendar).toISOString()).toBe("2026-05-15T21:59:59.999Z");
    for (const day of ["2026-04-30", "2026-07-01", "2026-13-01", "2026-02-30", "tomorrow"]) {
      expect(() => extensionDeadline(due, day, defaultCalendar)).toThrow(ActionError);
    }
  });

  it("is refused once the first deadline has passed (art. 12(3): told within one month)", async () => {
    const request = await newRequest("ACCESS", "extend-late@example.net");
    const { max } = extensionBounds(request.dueAt!, defaultCalendar);
    const afterDeadline = new Date(request.dueAt!.getTime() + 1);
    await expectRefused(extendDeadline(staff, { reference: request.reference, until: max, reason: "Te laat" }, afterDeadline), "extensionTooLate");
  });

  it("works once, with a reason the requester is mailed, and not beyond two months", async () => {
    const request = await newRequest("ACCESS", "extend@example.net");
    const { max } = extensionBounds(request.dueAt!, defaultCalendar);
    const beyond = new Date(Date.parse(`${max}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await expectRefused(extendDeadline(staff, { reference: request.reference, until: beyond, reason: "Te veel" }), "extensionRange");
    const extended = await extendDeadline(staff, { reference: request.reference, until: max, reason: "Het verzoek is complex." });
    expect(extended).toMatchObject({ status: "EXTENDED", extensionReason: "Het verzoek is complex." });
    expect(extended.extendedDueAt!.getTime()).toBeLessThanOrEqual(latestExtension(request.dueAt!, defaultCalendar).getTime());
    expect(extended.extendedDueAt!.getTime()).toBeGreaterThan(request.dueAt!.getTime());
    const mail = (await outboxTo("extend@example.net")).at(-1)!;
    expect(mail.subject).toContain("Termijn verlengd");
    expect(mail.text).toContain("Het verzoek is complex.");

    // Once: not again, also not after moving on.
    await changeStatus(staff, { reference: request.reference, status: "IN_PROGRESS", message: "" });
    await expectRefused(extendDeadline(staff, { reference: request.reference, until: max, reason: "Nog eens" }), "alreadyExtended");
  });
});

describe("rejection (art. 12(4))", () => {
  it("needs a reason and tells the requester about complaining; with no lead authority declared it names none, and links the authorities page", async () => {
    expect(inone.leadAuthorityId).toBeNull(); // inONE's statement names no lead authority (issue 12)
    const request = await newRequest("ERASURE", "reject@example.net");
    const rejected = await rejectRequest(staff, { reference: request.reference, ground: "other", reason: "Wij moeten deze gegevens zeven jaar bewaren." });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "Wij moeten deze gegevens zeven jaar bewaren." });
    const mail = (await outboxTo("reject@example.net")).at(-1)!;
    expect(mail.subject).toContain("Afgewezen");
    expect(mail.text).toContain("Reden: Wij moeten deze gegevens zeven jaar bewaren.");
    expect(mail.text).not.toContain("Autoriteit Persoonsgegevens");
    expect(mail.text).toMatch(/https?:\/\/\S+\/nl\/authorities/);
    // The reason is said once, not again as a message.
    expect(mail.text.split("zeven jaar bewaren").length - 1).toBe(1);
  });

  it("names the lead authority the tenant chose, in English for a requester who asked in English", async () => {
    await platformDb().tenant.update({ where: { id: inone.id }, data: { leadAuthorityId: "nl-ap" } });
    try {
      const chosen = { ...staff, tenant: { ...staff.tenant, leadAuthorityId: "nl-ap" } };
      const request = await recordRequest(chosen, recordSchema.parse({ type: "ACCESS", channel: "letter", requesterEmail: "reject-en@example.net", requesterName: "", locale: "en", details: "", receivedOn: new Date().toISOString().slice(0, 10) }));
      await rejectRequest(chosen, { reference: request.reference, ground: "other", reason: "We could not confirm your identity." });
      const mail = (await outboxTo("reject-en@example.net")).at(-1)!;
      expect(mail.text).toContain("Reason: We could not confirm your identity.");
      expect(mail.text).toContain("Dutch Data Protection Authority");
      expect(mail.text).toMatch(/\/en\/authorities/);
    } finally {
      await platformDb().tenant.update({ where: { id: inone.id }, data: { leadAuthorityId: null } });
    }
  });
});

describe("requests recorded by staff", () => {
  it("count from the day received (not in the future), are linked to a known subject, and acknowledged", async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const request = await newRequest("ACCESS", "jan.jansen@example.com", yesterday);
    const jan = await subjectOf(inone, "jan.jansen@example.com");
    expect(request).toMatchObject({ status: "RECEIVED", channel: "email", subjectId: jan.id });
    expect(request.receivedAt!.toISOString().slice(0, 10)).toBe(yesterday);
    expect(request.dueAt).toEqual(dueDate(request.receivedAt!, defaultCalendar));
    const created = (await deliveries(inone.id, "request.created")).map((d) => (d.payload as { data: { reference: string } }).data);
    expect(created.find((d) => d.reference === request.reference)).toMatchObject({ channel: "email", requesterEmail: "jan.jansen@example.com" });

    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await expectRefused(newRequest("ACCESS", "future@example.net", tomorrow), "receivedInFuture");
  });

  it("need the requester's address", () => {
    const parsed = recordSchema.safeParse({ type: "ACCESS", channel: "phone", requesterEmail: "", locale: "nl", details: "", receivedOn: "2026-01-01" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain("requesterEmail");
  });
});

describe("messages", () => {
  it("staff write, the requester answers: both sides show the same thread, the requester gets mail, request.message is emitted", async () => {
    const subject = await subjectOf(inone, "overdue@example.com");
    const { request } = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "RESTRICTION", details: "", target: null, locale: "nl" });
    await sendStaffMessage(staff, { reference: request.reference, body: "Kunt u uw klantnummer sturen?" });
    await addInformation(inone, { subjectId: subject.id }, request.reference, "Mijn klantnummer is IN-09931.");
    const portal = (await findRequest(inone, { subjectId: subject.id }, request.reference))!;
    const staffView = (await requestForStaff(inone.id, request.reference))!;
    const thread = (events: Array<{ kind: string; body: string | null; actor: string }>) =>
      events.filter((e) => e.kind === "message" || e.kind === "information").map((e) => [e.actor, e.body]);
    expect(thread(portal.events)).toEqual([
      ["staff", "Kunt u uw klantnummer sturen?"],
      ["requester", "Mijn klantnummer is IN-09931."],
    ]);
    expect(thread(staffView.events)).toEqual(thread(portal.events));
    const mail = (await outboxTo("overdue@example.com")).at(-1)!;
    expect(mail.subject).toContain(`bericht over uw verzoek ${request.reference}`);
    expect(mail.text).toContain("Kunt u uw klantnummer sturen?");
    const messages = (await deliveries(inone.id, "request.message")).map((d) => (d.payload as { data: { reference: string; from: string } }).data).filter((d) => d.reference === request.reference);
    expect(messages.map((m) => m.from)).toEqual(["staff", "requester"]);
  });
});

describe("completing", () => {
  it("an access request attaches the export as of that moment; staff and the requester can get it", async () => {
    const jan = await subjectOf(inone, "jan.jansen@example.com");
    const [seeded] = await platformDb().dataRequest.findMany({ where: { tenantId: inone.id, subjectId: jan.id, type: "ACCESS", status: "IN_PROGRESS" } });
    const completed = await completeRequest(staff, { reference: seeded.reference, note: "Hierbij uw gegevens." });
    expect(completed.status).toBe("COMPLETED");
    const view = (await requestForStaff(inone.id, seeded.reference))!;
    expect(view.attachments).toHaveLength(1);
    expect(view.attachments[0]).toMatchObject({ contentType: "application/zip" });
    const found = (await attachmentOf(inone.id, seeded.reference, view.attachments[0].id))!;
    expect(Buffer.from(found.attachment.data.subarray(0, 2)).toString()).toBe("PK");
    expect(await requesterAttachments(inone, jan.id, seeded.reference)).toHaveLength(1);
    const audit = (await audits(inone.id, "request.complete")).find((a) => a.targetId === seeded.id)!;
    expect(audit).toMatchObject({ subjectId: jan.id, details: { attachedExport: true } });
  });

  it("a rectification needs a note; the correction lands in the profile history as staff", async () => {
    const subject = await subjectOf(inone, "overdue@example.com");
    const { request } = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "RECTIFICATION", details: "Mijn naam is Olga de Vries-Smit", target: null, locale: "nl" });
    const changed = await correctProfile(staff, { reference: request.reference, name: "Olga de Vries-Smit", phone: null, postalAddress: null, companyName: null, vatNumber: null, custom_customerNumber: "IN-09931" });
    expect(changed).toEqual(["name"]);
    const history = await platformDb().profileChange.findMany({ where: { subjectId: subject.id, field: "name" } });
    expect(history.at(-1)).toMatchObject({ oldValue: "Olga de Vries", newValue: "Olga de Vries-Smit", changedBy: "staff:owner@inone.example" });
    await expectRefused(completeRequest(staff, { reference: request.reference, note: "" }), "noteRequired");
    await expect(completeRequest(staff, { reference: request.reference, note: "Uw naam is aangepast." })).resolves.toMatchObject({ status: "COMPLETED" });
  });

  it("an erasure of a known person completes only by carrying it out", async () => {
    const subject = await subjectOf(inone, "overdue@example.com");
    const { request } = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ERASURE", details: "", target: null, locale: "nl" });
    await expectRefused(completeRequest(staff, { reference: request.reference, note: "" }), "erasureByApproval");
  });
});

describe("restriction and objection", () => {
  it("set the flags the API reports and emit subject.restricted / subject.objected; an objection withdraws the consent (art. 18, 21(1))", async () => {
    const jan = await subjectOf(inone, "jan.jansen@example.com");
    // Product updates are not direct marketing at inONE: an objection to them is weighed by staff (art. 21(1)).
    await setConsent(inone, jan.id, { purposeKey: "product-updates", given: true, locale: "nl", channel: "portal" });
    const restriction = await newRequest("RESTRICTION", "jan.jansen@example.com");
    await setRestriction(staff, { reference: restriction.reference, restricted: true });
    expect((await subjectOf(inone, "jan.jansen@example.com")).restricted).toBe(true);
    const restricted = (await deliveries(inone.id, "subject.restricted")).map((d) => (d.payload as { data: unknown }).data);
    expect(restricted).toContainEqual({ subjectId: jan.id, reference: restriction.reference, restricted: true });

    const before = await platformDb().consentEvent.findMany({ where: { tenantId: inone.id, subjectId: jan.id, purposeKey: "product-updates" }, orderBy: { at: "asc" } });
    expect(before.at(-1)?.given).toBe(true);
    const objection = await newRequest("OBJECTION", "jan.jansen@example.com");
    const outcome = await recordObjection(staff, { reference: objection.reference, purpose: "product-updates" });
    expect(outcome).toEqual({ consentWithdrawn: true });
    expect((await subjectOf(inone, "jan.jansen@example.com")).objections).toContain("product-updates");
    const after = await platformDb().consentEvent.findMany({ where: { tenantId: inone.id, subjectId: jan.id, purposeKey: "product-updates" }, orderBy: { at: "asc" } });
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ given: false, channel: "objection" });
    const objected = (await deliveries(inone.id, "subject.objected")).map((d) => (d.payload as { data: unknown }).data);
    expect(objected).toContainEqual({ subjectId: jan.id, reference: objection.reference, purpose: "product-updates", directMarketing: false, purposes: ["product-updates"] });
    const consent = (await deliveries(inone.id, "consent.changed")).map((d) => (d.payload as { data: Record<string, unknown> }).data);
    expect(consent.at(-1)).toMatchObject({ subjectId: jan.id, purposeKey: "product-updates", given: false, channel: "objection" });

    // Again: the objection is not listed twice and there is no consent left to withdraw.
    const listed = (await subjectOf(inone, "jan.jansen@example.com")).objections;
    expect(await recordObjection(staff, { reference: objection.reference, purpose: "product-updates" })).toEqual({ consentWithdrawn: false });
    expect((await subjectOf(inone, "jan.jansen@example.com")).objections).toEqual(listed);

    await setRestriction(staff, { reference: restriction.reference, restricted: false });
    expect((await subjectOf(inone, "jan.jansen@example.com")).restricted).toBe(false);
  });

  it("recipients told are recorded once each, with who and when", async () => {
    const request = await newRequest("ERASURE");
    await markRecipientNotified(staff, { reference: request.reference, recipient: "Salesforce" });
    await markRecipientNotified(staff, { reference: request.reference, recipient: "Salesforce" });
    const view = (await requestForStaff(inone.id, request.reference))!;
    expect(view.notices).toEqual([expect.objectContaining({ recipientName: "Salesforce", notifiedById: staff.user.id })]);
    await expectRefused(markRecipientNotified(staff, { reference: (await newRequest("ACCESS")).reference, recipient: "Salesforce" }), "statusNotAllowed");
  });
});

describe("tenants are kept apart", () => {
  it("an admin of one tenant cannot act on another tenant's request by its reference", async () => {
    const request = await newRequest("ACCESS", "inone-only@example.net");
    await expectRefused(changeStatus(otherStaff, { reference: request.reference, status: "IN_PROGRESS", message: "" }), "notFound");
    await expectRefused(extendDeadline(otherStaff, { reference: request.reference, until: extensionBounds(request.dueAt!, defaultCalendar).max, reason: "x" }), "notFound");
    await expectRefused(rejectRequest(otherStaff, { reference: request.reference, ground: "other", reason: "x" }), "notFound");
    await expectRefused(completeRequest(otherStaff, { reference: request.reference, note: "" }), "notFound");
    await expectRefused(sendStaffMessage(otherStaff, { reference: request.reference, body: "x" }), "notFound");
    await expectRefused(markRecipientNotified(otherStaff, { reference: request.reference, recipient: "x" }), "notFound");
    expect(await requestForStaff(web1on1.id, request.reference)).toBeNull();
    expect((await platformDb().dataRequest.findFirstOrThrow({ where: { id: request.id } })).status).toBe("RECEIVED");
  });

  it("nor reach its attachments by id", async () => {
    const jan = await subjectOf(inone, "jan.jansen@example.com");
    const request = await newRequest("ACCESS", "jan.jansen@example.com");
    await completeRequest(staff, { reference: request.reference, note: "" });
    const [attachment] = await platformDb().requestAttachment.findMany({ where: { requestId: request.id } });
    expect(attachment).toBeDefined();
    expect(await attachmentOf(web1on1.id, request.reference, attachment.id)).toBeNull();
    // Not through another request of the same tenant either, nor through another person's portal.
    const other = await newRequest("ACCESS");
    expect(await attachmentOf(inone.id, other.reference, attachment.id)).toBeNull();
    const olga = await subjectOf(inone, "overdue@example.com");
    expect(await requesterAttachments(inone, olga.id, request.reference)).toEqual([]);
    expect(await requesterAttachments(inone, jan.id, request.reference)).toHaveLength(1);
  });

  it("the console action refuses roles without requests.handle", async () => {
    const request = await newRequest("ACCESS");
    const viewer = await platformDb().user.findUniqueOrThrow({ where: { email: "viewer@inone.example" } });
    const membership = { tenant: { id: inone.id, slug: "inone", name: "inONE" }, role: "VIEWER" as const };
    const state: ConsoleState = { user: { id: viewer.id, email: viewer.email }, memberships: [membership], active: membership };
    const result = await runConsoleAction(state, "requests.handle", statusSchema, { reference: request.reference, status: "IN_PROGRESS" }, (context, input) => changeStatus(context, input));
    expect(result).toMatchObject({ status: "error", formError: "forbidden" });
  });
});

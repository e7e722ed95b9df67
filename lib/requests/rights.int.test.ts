import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withTenant } from "@/lib/db/tenant-db";
import { requestTypes as apiRequestTypes } from "@/lib/api/schemas";
import { setConsent } from "@/lib/portal/consent";
import { createConsentPurpose, newPurposeSchema } from "@/lib/portal/settings";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";
import { completeRequest, markRecipientNotified, recordObjection, recordRequest, recordSchema, rejectRequest, setRestriction, type StaffContext } from "./admin";
import { notifyLapsedRequests } from "./lapse";
import { recipientsTold } from "./recipients";
import { confirmDays, confirmRequest, createRequest, findRequest, requestSchema } from "./requests";
import { availableActions, actionFacts, loadStaffRequestPage, noActions } from "./staff-view";

/**
 * The rights of issue 11, one article per test: the refusal path (art. 12(4)/(5)), lapsed
 * unconfirmed requests, restriction (art. 18(3)), recipients told (art. 19), objections
 * (art. 21(1)-(3)) and automated decisions (art. 22), and the one owner of what staff may do.
 */

useTestDatabase();

let inone: Tenant;
let staff: StaffContext;
const day = 86_400_000;

const outboxTo = (email: string) => platformDb().outboxMail.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const payloads = async (tenantId: string, type: string) =>
  (await platformDb().webhookDelivery.findMany({ where: { tenantId, eventType: type }, orderBy: { createdAt: "asc" } })).map((d) => (d.payload as { data: Record<string, unknown> }).data);
const subjectOf = (email: string) => platformDb().subject.findFirstOrThrow({ where: { tenantId: inone.id, email } });
const consentOf = async (subjectId: string, purposeKey: string) =>
  (await platformDb().consentEvent.findMany({ where: { tenantId: inone.id, subjectId, purposeKey }, orderBy: [{ at: "asc" }, { id: "asc" }] })).at(-1);

async function expectRefused(work: Promise<unknown>, key: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).key).toBe(key);
}

let counter = 0;
async function newSubject(): Promise<{ id: string; email: string }> {
  const email = `rights${++counter}@example.net`;
  return withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email, name: "Rie Rechten" }, select: { id: true, email: true } }));
}

const fromPortal = (subjectId: string, type: (typeof apiRequestTypes)[number], details = "Toelichting", target: string | null = null) =>
  createRequest(inone, { kind: "subject", subjectId }, { type, details, target, locale: "nl" });

const byStaff = (type: (typeof apiRequestTypes)[number], requesterEmail: string, purpose = "") =>
  recordRequest(
    staff,
    recordSchema.parse({ type, channel: "email", requesterEmail, requesterName: "", locale: "nl", details: "Per e-mail", purpose, target: "", receivedOn: new Date().toISOString().slice(0, 10) }),
  );

async function actionsFor(reference: string, now = new Date()) {
  return withTenant(inone.id, async (tx) => {
    const request = await tx.dataRequest.findFirstOrThrow({ where: { tenantId: inone.id, reference } });
    return availableActions(await actionFacts(tx, inone, request), now);
  });
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  // inONE's statement bases nothing on consent: the tests give it consent-based purposes.
  await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
  const owner = await platformDb().user.findUniqueOrThrow({ where: { email: "owner@inone.example" } });
  staff = { tenant: inone, user: { id: owner.id, email: owner.email } };
  await withTenant(inone.id, (tx) =>
    tx.webhookEndpoint.create({
      data: { tenantId: inone.id, url: "https://hooks.example.com/rights", secret: "s", events: ["request.status_changed", "subject.restricted", "subject.objected", "consent.changed"] },
    }),
  );
});

describe("art. 12(4)/(5): refusing to act", () => {
  it("art. 12(5)(b): a manifestly unfounded request is refused with its ground and reasoning kept, and the mail gives the reason, the authority and the court (art. 12(4))", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "ACCESS");
    expect((await actionsFor(request.reference)).refuse).toEqual({ grounds: ["manifestlyUnfounded", "excessive", "other"] });
    // Art. 21(1)'s ground belongs to objections only.
    await expectRefused(rejectRequest(staff, { reference: request.reference, ground: "compellingGrounds", reason: "x" }), "refusalGround");

    const refused = await rejectRequest(staff, { reference: request.reference, ground: "manifestlyUnfounded", reason: "U vroeg hetzelfde gisteren al en kreeg het antwoord." });
    expect(refused).toMatchObject({ status: "REJECTED", refusalGround: "manifestlyUnfounded", rejectionReason: "U vroeg hetzelfde gisteren al en kreeg het antwoord." });
    const mail = (await outboxTo(person.email)).at(-1)!;
    expect(mail.text).toContain("kennelijk ongegrond");
    expect(mail.text).toContain("U vroeg hetzelfde gisteren al en kreeg het antwoord.");
    expect(mail.text).toContain("klacht indienen bij een toezichthouder");
    expect(mail.text).toContain("naar de rechter");
    const audit = await platformDb().auditEvent.findFirstOrThrow({ where: { tenantId: inone.id, action: "request.reject", targetId: request.id } });
    expect(audit.details).toMatchObject({ ground: "manifestlyUnfounded" });
    // The person's own view shows the ground and the reasoning.
    const own = await findRequest(inone, { subjectId: person.id }, request.reference);
    expect(own).toMatchObject({ refusalGround: "manifestlyUnfounded" });
  });

  it("art. 12(4): a web request whose address is never confirmed does not lapse silently: the address is told once how to file again", async () => {
    const email = `unconfirmed${++counter}@example.net`;
    const { request, confirmToken } = await createRequest(inone, { kind: "public", email, name: null }, { type: "ERASURE", details: "", target: null, locale: "nl" });
    const mailsBefore = (await outboxTo(email)).length;

    // Within the link's validity nothing happens.
    expect((await notifyLapsedRequests(new Date(Date.now() + (confirmDays - 1) * day))).told).toBe(0);
    const later = new Date(Date.now() + (confirmDays + 1) * day);
    expect((await notifyLapsedRequests(later)).told).toBeGreaterThanOrEqual(1);
    const mails = await outboxTo(email);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.subject).toContain("vervallen");
    expect(mails.at(-1)!.text).toContain(`/t/inone/request`);
    const lapsed = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(lapsed.lapsedAt).toEqual(later);
    expect(lapsed.status).toBe("AWAITING_CONFIRMATION");
    // Told once only; and the link stays expired (telling did not renew it).
    await notifyLapsedRequests(new Date(later.getTime() + day));
    expect(await outboxTo(email)).toHaveLength(mailsBefore + 1);
    expect((await confirmRequest(inone, confirmToken!, later)).outcome).toBe("expired");
    // The status link shows the lapse in the request's history.
    const own = await findRequest(inone, { token: confirmToken! });
    expect(own!.events.map((e) => e.kind)).toContain("lapsed");
  });
});

describe("art. 18: restriction", () => {
  it("art. 18(3): the person is told by mail before the restriction is lifted; setting and lifting show in their request history", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "RESTRICTION");
    await setRestriction(staff, { reference: request.reference, restricted: true });
    expect((await subjectOf(person.email)).restricted).toBe(true);
    expect((await actionsFor(request.reference)).liftRestriction).toBe(true);

    const mailsBefore = (await outboxTo(person.email)).length;
    await setRestriction(staff, { reference: request.reference, restricted: false });
    expect((await subjectOf(person.email)).restricted).toBe(false);
    const mails = await outboxTo(person.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.subject).toContain("beperking");
    expect(mails.at(-1)!.text).toContain("art. 18(3)");

    const own = await findRequest(inone, { subjectId: person.id }, request.reference);
    expect(own!.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["restricted", "unrestricted"]));
    // Nothing to lift any more.
    await expectRefused(setRestriction(staff, { reference: request.reference, restricted: false }), "statusNotAllowed");
  });

  it("art. 18(3): with nobody to tell, the restriction is not lifted", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "RESTRICTION");
    await setRestriction(staff, { reference: request.reference, restricted: true });
    await withTenant(inone.id, (tx) => tx.dataRequest.updateMany({ where: { tenantId: inone.id, id: request.id }, data: { requesterEmail: null } }));
    expect((await actionsFor(request.reference)).liftRestriction).toBe(false);
    await expectRefused(setRestriction(staff, { reference: request.reference, restricted: false }), "statusNotAllowed");
    expect((await subjectOf(person.email)).restricted).toBe(true);
  });
});

describe("art. 19: recipients told", () => {
  it("art. 19 (second sentence): the person sees which recipients were told of their erasure, rectification or restriction", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "RECTIFICATION", "Mijn naam is fout");
    expect(await recipientsTold(inone, person.id, request.reference)).toEqual([]);
    await markRecipientNotified(staff, { reference: request.reference, recipient: "Salesforce" });
    expect(await recipientsTold(inone, person.id, request.reference)).toEqual([expect.objectContaining({ recipientName: "Salesforce" })]);
    // Not for another person, nor for a request art. 19 does not cover.
    const other = await newSubject();
    expect(await recipientsTold(inone, other.id, request.reference)).toBeNull();
    const access = await fromPortal(person.id, "ACCESS");
    expect(await recipientsTold(inone, person.id, access.request.reference)).toBeNull();
  });
});

describe("art. 21: objection", () => {
  it("art. 21(2)-(3): an objection to direct marketing from the portal takes effect on filing, withdraws every marketing consent and cannot be refused", async () => {
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" });
    const { request } = await createRequest(inone, { kind: "subject", subjectId: person.id }, { type: "OBJECTION", details: "Geen reclame meer", target: "newsletter", locale: "nl" });

    expect(await consentOf(person.id, "newsletter")).toMatchObject({ given: false, channel: "objection" });
    expect((await subjectOf(person.email)).objections).toEqual(["newsletter"]);
    expect(await payloads(inone.id, "subject.objected")).toContainEqual({
      subjectId: person.id,
      reference: request.reference,
      purpose: "newsletter",
      directMarketing: true,
      purposes: ["newsletter"],
    });
    expect(await payloads(inone.id, "consent.changed")).toContainEqual(expect.objectContaining({ subjectId: person.id, purposeKey: "newsletter", given: false, channel: "objection" }));
    const own = await findRequest(inone, { subjectId: person.id }, request.reference);
    expect(own!.events.map((e) => e.kind)).toContain("objection");

    const actions = await actionsFor(request.reference);
    expect(actions.refuse).toBeNull();
    expect(actions.objection).toBe(false);
    expect(actions.complete).not.toBeNull();
    await expectRefused(rejectRequest(staff, { reference: request.reference, ground: "other", reason: "Wij willen u toch mailen" }), "directMarketingObjection");
    await expect(completeRequest(staff, { reference: request.reference, note: "" })).resolves.toMatchObject({ status: "COMPLETED" });
  });

  it("art. 21(3): an objection to direct marketing filed without an account takes effect when the address is confirmed, not before", async () => {
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" });
    const { confirmToken } = await createRequest(inone, { kind: "public", email: person.email, name: null }, { type: "OBJECTION", details: "Stop", target: "newsletter", locale: "nl" });
    expect(await consentOf(person.id, "newsletter")).toMatchObject({ given: true });
    await confirmRequest(inone, confirmToken!);
    expect(await consentOf(person.id, "newsletter")).toMatchObject({ given: false, channel: "objection" });
  });

  it("art. 21(3): recorded by staff from a letter, it takes effect at once as well", async () => {
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" });
    await byStaff("OBJECTION", person.email, "newsletter");
    expect(await consentOf(person.id, "newsletter")).toMatchObject({ given: false, channel: "objection" });
  });

  it("art. 21(3): a tenant marks its own consent purpose as direct marketing in the console; unchecked it is not", async () => {
    const texts = { titleNl: "Acties", titleEn: "Offers", descriptionNl: "Aanbiedingen per mail", descriptionEn: "Offers by mail" };
    await createConsentPurpose(staff, newPurposeSchema.parse({ ...texts, key: "offers-rights", directMarketing: "true", statementPurpose: "test-newsletter" }));
    await createConsentPurpose(staff, newPurposeSchema.parse({ ...texts, key: "plain-rights" }));
    const purposes = await platformDb().consentPurpose.findMany({ where: { tenantId: inone.id, key: { in: ["offers-rights", "plain-rights"] } }, orderBy: { key: "asc" } });
    expect(purposes.map((p) => [p.key, p.directMarketing])).toEqual([
      ["offers-rights", true],
      ["plain-rights", false],
    ]);
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "offers-rights", given: true, locale: "nl", channel: "portal" });
    await fromPortal(person.id, "OBJECTION", "Geen acties", "offers-rights");
    expect(await consentOf(person.id, "offers-rights")).toMatchObject({ given: false, channel: "objection" });
  });

  it("art. 21(1): another objection can be refused only on compelling legitimate grounds (or as unfounded or excessive), written down", async () => {
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "product-updates", given: true, locale: "nl", channel: "portal" });
    const { request } = await fromPortal(person.id, "OBJECTION", "Te veel mail", "product-updates");
    // Not direct marketing at inONE: nothing happens until staff decide.
    expect(await consentOf(person.id, "product-updates")).toMatchObject({ given: true });
    expect((await actionsFor(request.reference)).refuse).toEqual({ grounds: ["compellingGrounds", "manifestlyUnfounded", "excessive"] });
    await expectRefused(rejectRequest(staff, { reference: request.reference, ground: "other", reason: "Zomaar" }), "refusalGround");
    const refused = await rejectRequest(staff, { reference: request.reference, ground: "compellingGrounds", reason: "Onderhoudsberichten zijn nodig voor de veiligheid van het platform." });
    expect(refused).toMatchObject({ refusalGround: "compellingGrounds" });
    expect((await outboxTo(person.email)).at(-1)!.text).toContain("dwingende gerechtvaardigde gronden");
  });

  it("art. 21(1)/(3): staff who uphold an objection naming a direct-marketing purpose withdraw every marketing consent", async () => {
    const person = await newSubject();
    await setConsent(inone, person.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" });
    const { request } = await fromPortal(person.id, "OBJECTION", "Ik wil geen reclame", null);
    expect(await consentOf(person.id, "newsletter")).toMatchObject({ given: true });
    expect(await recordObjection(staff, { reference: request.reference, purpose: "newsletter" })).toEqual({ consentWithdrawn: true });
    expect(await payloads(inone.id, "subject.objected")).toContainEqual(expect.objectContaining({ reference: request.reference, directMarketing: true }));
  });
});

describe("art. 22: automated decisions", () => {
  it("art. 22(3): a request to contest an automated decision names the decision, is handled like the others and completes with what the human review found", async () => {
    expect(apiRequestTypes).toContain("AUTOMATED_DECISION");
    expect(requestSchema.safeParse({ type: "AUTOMATED_DECISION", details: "" }).success).toBe(false);
    expect(requestSchema.safeParse({ type: "AUTOMATED_DECISION", details: "Mijn krediet werd automatisch geweigerd" }).success).toBe(true);
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "AUTOMATED_DECISION", "Mijn krediet werd automatisch geweigerd");
    expect(request).toMatchObject({ status: "RECEIVED", type: "AUTOMATED_DECISION" });
    expect((await actionsFor(request.reference)).complete).toEqual({ noteRequired: true });
    await expectRefused(completeRequest(staff, { reference: request.reference, note: "" }), "noteRequired");
    await expect(completeRequest(staff, { reference: request.reference, note: "Een medewerker heeft het besluit herzien: het krediet is toegekend." })).resolves.toMatchObject({ status: "COMPLETED" });
  });
});

describe("the staff view: one owner of facts and actions", () => {
  it("a member without requests.handle gets no actions; viewing the person's data is recorded once by the loader", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "ACCESS");
    const viewer = await platformDb().user.findUniqueOrThrow({ where: { email: "viewer@inone.example" } });
    const page = await loadStaffRequestPage({ tenant: inone, user: { id: viewer.id, email: viewer.email }, role: "VIEWER" } as never, request.reference, "nl");
    expect(page!.availableActions).toEqual(noActions);
    expect(page!.subjectData).not.toBeNull();
    const owner = await loadStaffRequestPage({ ...staff, role: "OWNER" } as never, request.reference, "nl");
    expect(owner!.availableActions.refuse).not.toBeNull();
    expect(owner!.facts.map((f) => f.id)).toEqual(expect.arrayContaining(["type", "status", "due", "subject"]));
    const viewed = await platformDb().auditEvent.findMany({ where: { tenantId: inone.id, subjectId: person.id, action: "subject.viewed" } });
    expect(viewed.map((v) => v.actorId).sort()).toEqual([viewer.id, staff.user.id].sort());
  });

  it("a closed request offers nothing that changes it, and its actions refuse with statusNotAllowed", async () => {
    const person = await newSubject();
    const { request } = await fromPortal(person.id, "RECTIFICATION", "Fout");
    await rejectRequest(staff, { reference: request.reference, ground: "excessive", reason: "Derde keer deze week" });
    const actions = await actionsFor(request.reference);
    expect(actions).toMatchObject({ statuses: [], complete: null, extend: null, refuse: null, rectify: false, restrict: false });
    await expectRefused(completeRequest(staff, { reference: request.reference, note: "x" }), "statusNotAllowed");
    await expectRefused(setRestriction(staff, { reference: request.reference, restricted: true }), "statusNotAllowed");
  });
});

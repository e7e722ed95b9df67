import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";
import { defaultCalendar, dueDate, isOverdue } from "./deadline";
import { notifyStatusChange } from "./notify";
import { referencePattern, requesterEmailHash } from "./reference";
import { addInformation, confirmRequest, createRequest, findRequest, listRequests, transitionRequest, withdrawRequest } from "./requests";

useTestDatabase();

let inone: Tenant;
let web1on1: Tenant;
const jan = "jan.jansen@example.com";

const subjectOf = async (tenant: Tenant, email: string) => platformDb().subject.findFirstOrThrow({ where: { tenantId: tenant.id, email } });
const outboxTo = async (email: string) => platformDb().outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
const tokenIn = (text: string) => /\/request\/status\?token=(\S+)/.exec(text)![1];

async function expectRefused(work: Promise<unknown>, key: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).key).toBe(key);
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  // inONE's statement bases nothing on consent: the tests give it consent-based purposes.
  await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
  web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
});

describe("requests from the portal", () => {
  it("count at once: received now, due one calendar month later, with a reference and a receipt by mail", async () => {
    const subject = await subjectOf(inone, jan);
    const now = new Date("2026-01-31T09:00:00Z");
    const { request, merged } = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ERASURE", details: "Alles wissen", target: null, locale: "nl" }, now);
    expect(merged).toBe(false);
    expect(request.reference).toMatch(referencePattern);
    expect(request).toMatchObject({ status: "RECEIVED", channel: "portal", subjectId: subject.id, requesterEmail: jan });
    expect(request.receivedAt).toEqual(now);
    expect(request.dueAt).toEqual(dueDate(now, defaultCalendar));
    // 28 February 2026 is a Saturday: the period ends with Monday 2 March, 23:59:59.999 in Amsterdam (1182/71 art. 3(4)).
    expect(request.dueAt!.toISOString()).toBe("2026-03-02T22:59:59.999Z");
    expect(request.requesterEmailHash).toBe(createHash("sha256").update(inone.hashSalt + jan).digest("hex"));
    const found = await findRequest(inone, { subjectId: subject.id }, request.reference);
    expect(found!.events).toEqual([expect.objectContaining({ kind: "created", toStatus: "RECEIVED", actor: "requester" })]);
    expect((await outboxTo(jan)).at(-1)!.subject).toContain(request.reference);
  });

  it("a second one of the same type while the first is open is merged into it", async () => {
    const subject = await subjectOf(inone, jan);
    const first = (await listRequests(inone, { subjectId: subject.id })).find((r) => r.type === "ERASURE")!;
    const again = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ERASURE", details: "Ook de bestellingen", target: null, locale: "nl" });
    expect(again).toMatchObject({ merged: true, request: { id: first.id } });
    expect((await listRequests(inone, { subjectId: subject.id })).filter((r) => r.type === "ERASURE")).toHaveLength(1);
    const events = (await findRequest(inone, { subjectId: subject.id }, first.reference))!.events;
    expect(events.at(-1)).toMatchObject({ kind: "merged", body: "Ook de bestellingen" });
  });

  it("the seed's overdue request is overdue", async () => {
    const subject = await subjectOf(inone, "overdue@example.com");
    const [request] = await listRequests(inone, { subjectId: subject.id });
    expect(request).toMatchObject({ type: "ACCESS", status: "RECEIVED" });
    expect(isOverdue(request.dueAt)).toBe(true);
  });
});

describe("requests without an account", () => {
  const stranger = "someone@example.org";

  it("wait for the address to be confirmed; from then on they count", async () => {
    const filedAt = new Date(Date.now() - 3_600_000);
    const { request, confirmToken } = await createRequest(inone, { kind: "public", email: stranger, name: "Sam" }, { type: "ACCESS", details: "", target: null, locale: "en" }, filedAt);
    expect(request).toMatchObject({ status: "AWAITING_CONFIRMATION", receivedAt: null, dueAt: null, subjectId: null, channel: "web" });
    const mail = (await outboxTo(stranger)).at(-1)!;
    expect(mail.subject).toMatch(/Confirm/);
    expect(tokenIn(mail.text)).toBe(confirmToken);
    const confirmedAt = new Date();
    const confirmation = await confirmRequest(inone, confirmToken!, confirmedAt);
    expect(confirmation.outcome).toBe("confirmed");
    expect(confirmation.request).toMatchObject({ status: "RECEIVED", receivedAt: confirmedAt, dueAt: dueDate(confirmedAt, defaultCalendar) });
    expect((await confirmRequest(inone, confirmToken!)).outcome).toBe("already");
    expect((await confirmRequest(web1on1, confirmToken!)).outcome).toBe("invalid");
  });

  it("a repeat from the public form changes nothing until its own link is confirmed; then it is added to the open request", async () => {
    const hash = requesterEmailHash(inone, stranger);
    const open = await platformDb().dataRequest.findFirstOrThrow({ where: { tenantId: inone.id, requesterEmailHash: hash, type: "ACCESS", status: "RECEIVED" } });
    const eventsOf = (requestId: string) => platformDb().requestEvent.findMany({ where: { requestId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    const eventsBefore = await eventsOf(open.id);

    // Anyone can type the address into the form: that alone adds nothing to the open request.
    const again = await createRequest(inone, { kind: "public", email: "Someone@Example.org", name: null }, { type: "ACCESS", details: "Also my invoices", target: null, locale: "en" });
    expect(again.merged).toBe(false);
    expect(again.request).toMatchObject({ status: "AWAITING_CONFIRMATION", details: "Also my invoices" });
    expect(again.request.id).not.toBe(open.id);
    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: open.id } })).toEqual(open);
    expect(await eventsOf(open.id)).toEqual(eventsBefore);
    expect((await outboxTo(stranger)).at(-1)!.subject).toMatch(/Confirm your privacy request/);

    // The address's owner confirms the repeat: its details join the open request, and its own row goes.
    const confirmation = await confirmRequest(inone, again.confirmToken!);
    expect(confirmation).toMatchObject({ outcome: "confirmed", request: { id: open.id, status: "RECEIVED", dueAt: open.dueAt } });
    expect((await eventsOf(open.id)).slice(eventsBefore.length)).toEqual([expect.objectContaining({ kind: "merged", actor: "requester", actorLabel: "web", body: "Also my invoices" })]);
    expect(await platformDb().dataRequest.findUnique({ where: { id: again.request.id } })).toBeNull();
    expect((await outboxTo(stranger)).at(-1)!.subject).toMatch(new RegExp(`Added to your request ${open.reference}`));
    // The newest link shows the open request, and confirms nothing twice.
    expect((await findRequest(inone, { token: again.confirmToken! }))!.id).toBe(open.id);
    expect((await confirmRequest(inone, again.confirmToken!)).outcome).toBe("already");

    const other = await createRequest(inone, { kind: "public", email: stranger, name: null }, { type: "OBJECTION", details: "Not for ads", target: "newsletter", locale: "en" });
    expect(other.merged).toBe(false);
  });

  it("a repeat is never added to a request that is itself unconfirmed: each waits for its own link", async () => {
    const email = "twice@example.org";
    const first = await createRequest(web1on1, { kind: "public", email, name: null }, { type: "PORTABILITY", details: "", target: "Other Co, Utrecht", locale: "nl" });
    const second = await createRequest(web1on1, { kind: "public", email, name: null }, { type: "PORTABILITY", details: "Alles", target: "Other Co, Utrecht", locale: "nl" });
    expect(second.merged).toBe(false);
    expect(second.request.id).not.toBe(first.request.id);
    expect((await findRequest(web1on1, { token: first.confirmToken! }))!.events.map((e) => e.kind)).toEqual(["created"]);
    expect((await confirmRequest(web1on1, first.confirmToken!)).outcome).toBe("confirmed");
    const merged = await confirmRequest(web1on1, second.confirmToken!);
    expect(merged).toMatchObject({ outcome: "confirmed", request: { id: first.request.id } });
    expect((await findRequest(web1on1, { token: second.confirmToken! }))!.events.at(-1)).toMatchObject({ kind: "merged", body: "Other Co, Utrecht\n\nAlles" });
  });

  it("a signed-in repeat does not confirm, or add to, a request someone filed unconfirmed for the address", async () => {
    const email = "overdue@example.com";
    const planted = await createRequest(inone, { kind: "public", email, name: "Not them" }, { type: "PORTABILITY", details: "Send it all", target: "Evil Ltd", locale: "en" });
    const subject = await subjectOf(inone, email);
    const own = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "PORTABILITY", details: "", target: "Good Co", locale: "nl" });
    expect(own).toMatchObject({ merged: false, request: { status: "RECEIVED", target: "Good Co" } });
    const untouched = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: planted.request.id }, include: { events: true } });
    expect(untouched).toMatchObject({ status: "AWAITING_CONFIRMATION", subjectId: null, receivedAt: null });
    expect(untouched.events.map((e) => e.kind)).toEqual(["created"]);
  });

  it("the same address at another tenant is a separate request", async () => {
    const here = await createRequest(web1on1, { kind: "public", email: stranger, name: null }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    expect(here.merged).toBe(false);
    expect(here.request.tenantId).toBe(web1on1.id);
  });

  it("a link not used within seven days no longer confirms", async () => {
    const { confirmToken } = await createRequest(inone, { kind: "public", email: "late@example.org", name: null }, { type: "ERASURE", details: "", target: null, locale: "nl" });
    expect((await confirmRequest(inone, confirmToken!, new Date(Date.now() + 8 * 86_400_000))).outcome).toBe("expired");
  });

  it("confirming links the request to the person when the tenant knows the address", async () => {
    const { confirmToken } = await createRequest(inone, { kind: "public", email: "overdue@example.com", name: null }, { type: "RESTRICTION", details: "", target: null, locale: "nl" });
    const { request } = await confirmRequest(inone, confirmToken!);
    expect(request!.subjectId).toBe((await subjectOf(inone, "overdue@example.com")).id);
  });
});

describe("adding information and withdrawing", () => {
  it("work only while the request is open", async () => {
    const subject = await subjectOf(web1on1, jan);
    const [request] = await listRequests(web1on1, { subjectId: subject.id });
    expect(request.status).toBe("RECEIVED");
    await addInformation(web1on1, { subjectId: subject.id }, request.reference, "Owner since 2019");
    const withdrawn = await withdrawRequest(web1on1, { subjectId: subject.id }, request.reference, "Fixed by phone");
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN" });
    expect(withdrawn.closedAt).not.toBeNull();
    await expectRefused(addInformation(web1on1, { subjectId: subject.id }, request.reference, "More"), "requestNotOpen");
    await expectRefused(withdrawRequest(web1on1, { subjectId: subject.id }, request.reference, null), "requestNotOpen");
    const events = (await findRequest(web1on1, { subjectId: subject.id }, request.reference))!.events.map((e) => [e.kind, e.toStatus]);
    expect(events).toEqual([
      ["created", "RECEIVED"],
      ["information", null],
      ["status", "WITHDRAWN"],
    ]);
  });

  it("an answer while waiting for the requester puts the request back in progress and mails them", async () => {
    const subject = await subjectOf(inone, jan);
    const created = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "RESTRICTION", details: "", target: null, locale: "nl" });
    await withTenant(inone.id, (tx) => transitionRequest(tx, created.request, "WAITING_FOR_REQUESTER", "staff", { body: "Welke gegevens?" }));
    const after = await addInformation(inone, { subjectId: subject.id }, created.request.reference, "De bestellingen");
    expect(after.status).toBe("IN_PROGRESS");
    expect((await outboxTo(jan)).at(-1)!.subject).toContain("In behandeling");
  });

  it("the holder of the mailed link can follow, add to and withdraw a request without an account", async () => {
    const { request, confirmToken } = await createRequest(inone, { kind: "public", email: "linkholder@example.org", name: null }, { type: "ERASURE", details: "", target: null, locale: "en" });
    await confirmRequest(inone, confirmToken!);
    expect((await findRequest(inone, { token: confirmToken! }))!.id).toBe(request.id);
    await addInformation(inone, { token: confirmToken! }, undefined, "Account 12");
    expect((await withdrawRequest(inone, { token: confirmToken! }, undefined, null)).status).toBe("WITHDRAWN");
  });

  it("refuses status changes the table does not allow", async () => {
    const subject = await subjectOf(inone, jan);
    const created = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "PORTABILITY", details: "", target: "Other Co", locale: "nl" });
    await expectRefused(withTenant(inone.id, (tx) => transitionRequest(tx, created.request, "COMPLETED", "requester")), "statusNotAllowed");
    await expectRefused(withTenant(inone.id, (tx) => transitionRequest(tx, created.request, "AWAITING_CONFIRMATION", "staff")), "statusNotAllowed");
  });
});

describe("status mail", () => {
  it("goes out in the subject's preferred language, else the request's", async () => {
    const subject = await subjectOf(web1on1, jan);
    expect(subject.preferredLocale).toBe("en");
    const { request } = await createRequest(web1on1, { kind: "subject", subjectId: subject.id }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    const change = await withTenant(web1on1.id, (tx) => transitionRequest(tx, request, "COMPLETED", "staff", { body: "See the attachment." }));
    expect(await notifyStatusChange(web1on1, change.request, change.event)).toBe(true);
    const mail = (await outboxTo(jan)).at(-1)!;
    expect(mail.subject).toContain("Completed");
    expect(mail.text).toContain("Message from Web1on1");
    expect(await notifyStatusChange(web1on1, { ...change.request, requesterEmail: null }, change.event)).toBe(false);
  });
});

describe("another tenant's requests cannot be reached by guessing", () => {
  it("references, ids, addresses and links of tenant A give not-found at tenant B and change nothing", async () => {
    const a = await subjectOf(inone, jan);
    const b = await subjectOf(web1on1, jan);
    const [mine] = await listRequests(inone, { subjectId: a.id });
    const before = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: mine.id }, include: { events: true } });
    // A's subject id used at B, B's subject with A's reference, A's subject at B by id.
    expect(await listRequests(web1on1, { subjectId: a.id })).toEqual([]);
    expect(await findRequest(web1on1, { subjectId: a.id }, mine.reference)).toBeNull();
    expect(await findRequest(web1on1, { subjectId: b.id }, mine.reference)).toBeNull();
    await expectRefused(addInformation(web1on1, { subjectId: b.id }, mine.reference, "x"), "notFound");
    await expectRefused(withdrawRequest(web1on1, { subjectId: b.id }, mine.reference, null), "notFound");
    await expectRefused(withdrawRequest(web1on1, { subjectId: a.id }, mine.reference, null), "notFound");
    await expectRefused(createRequest(web1on1, { kind: "subject", subjectId: a.id }, { type: "ACCESS", details: "", target: null, locale: "nl" }), "notFound");
    // The same address at B does not see A's requests, though the hash of the address is per tenant anyway.
    expect((await listRequests(web1on1, { subjectId: b.id })).some((r) => r.tenantId === inone.id)).toBe(false);
    expect(requesterEmailHash(inone, jan)).not.toBe(requesterEmailHash(web1on1, jan));
    const after = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: mine.id }, include: { events: true } });
    expect(after).toEqual(before);
  });

  it("a link of tenant A's request does nothing at tenant B", async () => {
    const { confirmToken, request } = await createRequest(inone, { kind: "public", email: "guess@example.org", name: null }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    expect(await findRequest(web1on1, { token: confirmToken! })).toBeNull();
    await expectRefused(withdrawRequest(web1on1, { token: confirmToken! }, undefined, null), "notFound");
    expect((await confirmRequest(web1on1, confirmToken!)).outcome).toBe("invalid");
    expect((await platformDb().dataRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("AWAITING_CONFIRMATION");
  });
});

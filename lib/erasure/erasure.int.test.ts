import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import type { Mail } from "@/lib/mail/send";
import { issuePortalSignIn } from "@/lib/portal/sign-in";
import { setConsent } from "@/lib/portal/consent";
import { updateProfile } from "@/lib/portal/profile";
import { requestSubscription } from "@/lib/subscriptions/subscriptions";
import { completeRequest, recordSubjectViewed, sendStaffMessage, type StaffContext } from "@/lib/requests/admin";
import { requesterEmailHash } from "@/lib/requests/reference";
import { addInformation, confirmRequest, createRequest } from "@/lib/requests/requests";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { approveErasure, cancelErasure, runDueErasures } from "./erasure";

/** Every mail handed to sendMail, kept here as well: the outbox copy of an erased person's mail goes with the erasure. */
const sent = vi.hoisted(() => [] as Mail[]);
vi.mock("@/lib/mail/send", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/mail/send")>();
  return {
    ...real,
    sendMail: async (mail: Mail) => {
      sent.push(mail);
      await real.sendMail(mail);
    },
  };
});

useTestDatabase();

let inone: Tenant;
let staff: StaffContext;
const day = 86_400_000;

async function expectRefused(work: Promise<unknown>, key: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).key).toBe(key);
}

/**
 * Every text, JSON, byte and array column of every table of the public schema, searched
 * case-insensitively as the platform role (which row-level security lets through).
 */
async function findEverywhere(needle: string): Promise<string[]> {
  return withPlatform(async (tx) => {
    const columns = await tx.$queryRaw<Array<{ table: string; column: string; type: string }>>`
      SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type"
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')`;
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table, column, type } of columns) {
      const value = type === "bytea" ? `encode("${column}", 'escape')` : `"${column}"::text`;
      const [row] = await tx.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${value} ILIKE $1`, `%${needle}%`);
      if (row.n > 0) hits.push(`${table}.${column} (${row.n})`);
    }
    return hits;
  });
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  const owner = await platformDb().user.findUniqueOrThrow({ where: { email: "owner@inone.example" } });
  staff = { tenant: inone, user: { id: owner.id, email: owner.email } };
  await withTenant(inone.id, (tx) =>
    tx.webhookEndpoint.create({
      data: { tenantId: inone.id, url: "https://hooks.example.com/inzage", secret: "s", events: ["request.created", "request.status_changed", "request.message", "subject.erasure_due", "subject.erased", "consent.changed"] },
    }),
  );
});

/** A person with everything the tenant can hold on them. */
async function personWithEverything(email: string, name: string, phone: string) {
  const subject = await withTenant(inone.id, (tx) =>
    tx.subject.create({ data: { tenantId: inone.id, email, name, phone, postalAddress: `${name}\nWisstraat 1`, companyName: `${name} Holding`, customFields: { customerNumber: "IN-77777" } } }),
  );
  await withTenant(inone.id, (tx) =>
    tx.subjectRecord.createMany({
      data: [
        { tenantId: inone.id, subjectId: subject.id, category: "orders", sourceSystem: "webshop", fields: { order: "W-1", contact: name, email } },
        { tenantId: inone.id, subjectId: subject.id, category: "support", sourceSystem: "helpdesk", fields: { ticket: "T-1", phone } },
      ],
    }),
  );
  // Profile changes: a new phone number (the old one stays in the history) and a new address pending confirmation.
  await updateProfile(
    inone,
    subject.id,
    { name, email: `new-${email}`, phone: "+31 6 55554444", postalAddress: null, companyName: null, vatNumber: null, preferredLocale: "nl" },
    {},
    "nl",
  );
  await setConsent(inone, subject.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" });
  await setConsent(inone, subject.id, { purposeKey: "profiling", given: true, locale: "nl", channel: "portal" });
  // A portal session and a sign-in by mail.
  await withTenant(inone.id, (tx) => tx.subjectSession.create({ data: { tenantId: inone.id, subjectId: subject.id, tokenHash: createHash("sha256").update(`session-${email}`).digest("hex") } }));
  await issuePortalSignIn(inone, email);
  // A subscription to statement changes from the public page (mails a confirmation link).
  await requestSubscription(inone, email, "nl");
  // Requests: an access request completed with the export attached; one filed without an account and confirmed; the erasure.
  const access = (await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ACCESS", details: `Ik ben ${name}, bel ${phone}`, target: null, locale: "nl" })).request;
  await sendStaffMessage(staff, { reference: access.reference, body: `Beste ${name}, hierbij uw gegevens.` });
  await addInformation(inone, { subjectId: subject.id }, access.reference, `Groet, ${name} (${phone})`);
  await completeRequest(staff, { reference: access.reference, note: `Afgehandeld voor ${name}` });
  const publicFiled = await createRequest(inone, { kind: "public", email, name }, { type: "OBJECTION", details: `Geen reclame meer aan ${email}`, target: "newsletter", locale: "nl" });
  await confirmRequest(inone, publicFiled.confirmToken!);
  const erasure = (await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ERASURE", details: `Wis alles van ${name}`, target: null, locale: "nl" })).request;
  await sendStaffMessage(staff, { reference: erasure.reference, body: `Beste ${name}, we wissen uw gegevens.` });
  await recordSubjectViewed(staff, subject.id, erasure);
  return { subject, access, erasure, publicRequest: publicFiled.request };
}

describe("erasure", () => {
  it("can be cancelled during the grace period, not after it", async () => {
    const { erasure } = await personWithEverything("cancel.me@example.org", "Cornelis Annuleer", "+31 6 11223344");
    const now = new Date();
    const approved = await approveErasure(staff, { reference: erasure.reference }, now);
    expect(approved.erasureDueAt).toEqual(new Date(now.getTime() + 7 * day));
    await expectRefused(approveErasure(staff, { reference: erasure.reference }, now), "erasureScheduled");
    const due = (await platformDb().webhookDelivery.findMany({ where: { tenantId: inone.id, eventType: "subject.erasure_due" } })).map((d) => (d.payload as { data: { reference: string } }).data);
    expect(due).toContainEqual(expect.objectContaining({ reference: erasure.reference, subjectId: approved.subjectId }));

    await cancelErasure(staff, { reference: erasure.reference }, new Date(now.getTime() + day));
    expect(await runDueErasures(new Date(now.getTime() + 8 * day))).toEqual({ erased: 0 });
    expect(await platformDb().subject.findFirst({ where: { email: "cancel.me@example.org" } })).not.toBeNull();

    // Approved again; once the grace period has passed, it can no longer be cancelled.
    await approveErasure(staff, { reference: erasure.reference }, now);
    await expectRefused(cancelErasure(staff, { reference: erasure.reference }, new Date(now.getTime() + 7 * day)), "erasureNotCancellable");
    expect(await runDueErasures(new Date(now.getTime() + 7 * day))).toEqual({ erased: 1 });
    expect(await platformDb().subject.findFirst({ where: { email: "cancel.me@example.org" } })).toBeNull();
    await expectRefused(cancelErasure(staff, { reference: erasure.reference }, new Date(now.getTime() + 7 * day)), "erasureNotCancellable");
  });

  it("removes the person's e-mail, name and phone number from every column of every table, and keeps the proof", async () => {
    const email = "erika.wisveld@example.org";
    const name = "Erika Wisveld-Vergeet";
    const phone = "+31 6 98761234";
    const { subject, access, erasure, publicRequest } = await personWithEverything(email, name, phone);

    // Before: the person is found all over the place (which makes the search below meaningful).
    const before = await findEverywhere(email);
    for (const place of ["Subject.email", "SubjectSignIn.email", "StatementSubscription.email", "OutboxMail.to", "DataRequest.requesterEmail", "WebhookDelivery.payload", "Subject.pendingEmail"]) {
      expect(before.map((hit) => hit.split(" ")[0])).toContain(place);
    }
    expect((await findEverywhere(name)).map((hit) => hit.split(" ")[0])).toEqual(expect.arrayContaining(["Subject.name", "RequestEvent.body", "SubjectRecord.fields", "DataRequest.details"]));
    expect((await findEverywhere(phone)).map((hit) => hit.split(" ")[0])).toEqual(expect.arrayContaining(["ProfileChange.oldValue", "SubjectRecord.fields"]));
    expect(await platformDb().requestAttachment.count({ where: { requestId: access.id } })).toBe(1);
    const consentsBefore = await platformDb().consentEvent.count({ where: { subjectId: subject.id } });
    const auditsBefore = await platformDb().auditEvent.count({ where: { subjectId: subject.id } });
    expect(consentsBefore).toBe(2);

    // A grace period of 0 days: approving carries it out at once.
    await withTenant(inone.id, (tx) => tx.tenant.update({ where: { id: inone.id }, data: { erasureGraceDays: 0 } }));
    sent.length = 0;
    const done = await approveErasure({ ...staff, tenant: { ...inone, erasureGraceDays: 0 } }, { reference: erasure.reference });
    await withTenant(inone.id, (tx) => tx.tenant.update({ where: { id: inone.id }, data: { erasureGraceDays: 7 } }));
    expect(done.erasedAt).not.toBeNull();

    // The requester was told, before the address went.
    const confirmation = sent.find((m) => m.to === email && /gewist/.test(m.subject));
    expect(confirmation?.text).toContain(erasure.reference);

    // Nothing names the person any more.
    for (const needle of [email, `new-${email}`, name, phone, "+31 6 55554444"]) {
      expect(await findEverywhere(needle), needle).toEqual([]);
    }

    // What stays proves the requests were handled.
    const kept = await platformDb().dataRequest.findMany({ where: { id: { in: [access.id, erasure.id, publicRequest.id] } }, orderBy: { createdAt: "asc" } });
    expect(kept).toHaveLength(3);
    for (const request of kept) {
      expect(request).toMatchObject({ requesterEmail: null, requesterName: null, details: "", target: null, subjectId: null, requesterEmailHash: requesterEmailHash(inone, email) });
      expect(request.receivedAt).not.toBeNull();
    }
    expect(kept.find((r) => r.id === erasure.id)).toMatchObject({ status: "COMPLETED", type: "ERASURE" });
    expect(kept.find((r) => r.id === access.id)).toMatchObject({ status: "COMPLETED", type: "ACCESS" });
    expect(await platformDb().requestAttachment.count({ where: { requestId: access.id } })).toBe(0);
    expect(await platformDb().consentEvent.count({ where: { subjectId: subject.id } })).toBe(consentsBefore);
    expect(await platformDb().auditEvent.count({ where: { subjectId: subject.id } })).toBeGreaterThanOrEqual(auditsBefore);
    expect(await platformDb().subjectSession.count({ where: { subjectId: subject.id } })).toBe(0);
    expect(await platformDb().subjectRecord.count({ where: { subjectId: subject.id } })).toBe(0);
    expect(await platformDb().profileChange.count({ where: { subjectId: subject.id } })).toBe(0);

    // subject.erased names the subject by id and the request by reference, nothing more.
    const erased = (await platformDb().webhookDelivery.findMany({ where: { tenantId: inone.id, eventType: "subject.erased" } })).map((d) => (d.payload as { data: unknown }).data);
    expect(erased).toContainEqual({ subjectId: subject.id, reference: erasure.reference });
    // The delivery of request.created that held the address was redacted, not removed.
    const created = (await platformDb().webhookDelivery.findMany({ where: { tenantId: inone.id, eventType: "request.created" } })).map((d) => d.payload as { data: Record<string, unknown> });
    expect(created.some((p) => p.data.redacted === true)).toBe(true);

    // The erasure is audited by the system, without naming the person.
    const audit = await platformDb().auditEvent.findFirst({ where: { tenantId: inone.id, action: "subject.erased", subjectId: subject.id } });
    expect(audit).toMatchObject({ actorType: "system", details: { reference: erasure.reference } });

    // Nothing is left to do.
    expect(await runDueErasures(new Date(Date.now() + 30 * day))).toEqual({ erased: 0 });
  });

  it("leaves the same address at another tenant alone", async () => {
    const web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
    const jan = "jan.jansen@example.com";
    const atInone = await platformDb().subject.findFirstOrThrow({ where: { tenantId: inone.id, email: jan } });
    const { request } = await createRequest(inone, { kind: "subject", subjectId: atInone.id }, { type: "ERASURE", details: "", target: null, locale: "nl" });
    await approveErasure(staff, { reference: request.reference });
    await runDueErasures(new Date(Date.now() + 8 * day));
    expect(await platformDb().subject.findFirst({ where: { tenantId: inone.id, email: jan } })).toBeNull();
    expect(await platformDb().subject.findFirst({ where: { tenantId: web1on1.id, email: jan } })).not.toBeNull();
    expect(await platformDb().dataRequest.count({ where: { tenantId: web1on1.id, requesterEmail: jan } })).toBeGreaterThan(0);
  });

  it("is refused for a request of another type, or of nobody the tenant knows", async () => {
    const { request } = await createRequest(inone, { kind: "subject", subjectId: (await platformDb().subject.findFirstOrThrow({ where: { tenantId: inone.id, email: "overdue@example.com" } })).id }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    await expectRefused(approveErasure(staff, { reference: request.reference }), "statusNotAllowed");
    const web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
    const other = await platformDb().user.findUniqueOrThrow({ where: { email: "owner@web1on1.example" } });
    await expectRefused(approveErasure({ tenant: web1on1, user: { id: other.id, email: other.email } }, { reference: request.reference }), "notFound");
  });
});

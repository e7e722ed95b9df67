import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import type { Mail } from "@/lib/mail/send";
import { issuePortalSignIn } from "@/lib/portal/sign-in";
import { setConsent } from "@/lib/portal/consent";
import { confirmEmailChange, updateProfile } from "@/lib/portal/profile";
import { requestSubscription } from "@/lib/subscriptions/subscriptions";
import { completeRequest, recordSubjectViewed, sendStaffMessage, type StaffContext } from "@/lib/requests/admin";
import { requesterEmailHash } from "@/lib/requests/reference";
import { addInformation, confirmRequest, createRequest, findRequest, withdrawRequest } from "@/lib/requests/requests";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RequestDetail } from "@/components/portal/request-detail";
import { formatDate } from "@/lib/i18n/messages";
import { approveErasure, approveErasureSchema, cancelErasure, carryOutErasure, runDueErasures } from "./erasure";

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
  // inONE's statement bases nothing on consent: the tests give it consent-based purposes.
  await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
  const owner = await platformDb().user.findUniqueOrThrow({ where: { email: "owner@inone.example" } });
  staff = { tenant: inone, user: { id: owner.id, email: owner.email } };
  await withTenant(inone.id, (tx) =>
    tx.webhookEndpoint.create({
      data: { tenantId: inone.id, url: "https://hooks.example.com/inzage", secret: "s", events: ["request.created", "request.status_changed", "request.message", "subject.erasure_due", "subject.erased", "consent.changed"] },
    }),
  );
});

/** The new address a person asks for in personWithEverything (never confirmed); it does not contain the old one. */
const pendingAddressOf = (email: string) => email.replace("@", ".nieuw@");

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
    { name, email: pendingAddressOf(email), phone: "+31 6 55554444", postalAddress: null, companyName: null, vatNumber: null, preferredLocale: "nl" },
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
    for (const place of ["Subject.email", "SubjectSignIn.email", "StatementSubscription.email", "OutboxMail.to", "DataRequest.requesterEmail", "WebhookDelivery.payload"]) {
      expect(before.map((hit) => hit.split(" ")[0])).toContain(place);
    }
    expect((await findEverywhere(pendingAddressOf(email))).map((hit) => hit.split(" ")[0])).toEqual(expect.arrayContaining(["Subject.pendingEmail", "OutboxMail.to"]));
    expect((await findEverywhere(name)).map((hit) => hit.split(" ")[0])).toEqual(expect.arrayContaining(["Subject.name", "RequestEvent.body", "SubjectRecord.fields", "DataRequest.details"]));
    expect((await findEverywhere(phone)).map((hit) => hit.split(" ")[0])).toEqual(expect.arrayContaining(["ProfileChange.oldValue", "SubjectRecord.fields"]));
    expect(await platformDb().requestAttachment.count({ where: { requestId: access.id } })).toBe(1);
    const consentsBefore = await platformDb().consentEvent.count({ where: { subjectId: subject.id } });
    const auditsBefore = await platformDb().auditEvent.count({ where: { subjectId: subject.id } });
    expect(consentsBefore).toBeGreaterThanOrEqual(2);
    // The audit trail holds the person's own IP address (a download of their data) and a staff member's.
    const own = await withTenant(inone.id, (tx) =>
      tx.auditEvent.create({ data: { tenantId: inone.id, actorType: "subject", actorId: subject.id, actorLabel: "portal", action: "subject.export", targetType: "Subject", targetId: subject.id, subjectId: subject.id, ip: "203.0.113.77", details: { locale: "nl" } } }),
    );
    const staffs = await withTenant(inone.id, (tx) =>
      tx.auditEvent.create({ data: { tenantId: inone.id, actorType: "user", actorId: staff.user.id, actorLabel: staff.user.email, action: "subject.viewed", targetType: "Subject", targetId: subject.id, subjectId: subject.id, ip: "198.51.100.9" } }),
    );

    // A grace period of 0 days: approving carries it out at once.
    await withTenant(inone.id, (tx) => tx.tenant.update({ where: { id: inone.id }, data: { erasureGraceDays: 0 } }));
    sent.length = 0;
    const done = await approveErasure({ ...staff, tenant: { ...inone, erasureGraceDays: 0 } }, { reference: erasure.reference });
    await withTenant(inone.id, (tx) => tx.tenant.update({ where: { id: inone.id }, data: { erasureGraceDays: 7 } }));
    expect(done.erasedAt).not.toBeNull();

    // The requester was told, before the address went.
    const confirmation = sent.find((m) => m.to === email && /gewist/.test(m.subject));
    expect(confirmation?.text).toContain(erasure.reference);
    // Art. 17: exactly what was erased; nothing was kept.
    for (const line of ["• Gegevens in de categorie ‘orders’", "• Gegevens in de categorie ‘support’", "• Het profiel", "• De teksten, berichten", "het e-mailadres"]) expect(confirmation?.text).toContain(line);
    expect(confirmation?.text).not.toContain("Bewaard blijven, met de reden");

    // Nothing names the person any more.
    for (const needle of [email, name, phone, "+31 6 55554444"]) {
      expect(await findEverywhere(needle), needle).toEqual([]);
    }
    // The new address they asked for was never confirmed, so it is not known to be theirs:
    // it went with the subject, and only the confirmation mail sent to it stays in the
    // development outbox, as that address's mail.
    expect(await findEverywhere(pendingAddressOf(email))).toEqual(["OutboxMail.to (1)"]);

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

    // The audit entries stay; the person's own IP address goes, the staff member's stays.
    expect(await platformDb().auditEvent.findUniqueOrThrow({ where: { id: own.id } })).toEqual({ ...own, ip: null });
    expect(await platformDb().auditEvent.findUniqueOrThrow({ where: { id: staffs.id } })).toEqual(staffs);
    expect(await findEverywhere("203.0.113.77")).toEqual([]);

    // The erasure is audited by the system, without naming the person.
    const audit = await platformDb().auditEvent.findFirst({ where: { tenantId: inone.id, action: "subject.erased", subjectId: subject.id } });
    expect(audit).toMatchObject({ actorType: "system", details: { reference: erasure.reference } });

    // Nothing is left to do.
    expect(await runDueErasures(new Date(Date.now() + 30 * day))).toEqual({ erased: 0 });
  });

  it("is not carried out once the person withdrew the request during the grace period", async () => {
    const { subject, erasure } = await personWithEverything("bedenk.me@example.org", "Bea Bedenktijd", "+31 6 13131313");
    const now = new Date();
    await approveErasure(staff, { reference: erasure.reference }, now);
    await withdrawRequest(inone, { subjectId: subject.id }, erasure.reference, "Toch niet", new Date(now.getTime() + day));
    expect(await runDueErasures(new Date(now.getTime() + 8 * day))).toEqual({ erased: 0 });
    expect(await carryOutErasure(inone.id, erasure.id, new Date(now.getTime() + 8 * day))).toBe(false);
    expect(await platformDb().subject.findUnique({ where: { id: subject.id } })).not.toBeNull();
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

/** The tables that hold a person's data, each row as the database's own text of the whole row. */
const personTables = ["Subject", "SubjectRecord", "ProfileChange", "SubjectSession", "SubjectSignIn", "StatementSubscription", "DataRequest", "RequestEvent", "RequestAttachment", "WebhookDelivery", "OutboxMail", "ConsentEvent", "AuditEvent"] as const;
type Row = Record<string, unknown> & { id: string };

async function rowsOf(tenantId: string): Promise<Array<{ table: string; row: Row; text: string }>> {
  return withPlatform(async (tx) => {
    const all: Array<{ table: string; row: Row; text: string }> = [];
    for (const table of personTables) {
      const rows = await tx.$queryRawUnsafe<Array<{ text: string }>>(`SELECT to_jsonb(t)::text AS text FROM "${table}" t WHERE "tenantId" = $1`, tenantId);
      for (const { text } of rows) all.push({ table, row: JSON.parse(text) as Row, text });
    }
    return all;
  });
}

describe("erasure by identity (issue 10)", () => {
  it("an unconfirmed new address and a short name erase nobody else's requests or payloads", async () => {
    // The victim: a person with requests from the portal and the public form, messages, an
    // attachment, a sign-in, a subscription, consents and webhook payloads.
    const victimEmail = "vera.slachtoffer@example.com";
    const victim = await personWithEverything(victimEmail, "Vera Slachtoffer", "+31 6 12121212");
    // A bystander who filed without an account.
    const bystander = await createRequest(inone, { kind: "public", email: "bram.omstander@example.com", name: "Bram Omstander" }, { type: "ACCESS", details: "Wat weet u van mij?", target: null, locale: "nl" });
    await confirmRequest(inone, bystander.confirmToken!);

    // The attacker signs in to the portal as themselves, types the victim's address as a new
    // one (never confirmed), sets their name to a short string every payload contains
    // ("data", a key of every webhook payload), and asks for erasure.
    const attackerEmail = "mallory.aanvaller@example.net";
    const attacker = await withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email: attackerEmail, name: "Mallory Aanvaller" } }));
    await updateProfile(inone, attacker.id, { name: "data", email: victimEmail, phone: null, postalAddress: null, companyName: null, vatNumber: null, preferredLocale: "nl" }, {}, "nl");
    expect((await platformDb().subject.findUniqueOrThrow({ where: { id: attacker.id } })).pendingEmail).toBe(victimEmail);
    const erasure = (await createRequest(inone, { kind: "subject", subjectId: attacker.id }, { type: "ERASURE", details: "Wis mij, Mallory", target: null, locale: "nl" })).request;
    await sendStaffMessage(staff, { reference: erasure.reference, body: "Beste Mallory, we wissen uw gegevens." });

    // Which rows are the attacker's own, told apart here by what the test made.
    const attackers = ({ table, row }: { table: string; row: Row }): boolean => {
      const data = (row.payload as { data?: Record<string, unknown> } | undefined)?.data;
      switch (table) {
        case "Subject":
          return row.id === attacker.id;
        case "DataRequest":
          return row.id === erasure.id;
        case "RequestEvent":
        case "RequestAttachment":
          return row.requestId === erasure.id;
        case "WebhookDelivery":
          return data?.subjectId === attacker.id || data?.reference === erasure.reference;
        case "OutboxMail":
          return row.to === attackerEmail;
        default:
          return row.subjectId === attacker.id;
      }
    };
    const before = await rowsOf(inone.id);
    const others = before.filter((entry) => !attackers(entry));
    const own = before.filter(attackers);
    // The attack reaches what matters: the victim's requests and payloads, and everyone's payloads hold "data".
    expect(others.filter((e) => e.table === "DataRequest" && e.row.requesterEmail === victimEmail).length).toBeGreaterThanOrEqual(3);
    expect(others.filter((e) => e.table === "WebhookDelivery").length).toBeGreaterThan(5);
    expect(others.filter((e) => e.table === "WebhookDelivery").every((e) => e.text.includes('"data"'))).toBe(true);
    expect(own.filter((e) => e.table === "WebhookDelivery").length).toBeGreaterThan(0);

    const now = new Date();
    await approveErasure(staff, { reference: erasure.reference }, now);
    expect(await carryOutErasure(inone.id, erasure.id, new Date(now.getTime() + 8 * day))).toBe(true);

    // Every row of everyone else is unchanged, byte for byte, and none went missing.
    const after = new Map((await rowsOf(inone.id)).map((entry) => [`${entry.table}:${entry.row.id}`, entry.text]));
    const changed = others.filter((entry) => after.get(`${entry.table}:${entry.row.id}`) !== entry.text).map((entry) => `${entry.table}:${entry.row.id}`);
    expect(changed).toEqual([]);
    expect((await platformDb().dataRequest.findUniqueOrThrow({ where: { id: victim.erasure.id } })).requesterEmail).toBe(victimEmail);

    // The attacker's own data is gone as before.
    expect(await platformDb().subject.findUnique({ where: { id: attacker.id } })).toBeNull();
    expect(await findEverywhere(attackerEmail)).toEqual([]);
    expect(await findEverywhere("Mallory")).toEqual([]);
    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: erasure.id } })).toMatchObject({ requesterEmail: null, requesterName: null, details: "", erasedAt: expect.any(Date) });
    for (const { row } of own.filter((e) => e.table === "WebhookDelivery")) {
      const payload = (await platformDb().webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).payload as { data: unknown };
      expect(payload.data).toEqual({ redacted: true, reason: "erasure" });
    }
  });

  it("counts every address the person confirmed, and none another person now has", async () => {
    const [first, second, current] = ["petra.eerst@example.org", "petra.tweede@example.org", "petra.nu@example.org"];
    const petra = await withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email: first, name: "Petra Verhuis" } }));
    const profile = { name: "Petra Verhuis", phone: null, postalAddress: null, companyName: null, vatNumber: null, preferredLocale: "nl" as const };
    for (const address of [second, current]) {
      sent.length = 0;
      await updateProfile(inone, petra.id, { ...profile, email: address }, {}, "nl");
      const token = /token=([^\s&"]+)/.exec(sent.find((m) => m.to === address)!.text)![1];
      expect(await confirmEmailChange(inone, token)).toBe("confirmed");
    }
    // The tenant's systems have since given Petra's first address to someone else.
    await withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email: first, name: "Quinten Opvolger" } }));
    // Filed without an account and never confirmed: one from Petra's second address, one from the first.
    const fromSecond = (await createRequest(inone, { kind: "public", email: second, name: "Petra" }, { type: "ACCESS", details: "Van Petra", target: null, locale: "nl" })).request;
    const fromFirst = (await createRequest(inone, { kind: "public", email: first, name: "Quinten" }, { type: "ACCESS", details: "Van Quinten", target: null, locale: "nl" })).request;
    const firstBefore = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: fromFirst.id } });
    // Mail to a longer address that holds Petra's current one: not hers.
    const lookalike = await platformDb().outboxMail.create({ data: { tenantId: inone.id, to: `ko${current}`, subject: "Hallo", text: `Voor ko${current}.`, html: `<p>Voor ko${current}.</p>` } });

    const erasure = (await createRequest(inone, { kind: "subject", subjectId: petra.id }, { type: "ERASURE", details: "", target: null, locale: "nl" })).request;
    const now = new Date();
    await approveErasure(staff, { reference: erasure.reference }, now);
    expect(await carryOutErasure(inone.id, erasure.id, new Date(now.getTime() + 8 * day))).toBe(true);

    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: fromSecond.id } })).toMatchObject({ requesterEmail: null, requesterName: null, details: "" });
    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: fromFirst.id } })).toEqual(firstBefore);
    expect(await platformDb().subject.count({ where: { tenantId: inone.id, email: first } })).toBe(1);
    expect(await platformDb().outboxMail.findUnique({ where: { id: lookalike.id } })).toEqual(lookalike);
    expect(await findEverywhere(second)).toEqual([]);
    expect(await findEverywhere(current)).toEqual(["OutboxMail.to (1)", "OutboxMail.text (1)", "OutboxMail.html (1)"]);
  });
});

describe("art. 17(3): keeping named categories under a ground", () => {
  it("keeps one category under a legal obligation (art. 17(3)(b)): its records stay, restricted; everything else goes; the mails list what was erased and what was kept and why", async () => {
    const email = "karel.bewaar@example.org";
    const name = "Karel Bewaarplicht";
    const phone = "+31 6 70707070";
    const { subject, access, erasure } = await personWithEverything(email, name, phone);
    const own = await withTenant(inone.id, (tx) =>
      tx.auditEvent.create({ data: { tenantId: inone.id, actorType: "subject", actorId: subject.id, actorLabel: "portal", action: "subject.export", targetType: "Subject", targetId: subject.id, subjectId: subject.id, ip: "203.0.113.78" } }),
    );
    const explanation = "Facturen bewaren wij zeven jaar (artikel 52 AWR).";
    const now = new Date();
    const due = new Date(now.getTime() + 7 * day);
    sent.length = 0;

    // Approval: visible to the person at once (art. 12(3)), with the date and what is kept and why.
    const approved = await approveErasure(staff, { reference: erasure.reference, keep: [{ key: "records:orders", ground: "legalObligation", explanation }] }, now);
    expect(approved).toMatchObject({ status: "IN_PROGRESS", erasureDueAt: due, erasedAt: null });
    expect(approved.erasureKept).toEqual([{ part: "records", category: "orders", ground: "legalObligation", explanation }]);
    const date = formatDate(due, "nl", inone.timeZone);
    const approvalMail = sent.find((m) => m.to === email && m.subject.includes(date));
    expect(approvalMail?.subject).toContain(erasure.reference);
    expect(approvalMail?.text).toContain(`Het wissen gebeurt op ${date}.`);
    expect(approvalMail?.text).toContain(`Gegevens in de categorie ‘orders’: bewaard wegens een wettelijke plicht om ze te bewaren (artikel 17, lid 3, onder b, AVG). Toelichting: ${explanation}`);
    expect(approvalMail?.text).toContain("artikel 18 AVG");
    expect(approvalMail?.text).toContain("klacht");
    // The portal's request page shows the date, in the facts and the history.
    const mine = (await findRequest(inone, { subjectId: subject.id }, erasure.reference))!;
    expect(mine.status).toBe("IN_PROGRESS");
    const html = renderToStaticMarkup(createElement(RequestDetail, { request: mine, locale: "nl", company: inone.name }));
    expect(html).toContain(`Wissen gepland op</dt><dd class="mb-2 whitespace-pre-line sm:mb-0" data-testid="request-erasureDue">${date}`);
    expect(html).toContain(`Wissen goedgekeurd, gepland op ${date}`);
    expect(html).toContain(explanation);
    expect(html).not.toContain(due.toISOString());

    sent.length = 0;
    expect(await carryOutErasure(inone.id, erasure.id, new Date(due.getTime() + 60_000))).toBe(true);

    // The kept category stays, with the subject and its address only, restricted (art. 18(2)).
    const kept = await platformDb().subject.findUniqueOrThrow({ where: { id: subject.id } });
    expect(kept).toMatchObject({ email, restricted: true, name: null, phone: null, postalAddress: null, companyName: null, pendingEmail: null, customFields: {} });
    expect((await platformDb().subjectRecord.findMany({ where: { subjectId: subject.id } })).map((r) => r.category)).toEqual(["orders"]);
    expect(await platformDb().profileChange.count({ where: { subjectId: subject.id } })).toBe(0);
    expect(await platformDb().subjectSession.count({ where: { subjectId: subject.id } })).toBe(0);
    // Everything else is gone: the phone number was only in the profile, its history, a support record and request texts.
    expect(await findEverywhere(phone)).toEqual([]);
    expect(await findEverywhere(name)).toEqual(["SubjectRecord.fields (1)"]);
    // (information_schema lists columns in a different order on PGlite and PostgreSQL)
    expect((await findEverywhere(email)).sort()).toEqual(["Subject.email (1)", "SubjectRecord.fields (1)"]);
    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: access.id } })).toMatchObject({ requesterEmail: null, details: "" });
    expect(await platformDb().auditEvent.findUniqueOrThrow({ where: { id: own.id } })).toEqual({ ...own, ip: null });
    const done = await platformDb().dataRequest.findUniqueOrThrow({ where: { id: erasure.id } });
    expect(done).toMatchObject({ status: "COMPLETED", erasedAt: expect.any(Date) });
    expect(done.erasureErased).toEqual([{ part: "records", category: "support" }, { part: "profile" }, { part: "requests" }]);
    const erasedEvent = (await platformDb().webhookDelivery.findMany({ where: { tenantId: inone.id, eventType: "subject.erased" } })).map((d) => (d.payload as { data: unknown }).data);
    expect(erasedEvent).toContainEqual({ subjectId: subject.id, reference: erasure.reference, restricted: true, kept: [{ part: "records", category: "orders", ground: "legalObligation" }] });

    // The final mail: exactly what was erased, and what was kept and why.
    const final = sent.find((m) => m.to === email && /gewist/.test(m.subject));
    expect(final?.text).toContain("behalve wat hieronder als bewaard staat");
    for (const line of [
      "Gewist zijn:",
      "• Gegevens in de categorie ‘support’",
      "• Het profiel (naam, telefoonnummer, postadres, bedrijfsgegevens en eigen velden) en de geschiedenis ervan",
      "• De teksten, berichten, bijlagen en e-mailkopieën van de verzoeken",
      "Bewaard blijven, met de reden:",
      `• Gegevens in de categorie ‘orders’: bewaard wegens een wettelijke plicht om ze te bewaren (artikel 17, lid 3, onder b, AVG). Toelichting: ${explanation}`,
    ]) {
      expect(final?.text).toContain(line);
    }
    expect(final?.text).not.toContain("‘orders’\n");
    expect(final?.text).not.toMatch(/• Gegevens in de categorie ‘orders’\n/);
  });

  it("keeps the requests' texts for legal claims (art. 17(3)(e)) and the profile, and refuses a part the person does not have", async () => {
    const email = "lotte.claim@example.org";
    const { subject, access, erasure } = await personWithEverything(email, "Lotte Rechtszaak", "+31 6 80808080");
    await expectRefused(approveErasure(staff, { reference: erasure.reference, keep: [{ key: "records:bestaatniet", ground: "legalClaims", explanation: "x" }] }), "erasureKeepUnknown");
    const keep = [
      { key: "requests", ground: "legalClaims" as const, explanation: "Er loopt een geschil over de afhandeling." },
      { key: "profile", ground: "legalClaims" as const, explanation: "Nodig om de vordering in te stellen." },
    ];
    const now = new Date();
    await approveErasure(staff, { reference: erasure.reference, keep }, now);
    expect(await carryOutErasure(inone.id, erasure.id, new Date(now.getTime() + 8 * day))).toBe(true);
    expect(await platformDb().subject.findUniqueOrThrow({ where: { id: subject.id } })).toMatchObject({ name: "Lotte Rechtszaak", phone: "+31 6 55554444", restricted: true });
    expect(await platformDb().subjectRecord.count({ where: { subjectId: subject.id } })).toBe(0);
    expect(await platformDb().profileChange.count({ where: { subjectId: subject.id } })).toBeGreaterThan(0);
    expect(await platformDb().dataRequest.findUniqueOrThrow({ where: { id: access.id } })).toMatchObject({ requesterEmail: email, details: expect.stringContaining("Lotte Rechtszaak") });
    expect(await platformDb().requestAttachment.count({ where: { requestId: access.id } })).toBe(1);
    expect(await platformDb().subjectSignIn.count({ where: { tenantId: inone.id, email } })).toBe(0);
    expect(await platformDb().statementSubscription.count({ where: { tenantId: inone.id, email } })).toBe(0);
  });

  it("the approval form needs an explanation for every part kept, and erases what is left at erase", () => {
    const form = { reference: "X", "keep-0": "records:orders", "ground-0": "legalObligation", "explanation-0": " ", "keep-1": "profile", "ground-1": "erase", "explanation-1": "" };
    const refused = approveErasureSchema.safeParse(form);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["explanation-0", "required"]]);
    expect(approveErasureSchema.safeParse({ ...form, "ground-0": "because" }).error?.issues.map((i) => i.path.join("."))).toEqual(["ground-0"]);
    expect(approveErasureSchema.parse({ ...form, "explanation-0": "Bewaarplicht." })).toEqual({ reference: "X", keep: [{ key: "records:orders", ground: "legalObligation", explanation: "Bewaarplicht." }] });
  });
});

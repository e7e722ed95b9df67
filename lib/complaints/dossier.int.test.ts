import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { daysLate as calendarDaysLate, dueDate, tenantCalendar } from "@/lib/requests/deadline";
import { notifyStaffMessage, notifyStatusChange } from "@/lib/requests/notify";
import { requesterEmailHash } from "@/lib/requests/reference";
import { confirmRequest, createRequest, transitionRequest } from "@/lib/requests/requests";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { pdfText } from "@/test/pdf-text";
import { complaintDetailsSchema, saveComplaintDetails } from "./details";
import { buildDossier } from "./dossier";
import { dossierPdf } from "./dossier-pdf";
import { sendReminder } from "./reminders";
import { dossierSchema } from "./schema";

useTestDatabase();

const day = 86_400_000;
const jan = "jan.jansen@example.com";
const olga = "overdue@example.com";
let inone: Tenant;
let web1on1: Tenant;

const subjectOf = async (tenant: Tenant, email: string) => platformDb().subject.findFirstOrThrow({ where: { tenantId: tenant.id, email } });
const referencesOf = async (tenant: Tenant, where: object) =>
  (await withTenant(tenant.id, (tx) => tx.dataRequest.findMany({ where: { tenantId: tenant.id, ...where }, select: { reference: true } }))).map((r) => r.reference);

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
});

describe("the complaint dossier", () => {
  it("holds only the signed-in person's requests at this tenant: never another tenant's, never another person's", async () => {
    const janInone = await subjectOf(inone, jan);
    const janWeb = await subjectOf(web1on1, jan);
    const now = new Date();
    // More requests around Jan's: his at the other tenant, another person's here, and one
    // made without an account from his address (confirmed), and one still unconfirmed.
    await createRequest(web1on1, { kind: "subject", subjectId: janWeb.id }, { type: "ERASURE", details: "web1on1 only", target: null, locale: "en" });
    const stranger = await createRequest(inone, { kind: "public", email: "someone.else@example.com", name: "Someone" }, { type: "ERASURE", details: "not Jan", target: null, locale: "nl" });
    await confirmRequest(inone, stranger.confirmToken!);
    const byMail = await createRequest(inone, { kind: "public", email: jan.toUpperCase(), name: "Jan" }, { type: "PORTABILITY", details: "", target: "Other Co", locale: "nl" });
    await confirmRequest(inone, byMail.confirmToken!);
    const unconfirmed = await createRequest(inone, { kind: "public", email: jan, name: "Jan" }, { type: "RESTRICTION", details: "", target: null, locale: "nl" });
    expect(unconfirmed.request.status).toBe("AWAITING_CONFIRMATION");

    const dossier = (await buildDossier(inone, janInone.id, { now }))!;
    const listed = dossier.requests.map((r) => r.reference).sort();
    const own = await referencesOf(inone, {
      status: { not: "AWAITING_CONFIRMATION" },
      OR: [{ subjectId: janInone.id }, { requesterEmailHash: requesterEmailHash(inone, jan) }],
    });
    expect(listed).toEqual(own.sort());
    expect(listed).toContain(byMail.request.reference);
    expect(listed).not.toContain(unconfirmed.request.reference);
    expect(listed).not.toContain(stranger.request.reference);
    for (const reference of await referencesOf(inone, { subjectId: (await subjectOf(inone, olga)).id })) expect(listed).not.toContain(reference);
    const elsewhere = await withTenant(web1on1.id, (tx) => tx.dataRequest.findMany({ where: { tenantId: web1on1.id }, select: { reference: true, details: true } }));
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const other of elsewhere) expect(listed).not.toContain(other.reference);
    expect(JSON.stringify(dossier)).not.toContain("web1on1 only");
    expect(JSON.stringify(dossier)).not.toContain("not Jan");

    expect(dossier.complainant).toEqual({ name: "Jan Jansen", email: jan, postalAddress: janInone.postalAddress, phone: janInone.phone, outcome: null });
    expect(dossier.controller).toMatchObject({ slug: "inone", name: inone.name, contactEmail: inone.contactEmail, address: inone.address });
    expect(dossierSchema.parse(dossier)).toEqual(dossier);
  });

  it("a subject of another tenant gets no dossier here", async () => {
    const janWeb = await subjectOf(web1on1, jan);
    expect(await buildDossier(inone, janWeb.id)).toBeNull();
    expect(await buildDossier(inone, "no-such-subject")).toBeNull();
  });

  it("marks the seeded overdue access request late, and names both authorities", async () => {
    const olgaSubject = await subjectOf(inone, olga);
    const dossier = (await buildDossier(inone, olgaSubject.id, { country: "BE" }))!;
    expect(dossier.requests).toHaveLength(1);
    const [request] = dossier.requests;
    expect(request).toMatchObject({ type: "ACCESS", status: "RECEIVED", timeliness: "open-late", late: true, closedAt: null });
    expect(request.daysLate).toBeGreaterThanOrEqual(8);
    expect(request.effectiveDueAt).toBe(request.dueAt);
    expect(dossier.summary).toEqual({ requests: 1, open: 1, late: 1, rejected: 0, reminders: 0 });
    expect(dossier.authorities.country).toBe("BE");
    expect(dossier.authorities.countrySource).toBe("chosen");
    expect(dossier.authorities.countryAuthority?.id).toBe("be-gba-apd");
    // inONE's statement names no lead authority (demo facts, issue 12).
    expect(dossier.authorities.leadAuthority).toBeNull();
    expect((await buildDossier(inone, olgaSubject.id))!.authorities).toMatchObject({ country: null, countrySource: null, countryAuthority: null });
  });

  it("carries the tenant's answers, rejection reason, a late extension (which does not count) and lateness of closed requests", async () => {
    const olgaSubject = await subjectOf(inone, olga);
    const access = { kind: "subject", subjectId: olgaSubject.id } as const;
    const start = new Date(Date.now() - 80 * day);
    const { request: extended } = await createRequest(inone, access, { type: "RECTIFICATION", details: "Mijn naam klopt niet", target: null, locale: "nl" }, start);
    const { request: rejected } = await createRequest(inone, access, { type: "ERASURE", details: "Alles wissen", target: null, locale: "nl" }, start);
    await withTenant(inone.id, async (tx) => {
      // Extended only after the first month had run out, then answered within the extension.
      const ext = await transitionRequest(tx, extended, "EXTENDED", "staff", {
        now: new Date(start.getTime() + 35 * day),
        data: { extendedDueAt: new Date(start.getTime() + 70 * day), extensionReason: "Veel systemen te doorzoeken" },
      });
      await transitionRequest(tx, ext.request, "COMPLETED", "staff", { now: new Date(start.getTime() + 60 * day), body: "Uw naam is verbeterd." });
      await tx.requestEvent.create({
        data: { tenantId: inone.id, requestId: rejected.id, kind: "message", actor: "staff", actorLabel: "staff@inone.example", body: "Wij hebben meer informatie nodig.", at: new Date(start.getTime() + 2 * day) },
      });
      await transitionRequest(tx, rejected, "REJECTED", "staff", {
        now: new Date(start.getTime() + 40 * day),
        body: "Wij moeten uw gegevens bewaren.",
        data: { rejectionReason: "Wettelijke bewaarplicht" },
      });
    });

    const dossier = (await buildDossier(inone, olgaSubject.id))!;
    const byRef = new Map(dossier.requests.map((r) => [r.reference, r]));
    const calendar = tenantCalendar(inone);
    const ext = byRef.get(extended.reference)!;
    // Extended only after the first deadline had passed: the request stays late, counted from the original deadline (art. 12(3)).
    expect(ext).toMatchObject({
      status: "COMPLETED",
      extensionReason: "Veel systemen te doorzoeken",
      extensionAfterDeadline: true,
      timeliness: "closed-late",
      late: true,
    });
    expect(ext.effectiveDueAt).toBe(ext.dueAt);
    expect(ext.effectiveDueDay).toBe(ext.dueDay);
    expect(ext.daysLate).toBe(calendarDaysLate(new Date(ext.dueAt!), new Date(ext.closedAt!), calendar));
    expect(ext.daysLate).toBeGreaterThan(20);
    expect(ext.answers.map((a) => a.body)).toEqual(["Uw naam is verbeterd."]);

    const rej = byRef.get(rejected.reference)!;
    expect(rej).toMatchObject({ status: "REJECTED", rejectionReason: "Wettelijke bewaarplicht", timeliness: "closed-late", late: true });
    expect(rej.daysLate).toBe(calendarDaysLate(new Date(rej.dueAt!), new Date(rej.closedAt!), calendar));
    expect(rej.answers.map((a) => a.body)).toEqual(["Wij hebben meer informatie nodig.", "Wij moeten uw gegevens bewaren."]);
    // Who on the staff wrote it stays inside the tenant.
    expect(JSON.stringify(rej)).not.toContain("staff@inone.example");
    expect(dossier.summary).toEqual({ requests: 3, open: 1, late: 3, rejected: 1, reminders: 0 });
    expect(dossierSchema.parse(dossier)).toEqual(dossier);

    const pdf = pdfText(await dossierPdf(dossier, "nl"));
    expect(pdf).toContain(rejected.reference);
    expect(pdf).toContain("Wettelijke bewaarplicht");
  });

  it("counts the days late on the tenant's calendar: answered on the ninth day after the last day is 9 days late, not 10", async () => {
    const person = await newPerson("nine.days@example.com");
    const received = new Date("2026-01-31T09:00:00Z");
    const { request } = await createRequest(inone, { kind: "subject", subjectId: person.id }, { type: "ACCESS", details: "", target: null, locale: "nl" }, received);
    const due = dueDate(received, tenantCalendar(inone)); // the end of Mon 2 March 2026 in Amsterdam
    expect(request.dueAt).toEqual(due);
    await withTenant(inone.id, async (tx) => {
      // Stored at midday of the last day, as deadlines were before they ended at the end of the day.
      const legacy = await tx.dataRequest.update({ where: { id: request.id }, data: { dueAt: new Date("2026-03-02T11:00:00Z") } });
      await transitionRequest(tx, legacy, "COMPLETED", "staff", { now: new Date("2026-03-11T20:30:00Z") });
    });
    const [entry] = (await buildDossier(inone, person.id, { now: new Date("2027-01-01T00:00:00Z") }))!.requests;
    expect(entry).toMatchObject({ timeliness: "closed-late", late: true, daysLate: 9, effectiveDueDay: "2026-03-02" });
    expect(entry.effectiveDueAt).toBe(due.toISOString());
  });

  it("holds the details the complainant entered, and the country the complain page preselects when none was chosen", async () => {
    const person = await newPerson("details@example.com", { postalAddress: "Profielstraat 1", phone: "+31 6 11111111" });
    // Before they saved anything: the profile's address and phone, no outcome; the guessed country, marked as guessed.
    let dossier = (await buildDossier(inone, person.id, { guessedCountry: "NL" }))!;
    expect(dossier.complainant).toMatchObject({ postalAddress: "Profielstraat 1", phone: "+31 6 11111111", outcome: null });
    expect(dossier.authorities).toMatchObject({ country: "NL", countrySource: "guessed", countryAuthority: { id: "nl-ap" } });

    const input = complaintDetailsSchema.parse({ postalAddress: " Klachtweg 2\r\n1234 AB Utrecht ", phone: "", outcome: "Dat inONE alsnog antwoordt.", country: "de" });
    expect(await saveComplaintDetails(inone.id, person.id, input)).toBe(true);
    dossier = (await buildDossier(inone, person.id, { guessedCountry: "NL" }))!;
    expect(dossier.complainant).toMatchObject({ postalAddress: "Klachtweg 2\n1234 AB Utrecht", phone: null, outcome: "Dat inONE alsnog antwoordt." });
    // Saved beats guessed; chosen on the page beats saved.
    expect(dossier.authorities).toMatchObject({ country: "DE", countrySource: "saved" });
    expect((await buildDossier(inone, person.id, { country: "BE", guessedCountry: "NL" }))!.authorities).toMatchObject({ country: "BE", countrySource: "chosen" });
    expect(dossierSchema.parse(dossier)).toEqual(dossier);
    expect(pdfText(await dossierPdf(dossier, "nl"))).toContain("Dat inONE alsnog antwoordt.");

    expect(complaintDetailsSchema.safeParse({ postalAddress: "", phone: "bel me", outcome: "", country: "XX" }).error?.issues.map((i) => i.path[0]).sort()).toEqual(["country", "phone"]);
    // Only a subject of this tenant can save here; another tenant's subject id changes nothing.
    const janWeb = await subjectOf(web1on1, jan);
    expect(await saveComplaintDetails(inone.id, janWeb.id, input)).toBe(false);
    expect(await platformDb().complaintDetails.count({ where: { subjectId: janWeb.id } })).toBe(0);
    // Deleted with the person (an erasure deletes the subject).
    await platformDb().subject.delete({ where: { id: person.id } });
    expect(await platformDb().complaintDetails.count({ where: { subjectId: person.id } })).toBe(0);
  });

  it("records reminders, at most one a day per request, tells the tenant's staff and lists them in the dossier", async () => {
    const person = await newPerson("chaser@example.com");
    const received = new Date(Date.now() - 45 * day);
    const { request } = await createRequest(inone, { kind: "subject", subjectId: person.id }, { type: "ACCESS", details: "", target: null, locale: "nl" }, received);
    const first = new Date(Date.now() - 3 * day);
    await sendReminder(inone, person.id, request.reference, first);
    await expect(sendReminder(inone, person.id, request.reference, new Date(first.getTime() + 23 * 3_600_000))).rejects.toMatchObject({ key: "reminderTooSoon" });
    const second = new Date(first.getTime() + 25 * 3_600_000);
    await sendReminder(inone, person.id, request.reference, second);

    const staff = await platformDb().outboxMail.findMany({ where: { tenantId: inone.id, subject: { contains: request.reference }, text: { contains: "herinnering" } } });
    const admins = await platformDb().membership.findMany({ where: { tenantId: inone.id, role: { in: ["OWNER", "ADMIN"] } }, include: { user: true } });
    const told = new Set([inone.contactEmail.toLowerCase(), ...admins.map((m) => m.user.email.toLowerCase())]);
    expect(staff).toHaveLength(2 * told.size);
    expect(new Set(staff.map((m) => m.to))).toEqual(told);
    expect(staff[0].text).toContain("te laat");

    const dossier = (await buildDossier(inone, person.id))!;
    const [entry] = dossier.requests;
    expect(entry.reminders).toEqual([first.toISOString(), second.toISOString()]);
    expect(entry.history.filter((e) => e.kind === "reminder").map((e) => e.actor)).toEqual(["requester", "requester"]);
    expect(dossier.summary.reminders).toBe(2);
    expect(dossierSchema.parse(dossier)).toEqual(dossier);

    // Only for one's own open requests.
    const olgaRequest = await withTenant(inone.id, (tx) => tx.dataRequest.findFirstOrThrow({ where: { tenantId: inone.id, subjectId: { not: person.id }, status: "RECEIVED" } }));
    await expect(sendReminder(inone, person.id, olgaRequest.reference)).rejects.toMatchObject({ key: "notFound" });
    await withTenant(inone.id, async (tx) => {
      const open = await tx.dataRequest.findFirstOrThrow({ where: { id: request.id } });
      await transitionRequest(tx, open, "COMPLETED", "staff");
    });
    await expect(sendReminder(inone, person.id, request.reference)).rejects.toMatchObject({ key: "requestNotOpen" });
  });

  it("keeps copies of the mails sent about a request, without the link's token, whatever carries the mail", async () => {
    const person = await newPerson("mails@example.com");
    const { request } = await createRequest(inone, { kind: "subject", subjectId: person.id }, { type: "ERASURE", details: "", target: null, locale: "nl" });
    await notifyStaffMessage(inone, request, "Welke klantnummers heeft u?");
    const change = await withTenant(inone.id, async (tx) => {
      const open = await tx.dataRequest.findFirstOrThrow({ where: { id: request.id } });
      return transitionRequest(tx, open, "REJECTED", "staff", { data: { rejectionReason: "Wij moeten bewaren." } });
    });
    await notifyStatusChange(inone, change.request, change.event);
    // With SMTP configured there is no outbox: the copies do not depend on it.
    await platformDb().outboxMail.deleteMany({ where: { to: "mails@example.com" } });

    const [entry] = (await buildDossier(inone, person.id))!.requests;
    expect(entry.mails).toHaveLength(3);
    expect(entry.mails[0].text).toContain(request.reference);
    expect(entry.mails[1].text).toContain("Welke klantnummers heeft u?");
    expect(entry.mails[2].text).toContain("Wij moeten bewaren.");
    expect(entry.mails.every((m) => m.subject.includes(request.reference))).toBe(true);
    expect(pdfText(await dossierPdf((await buildDossier(inone, person.id))!, "en"))).toContain("Welke klantnummers heeft u?");

    // A request without an account: its confirmation link opens the request, so the copy leaves the token out.
    const { request: open, confirmToken } = await createRequest(inone, { kind: "public", email: "mails@example.com", name: null }, { type: "ACCESS", details: "", target: null, locale: "en" });
    const copies = await platformDb().requestMail.findMany({ where: { requestId: open.id } });
    expect(copies).toHaveLength(1);
    expect(copies[0].text).toContain("/request/status?token=…");
    expect(copies[0].text).not.toContain(confirmToken!);
    // Another tenant's copies stay there.
    expect(await withTenant(web1on1.id, (tx) => tx.requestMail.count({ where: { requestId: open.id } }))).toBe(0);
  });
});

async function newPerson(email: string, profile: { postalAddress?: string; phone?: string } = {}) {
  return platformDb().subject.create({ data: { tenantId: inone.id, email, name: "Test Persoon", ...profile } });
}

import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { requesterEmailHash } from "@/lib/requests/reference";
import { confirmRequest, createRequest, transitionRequest } from "@/lib/requests/requests";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { buildDossier } from "./dossier";
import { dossierPdf } from "./dossier-pdf";
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

    expect(dossier.complainant).toEqual({ name: "Jan Jansen", email: jan, postalAddress: janInone.postalAddress });
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
    expect(dossier.summary).toEqual({ requests: 1, open: 1, late: 1, rejected: 0 });
    expect(dossier.authorities.country).toBe("BE");
    expect(dossier.authorities.countryAuthority?.id).toBe("be-gba-apd");
    expect(dossier.authorities.leadAuthority?.id).toBe(inone.leadAuthorityId);
    expect((await buildDossier(inone, olgaSubject.id))!.authorities).toMatchObject({ country: null, countryAuthority: null });
  });

  it("carries the tenant's answers, rejection reason, extension and lateness of closed requests", async () => {
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
    const ext = byRef.get(extended.reference)!;
    expect(ext).toMatchObject({
      status: "COMPLETED",
      extensionReason: "Veel systemen te doorzoeken",
      extensionAfterDeadline: true,
      timeliness: "closed-on-time",
      late: false,
      daysLate: null,
    });
    expect(ext.effectiveDueAt).toBe(ext.extendedDueAt);
    expect(ext.answers.map((a) => a.body)).toEqual(["Uw naam is verbeterd."]);

    const rej = byRef.get(rejected.reference)!;
    expect(rej).toMatchObject({ status: "REJECTED", rejectionReason: "Wettelijke bewaarplicht", timeliness: "closed-late", late: true, daysLate: 10 });
    expect(rej.answers.map((a) => a.body)).toEqual(["Wij hebben meer informatie nodig.", "Wij moeten uw gegevens bewaren."]);
    // Who on the staff wrote it stays inside the tenant.
    expect(JSON.stringify(rej)).not.toContain("staff@inone.example");
    expect(dossier.summary).toEqual({ requests: 3, open: 1, late: 2, rejected: 1 });
    expect(dossierSchema.parse(dossier)).toEqual(dossier);

    const pdf = dossierPdf(dossier, "nl").toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf).toContain(`(${rejected.reference}) Tj`);
    expect(pdf).toContain("(Wettelijke bewaarplicht) Tj");
  });
});

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as consentsRoute from "@/app/api/v1/subjects/[email]/consents/route";
import * as subjectRoute from "@/app/api/v1/subjects/[email]/route";
import type { Tenant } from "@/generated/prisma/client";
import { consentStates } from "@/lib/portal/consent";
import { consentRecords, consentRecordsSchema } from "@/lib/portal/consent-records";
import { createConsentPurpose, updateConsentPurpose } from "@/lib/portal/settings";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { createApiKey } from "./keys";
import { openApiDocument } from "./openapi";

/** POST /api/v1/subjects/{email}/consents (art. 7(1)) and the ISO/IEC TS 27560 consent records. */

useTestDatabase();

let web1on1: Tenant;
let inone: Tenant;
let key = "";
let otherKey = "";
const jan = "jan.jansen@example.com";

type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

async function call(handler: unknown, method: string, email: string, options: { key?: string; body?: unknown } = {}) {
  const headers = new Headers({ authorization: `Bearer ${options.key ?? key}` });
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const path = `/subjects/${encodeURIComponent(email)}${method === "POST" ? "/consents" : ""}`;
  const request = new NextRequest(`http://localhost/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await (handler as Handler)(request, { params: Promise.resolve({ email: encodeURIComponent(email) }) as Promise<never> });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const post = (email: string, body: unknown, options: { key?: string } = {}) => call(consentsRoute.POST, "POST", email, { ...options, body });
const get = (email: string) => call(subjectRoute.GET, "GET", email);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
function expectDocumented(name: "ConsentAnswer" | "Subject", body: unknown) {
  const schemas = openApiDocument().components.schemas;
  const validate = ajv.getSchema(name) ?? (ajv.addSchema(schemas[name], name), ajv.getSchema(name)!);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

const owner = () => ({ tenant: web1on1, user: { id: "u", email: "owner@web1on1.example" } });
const withdrawnByPhone = { purposeKey: "marketing", given: false, channel: "phone", collectedAt: "2026-03-01T10:00:00Z", wordingVersion: 1, proofReference: "CALL-2026-0301-17" };

beforeAll(async () => {
  await seedDemoTenants(demoTenants);
  web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  key = (await createApiKey(web1on1.id, "CRM")).secret;
  otherKey = (await createApiKey(inone.id, "inONE CRM")).secret;
});

describe("POST /api/v1/subjects/{email}/consents", () => {
  it("appends consent collected elsewhere with its wording version and proof; it is audited, sent as consent.changed and listed", async () => {
    const subject = await platformDb().subject.findFirstOrThrow({ where: { tenantId: web1on1.id, email: jan } });
    const endpoint = await platformDb().webhookEndpoint.create({ data: { tenantId: web1on1.id, url: "https://hooks.example.com/c", secret: "s", events: ["consent.changed"] } });
    const before = await platformDb().consentEvent.count({ where: { subjectId: subject.id } });

    const answer = await post(jan, withdrawnByPhone);
    expect(answer.status).toBe(201);
    expectDocumented("ConsentAnswer", answer.json);
    expect(answer.json).toMatchObject({ purposeKey: "marketing", given: false, wordingVersion: 1, currentWording: true, at: "2026-03-01T10:00:00.000Z" });

    // Append-only: the same call again is a second event, nothing is replaced.
    expect((await post(jan, withdrawnByPhone)).status).toBe(201);
    expect(await platformDb().consentEvent.count({ where: { subjectId: subject.id } })).toBe(before + 2);

    const stored = await platformDb().consentEvent.findUniqueOrThrow({ where: { id: answer.json.id } });
    const wording = await platformDb().consentPurposeVersion.findFirstOrThrow({ where: { tenantId: web1on1.id, version: 1 } });
    expect(stored).toMatchObject({ channel: "phone", proofReference: "CALL-2026-0301-17", purposeVersionId: wording.id, purposeVersion: 1, locale: "en" });
    expect(stored.wording).toBe("Marketing and newsletter\n\nSending you news and offers from Web1on1, and targeted marketing through cookies.");

    const audit = await platformDb().auditEvent.findFirstOrThrow({ where: { tenantId: web1on1.id, action: "consent.withdraw", subjectId: subject.id } });
    expect(audit).toMatchObject({ actorType: "apiKey", details: { purposeKey: "marketing", channel: "phone", wordingVersion: 1 } });
    const deliveries = await platformDb().webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => (d.payload as { data: unknown }).data)).toContainEqual({
      subjectId: subject.id,
      purposeKey: "marketing",
      given: false,
      channel: "phone",
      wordingVersion: 1,
      at: "2026-03-01T10:00:00.000Z",
    });

    const view = await get(jan);
    expect(view.status).toBe(200);
    expectDocumented("Subject", view.json);
    expect(view.json.consents.history).toContainEqual(expect.objectContaining({ id: answer.json.id, channel: "phone", proofReference: "CALL-2026-0301-17", wordingVersion: 1 }));
  });

  it("refuses what cannot be true: a time in the future, an unknown wording version or purpose, a channel Inzage writes itself", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const cases: Array<[unknown, string]> = [
      [{ ...withdrawnByPhone, collectedAt: future }, "collectedAt"],
      [{ ...withdrawnByPhone, wordingVersion: 9 }, "wordingVersion"],
      [{ ...withdrawnByPhone, purposeKey: "nothing" }, "purposeKey"],
      [{ ...withdrawnByPhone, channel: "portal" }, "channel"],
      [{ ...withdrawnByPhone, proofReference: "" }, "proofReference"],
      [{ ...withdrawnByPhone, collectedAt: "yesterday" }, "collectedAt"],
    ];
    const before = await platformDb().consentEvent.count({ where: { tenantId: web1on1.id } });
    for (const [body, path] of cases) {
      const answer = await post(jan, body);
      expect(answer.status, path).toBe(400);
      expect(answer.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await post("nobody@example.com", withdrawnByPhone)).status).toBe(404);
    // Another tenant's key does not reach Web1on1's people or purposes.
    expect((await post(jan, withdrawnByPhone, { key: otherKey })).json.error.issues[0].path).toBe("purposeKey");
    expect(await platformDb().consentEvent.count({ where: { tenantId: web1on1.id } })).toBe(before);
  });

  it("giving consent needs a purpose the portal asks for (409); withdrawing one is always recorded", async () => {
    await createConsentPurpose(owner(), { key: "untied", titleNl: "Los", titleEn: "Loose", descriptionNl: "x", descriptionEn: "x" });
    const given = await post(jan, { ...withdrawnByPhone, purposeKey: "untied", given: true });
    expect(given.status).toBe(409);
    expect(given.json.error.code).toBe("purpose_not_asked");
    expect((await post(jan, { ...withdrawnByPhone, purposeKey: "untied", given: false })).status).toBe(201);
  });

  it("consent to an earlier wording is recorded as such, and the portal asks again", async () => {
    const subject = await platformDb().subject.findFirstOrThrow({ where: { tenantId: web1on1.id, email: jan } });
    const purpose = await platformDb().consentPurpose.findFirstOrThrow({ where: { tenantId: web1on1.id, key: "marketing" } });
    await updateConsentPurpose(owner(), {
      id: purpose.id,
      titleNl: "Marketing, nieuwsbrief en doorverkoop",
      titleEn: "Marketing, newsletter and resale",
      descriptionNl: (purpose.description as { nl: string }).nl,
      descriptionEn: (purpose.description as { en: string }).en,
    });
    const answer = await post(jan, { ...withdrawnByPhone, given: true, collectedAt: new Date(Date.now() - 1000).toISOString(), proofReference: "FORM-881" });
    expect(answer.json).toMatchObject({ given: true, wordingVersion: 1, currentWording: false });
    // The tenant's systems read the same: the consent stands for an earlier wording.
    const view = await get(jan);
    expectDocumented("Subject", view.json);
    expect(view.json.consents.current).toContainEqual(expect.objectContaining({ purposeKey: "marketing", given: true, wordingVersion: 1, currentWording: false }));
    expect((await consentStates(web1on1, subject.id)).find((s) => s.key === "marketing")).toMatchObject({ given: true, givenVersion: 1, version: 2, earlierWording: true });
  });
});

describe("ISO/IEC TS 27560 consent records", () => {
  it("lists every purpose's events with the notice shown, collection method and proof, valid against the structure", async () => {
    const subject = await platformDb().subject.findFirstOrThrow({ where: { tenantId: web1on1.id, email: jan } });
    const document = await consentRecords(web1on1, subject.id, "en", new Date("2026-12-03T12:00:00Z"));
    expect(consentRecordsSchema.parse(document)).toEqual(document);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    const marketing = document.records.find((r) => r.purposes[0].purposeId === "marketing")!;
    expect(marketing.piiPrincipalId).toBe(subject.id);
    expect(marketing.piiControllers[0]).toMatchObject({ name: web1on1.name, contact: web1on1.contactEmail });
    expect(marketing.purposes[0]).toMatchObject({
      purpose: "Marketing, newsletter and resale",
      lawfulBasis: { iri: "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a" },
      processing: "Sending you news and offers from Web1on1, and targeted marketing through cookies.",
    });
    expect(marketing.purposes[0].personalData.length).toBeGreaterThan(0);
    // Given last (through the API) to wording version 1, while version 2 is current.
    expect(marketing.status).toMatchObject({ state: "https://w3id.org/dpv#ConsentGiven", givenToCurrentNotice: false, currentNoticeVersion: 2 });
    expect(marketing.events.map((e) => e.collectionMethod.channel)).toEqual(expect.arrayContaining(["portal", "phone"]));
    const byForm = marketing.events.find((e) => e.proofReference === "FORM-881")!;
    expect(byForm.notice).toMatchObject({ version: 1, language: "en", text: expect.stringContaining("Marketing and newsletter") });
    // A purpose the person only withdrew through the API has its own record.
    expect(document.records.find((r) => r.purposes[0].purposeId === "untied")!.status.state).toBe("https://w3id.org/dpv#ConsentWithdrawn");
  });

  it("holds only the person's own events at the tenant", async () => {
    const other = await platformDb().subject.findFirstOrThrow({ where: { tenantId: inone.id, email: jan } });
    expect((await consentRecords(inone, other.id, "nl")).records).toEqual([]);
    const subject = await platformDb().subject.findFirstOrThrow({ where: { tenantId: web1on1.id, email: jan } });
    expect((await consentRecords(inone, subject.id, "nl")).records).toEqual([]);
  });
});

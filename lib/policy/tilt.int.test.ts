import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as tiltRoute from "@/app/api/t/[tenant]/policy.tilt.json/route";
import * as policyRoute from "@/app/api/t/[tenant]/policy/route";
import { withTenant } from "@/lib/db/tenant-db";
import { loadOrCreateDraft } from "@/lib/policy/draft";
import { forgetPublished, publishedStatement } from "@/lib/policy/published";
import { readVersionContent, writeVersionContent } from "@/lib/policy/store";
import { publishDraft } from "@/lib/policy/versions";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

useTestDatabase();

// TILT's published schema is draft-07 ("$schema": "http://json-schema.org/draft-07/schema"): Ajv's default class.
// Its patterns escape ":" ("24\\:?00"), which a regular expression with the "u" flag refuses; without it they mean what TILT wrote.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateTilt = ajv.compile(JSON.parse(readFileSync("docs/tilt/tilt-schema.json", "utf8")));

type Handler = (request: NextRequest, context: { params: Promise<{ tenant: string }> }) => Promise<Response>;
function get(handler: Handler, slug: string, query = "", headers: Record<string, string> = {}) {
  const path = handler === (tiltRoute.GET as Handler) ? "policy.tilt.json" : "policy";
  return handler(new NextRequest(`http://localhost/api/t/${slug}/${path}${query}`, { headers }), { params: Promise.resolve({ tenant: slug }) });
}

async function tenant(slug: string) {
  return platformDb().tenant.findUniqueOrThrow({ where: { slug } });
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants);
});

describe("the statement as TILT", () => {
  it("validates against TILT's JSON Schema for every demo tenant, version and language", async () => {
    const example = JSON.parse(readFileSync("docs/tilt/tilt-example.json", "utf8"));
    expect(validateTilt(example)).toBe(true);
    // The schema does refuse: a DPO without an e-mail address, or a storage period that is no duration.
    expect(validateTilt({ ...example, dataProtectionOfficer: { ...example.dataProtectionOfficer, email: "" } })).toBe(false);
    const storage = [{ temporal: [{ description: "", ttl: "7 years" }], aggregationFunction: "max" }];
    expect(validateTilt({ ...example, dataDisclosed: [{ ...example.dataDisclosed[0], storage }] })).toBe(false);
    for (const demo of demoTenants) {
      for (const [index] of demo.versions.entries()) {
        for (const locale of ["nl", "en"]) {
          const response = await get(tiltRoute.GET as Handler, demo.tenant.slug, `?locale=${locale}&version=${index + 1}`);
          expect(response.status).toBe(200);
          const document = await response.json();
          const valid = validateTilt(document);
          expect(valid ? [] : validateTilt.errors, `${demo.tenant.slug} v${index + 1} ${locale}`).toEqual([]);
          expect(document.meta).toMatchObject({ version: index + 1, language: locale, status: index + 1 === demo.versions.length ? "active" : "inactive" });
        }
      }
    }
  });

  it("states nothing the statement does not: no DPO, lead authority or automated decisions made up", async () => {
    const statement = (await publishedStatement(await tenant("inone"), "en"))!;
    expect(statement.declarations).toMatchObject({ dpo: "NOT_STATED" });
    const document = await (await get(tiltRoute.GET as Handler, "inone", "?locale=en")).json();
    expect(document.dataProtectionOfficer).toMatchObject({ name: "", address: "", email: statement.controller.email, _declared: "NOT_STATED" });
    expect(document.rightToComplain.supervisoryAuthority).toEqual({ name: "", _declared: "NOT_STATED" });
    expect(document.automatedDecisionMaking).toEqual({ _declared: "NOT_STATED" });
    expect(document.changesOfPurpose).toEqual([]);
    // inONE gives no fixed retention period: no ttl, the criteria as text.
    for (const item of document.dataDisclosed) {
      for (const storage of item.storage) expect(storage.temporal).toEqual([]);
    }
    // Recipients are named for the data as a whole, never tied to a category the statement does not tie them to.
    expect(document.dataDisclosed.every((item: { recipients: unknown[] }) => item.recipients.length === 0)).toBe(true);
    expect(document._recipients.list.map((r: { name: string }) => r.name)).toEqual(statement.recipients.map((r) => r.name));
  });

  it("maps purposes, legal bases and fixed periods per category", async () => {
    const statement = (await publishedStatement(await tenant("web1on1"), "en"))!;
    const document = await (await get(tiltRoute.GET as Handler, "web1on1", "?locale=en")).json();
    const conversations = document.dataDisclosed.find((item: { _key: string }) => item._key === "conversations");
    expect(conversations._id).toBe(statement.dataCategories.find((c) => c.key === "conversations")!.id);
    expect(conversations.storage[0].temporal[0].ttl).toBe("P18M");
    const purposes = statement.purposes.filter((p) => p.dataCategories.some((c) => c.key === "conversations"));
    expect(conversations.purposes.map((p: { purpose: string }) => p.purpose)).toEqual(purposes.map((p) => p.name));
    const article = { CONSENT: "a", CONTRACT: "b", LEGAL_OBLIGATION: "c", VITAL_INTEREST: "d", PUBLIC_TASK: "e", LEGITIMATE_INTEREST: "f" };
    expect(conversations.legalBases.map((b: { reference: string }) => b.reference)).toEqual([
      ...new Set(purposes.map((p) => `GDPR-6-1-${article[p.legalBasis.code]}`)),
    ]);
    expect(document.meta._hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("public reads of the statement", () => {
  for (const [name, handler] of [
    ["policy", policyRoute.GET],
    ["policy.tilt.json", tiltRoute.GET],
  ] as const) {
    it(`${name}: strong ETag, 304 on If-None-Match, CORS for any origin`, async () => {
      const first = await get(handler as Handler, "superoffice", "?locale=en", { origin: "https://elsewhere.example" });
      expect(first.status).toBe(200);
      expect(first.headers.get("access-control-allow-origin")).toBe("*");
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await get(handler as Handler, "superoffice", "?locale=en", { "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      // Another language is another body, so another tag.
      const nl = await get(handler as Handler, "superoffice", "?locale=nl", { "if-none-match": etag });
      expect(nl.status).toBe(200);
      expect(nl.headers.get("etag")).not.toBe(etag);
      const missing = await get(handler as Handler, "no-such-tenant");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("access-control-allow-origin")).toBe("*");
    });
  }

  it("answers the CORS preflight", () => {
    for (const preflight of [policyRoute.OPTIONS(), tiltRoute.OPTIONS()]) {
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
    }
  });
});

describe("stable ids", () => {
  it("keep a row's id across two published versions; a new row gets a new one", async () => {
    const inqonto = await tenant("inqonto");
    const before = (await publishedStatement(inqonto, "en"))!;
    await withTenant(inqonto.id, async (tx) => {
      // As the editor does: the draft starts as a copy of the newest version, rows are edited, one added.
      const draft = await loadOrCreateDraft(tx, inqonto.id);
      const content = await readVersionContent(tx, inqonto.id, draft.id);
      const [first, ...rest] = content.purposes;
      const renamed = { ...first, name: { nl: "Hernoemd", en: "Renamed" } };
      const added = { ...first, uid: undefined, name: { nl: "Nieuw doel", en: "New purpose" } };
      await writeVersionContent(tx, inqonto.id, draft.id, { ...content, purposes: [renamed, ...rest, added] });
      await publishDraft(tx, inqonto, { changeSummary: { nl: "Doelen", en: "Purposes" }, materialChange: true, gaps: [] });
    });
    forgetPublished(inqonto.id);
    const after = (await publishedStatement(inqonto, "en"))!;
    expect(after.version.number).toBe(before.version.number + 1);
    expect(after.purposes[0]).toMatchObject({ id: before.purposes[0].id, name: "Renamed" });
    expect(after.purposes.slice(0, before.purposes.length).map((p) => p.id)).toEqual(before.purposes.map((p) => p.id));
    expect(before.purposes.map((p) => p.id)).not.toContain(after.purposes.at(-1)!.id);
    expect(after.recipients.map((r) => r.id)).toEqual(before.recipients.map((r) => r.id));
    expect(after.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
    expect(after.dataCategories.map((c) => c.id)).toEqual(before.dataCategories.map((c) => c.id));
  });

  it("keep the demo's rows' ids from version 1 to version 2", async () => {
    const inone = await tenant("inone");
    const [v1, v2] = await Promise.all([publishedStatement(inone, "en", 1), publishedStatement(inone, "en", 2)]);
    const idOf = (rows: Array<{ id: string; name: string }>, name: string) => rows.find((row) => row.name === name)?.id;
    const kept = v1!.recipients.filter((r) => v2!.recipients.some((other) => other.name === r.name));
    expect(kept.length).toBeGreaterThan(0);
    for (const recipient of kept) expect(idOf(v2!.recipients, recipient.name)).toBe(recipient.id);
    for (const purpose of v1!.purposes) expect(idOf(v2!.purposes, purpose.name)).toBe(purpose.id);
    expect(new Set(v2!.recipients.map((r) => r.id)).size).toBe(v2!.recipients.length);
  });
});

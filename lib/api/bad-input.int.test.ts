import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as recordsRoute from "@/app/api/v1/subjects/[email]/records/route";
import * as subjectRoute from "@/app/api/v1/subjects/[email]/route";
import type { Tenant } from "@/generated/prisma/client";
import { auditCsv, auditPage, parseAuditFilter } from "@/lib/audit-log";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { createApiKey } from "./keys";

/**
 * Issue 10: what the API cannot store as sent is refused with a 400 that names the
 * field, never answered 201 with the value dropped, nulled or failing in the database.
 */

useTestDatabase();

let tenant: Tenant;
let key = "";
const person = "bad-input@example.com";

type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

async function call(handler: unknown, method: string, path: string, raw: string) {
  const request = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: raw,
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve({ email: encodeURIComponent(person) }) as Promise<never> });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const postRecords = (raw: string) => call(recordsRoute.POST, "POST", `/subjects/${encodeURIComponent(person)}/records`, raw);
const putSubject = (raw: string) => call(subjectRoute.PUT, "PUT", `/subjects/${encodeURIComponent(person)}`, raw);
const record = (fields: string) => `{"records":[{"category":"orders","sourceSystem":"shop","fields":${fields}}]}`;

async function storedRecords() {
  return withTenant(tenant.id, (tx) => tx.subjectRecord.findMany({ where: { tenantId: tenant.id, subject: { email: person } } }));
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 1));
  tenant = await platformDb().tenant.findUniqueOrThrow({ where: { slug: demoTenants[0].tenant.slug } });
  key = (await createApiKey(tenant.id, "bad input")).secret;
  await withTenant(tenant.id, (tx) =>
    tx.profileField.upsert({
      where: { tenantId_key: { tenantId: tenant.id, key: "customerNumber" } },
      create: { tenantId: tenant.id, key: "customerNumber", label: { nl: "Klantnummer", en: "Customer number" }, position: 1 },
      update: {},
    }),
  );
  expect((await putSubject('{"name":"Bad Input"}')).status).toBe(201);
});

describe("records the API cannot store as sent", () => {
  const cases: Array<[string, string, string]> = [
    ["a field named __proto__ (was 201 with the field dropped)", record('{"__proto__":"x","a":1}'), "records.0.fields.__proto__"],
    ["a field named constructor", record('{"constructor":{"prototype":1}}'), "records.0.fields.constructor"],
    ["a number that overflows, 1e400 (was stored as null)", record('{"total":1e400}'), "records.0.fields.total"],
    ["NUL in a value (was a 500)", record('{"note":"a\\u0000b"}'), "records.0.fields.note"],
    ["NUL in a field name", record('{"a\\u0000":1}'), "records.0.fields.a\u0000"],
    ["a lone surrogate (was a 500)", record('{"note":"\\ud800"}'), "records.0.fields.note"],
    ["NUL in the source system", '{"records":[{"category":"orders","sourceSystem":"a\\u0000","fields":{}}]}', "records.0.sourceSystem"],
  ];
  for (const [what, body, path] of cases) {
    it(`are refused with 400 naming the field: ${what}`, async () => {
      const answer = await postRecords(body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.code).toBe("invalid_body");
      expect(answer.json.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect(answer.json.error.message).toContain(path);
    });
  }

  it("are refused when nested deeper than 64 levels (130 was a 500), and 5000 levels do not overflow anything", async () => {
    for (const levels of [130, 5000]) {
      const answer = await postRecords(record(`{"deep":${"[".repeat(levels)}${"]".repeat(levels)}}`));
      expect(answer.status, `${levels} levels`).toBe(400);
      expect(answer.json.error.issues[0].message).toContain("nested deeper than 64 levels");
    }
  });

  it("store nothing of a refused body; a clean body is still stored whole", async () => {
    expect(await storedRecords()).toHaveLength(0);
    const answer = await postRecords(record('{"note":"é😀\\u0001","n":1e300,"nested":{"a":[1,2,{"b":null}]}}'));
    expect(answer.status).toBe(201);
    const [stored] = await storedRecords();
    expect(stored.fields).toEqual({ note: "é😀\u0001", n: 1e300, nested: { a: [1, 2, { b: null }] } });
  });
});

describe("profile fields the API cannot store as sent", () => {
  const cases: Array<[string, string, string]> = [
    ["customFields.__proto__, which is no defined field (was accepted)", '{"customFields":{"__proto__":"x"}}', "customFields.__proto__"],
    ["NUL in the name (was a 500)", '{"name":"a\\u0000b"}', "name"],
    ["a lone surrogate in the address (was a 500)", '{"postalAddress":"\\udc00 street"}', "postalAddress"],
    ["NUL in a custom field", '{"customFields":{"customerNumber":"1\\u0000"}}', "customFields.customerNumber"],
  ];
  for (const [what, body, path] of cases) {
    it(`are refused with 400 naming the field: ${what}`, async () => {
      const answer = await putSubject(body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    });
  }

  it("leave the profile as it was", async () => {
    const subject = await withTenant(tenant.id, (tx) => tx.subject.findFirstOrThrow({ where: { tenantId: tenant.id, email: person } }));
    expect(subject.name).toBe("Bad Input");
    expect(subject.postalAddress).toBeNull();
  });
});

describe("audit trail filters", () => {
  it("find nothing for NUL or a lone surrogate instead of failing (the CSV was cut off after its 200)", async () => {
    const filter = parseAuditFilter({ actor: "a\u0000b", action: "\ud800" });
    expect((await auditPage(tenant.id, filter)).rows).toEqual([]);
    const lines: string[] = [];
    for await (const line of auditCsv(tenant.id, filter)) lines.push(line);
    expect(lines).toEqual(["time,actor_type,actor,action,target_type,target_id,subject_id,ip,details\n"]);
  });
});

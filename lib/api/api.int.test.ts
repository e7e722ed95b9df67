import { createHash } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as requestsRoute from "@/app/api/v1/requests/route";
import * as consentsRoute from "@/app/api/v1/subjects/[email]/consents/route";
import * as recordsRoute from "@/app/api/v1/subjects/[email]/records/route";
import * as subjectRoute from "@/app/api/v1/subjects/[email]/route";
import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { hit, limits } from "@/lib/rate-limit";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { useTestDatabase, platformDb } from "@/test/database";
import { createApiKey, listApiKeys, revokeApiKey } from "./keys";
import { openApiDocument } from "./openapi";
import { apiRoute } from "./route";

useTestDatabase();

let inone: Tenant;
let other: Tenant;
let keyA = "";
let keyB = "";

type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

interface CallOptions {
  key?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  query?: string;
}

async function call(handler: unknown, method: string, path: string, params: Record<string, string>, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new NextRequest(`http://localhost/api/v1${path}${options.query ?? ""}`, { method, headers, body });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
}

const put = (email: string, body: unknown, options: CallOptions = {}) =>
  call(subjectRoute.PUT, "PUT", `/subjects/${encodeURIComponent(email)}`, { email: encodeURIComponent(email) }, { key: keyA, body, ...options });
const get = (email: string, options: CallOptions = {}) =>
  call(subjectRoute.GET, "GET", `/subjects/${encodeURIComponent(email)}`, { email: encodeURIComponent(email) }, { key: keyA, ...options });
const postRecords = (email: string, body: unknown, options: CallOptions = {}) =>
  call(recordsRoute.POST, "POST", `/subjects/${encodeURIComponent(email)}/records`, { email: encodeURIComponent(email) }, { key: keyA, body, ...options });
const getRecords = (email: string, options: CallOptions = {}) =>
  call(recordsRoute.GET, "GET", `/subjects/${encodeURIComponent(email)}/records`, { email: encodeURIComponent(email) }, { key: keyA, ...options });
const listRequests = (options: CallOptions = {}) => call(requestsRoute.GET, "GET", "/requests", {}, { key: keyA, ...options });

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const components = openApiDocument().components.schemas;

/** The answer matches its schema in the OpenAPI document. */
function expectDocumented(name: keyof typeof components & string, body: unknown) {
  const validate = ajv.getSchema(name) ?? (ajv.addSchema(components[name], name), ajv.getSchema(name)!);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

const record = (n: number, category = "orders") => ({ category, sourceSystem: "webshop", fields: { orderNumber: `O-${n}`, total: n } });

async function subjectAt(tenantId: string, email: string) {
  return withTenant(tenantId, (tx) => tx.subject.findUnique({ where: { tenantId_email: { tenantId, email } } }));
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 2));
  const client = platformDb();
  inone = await client.tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  other = await client.tenant.findUniqueOrThrow({ where: { slug: demoTenants[1].tenant.slug } });
  keyA = (await createApiKey(inone.id, "CRM")).secret;
  keyB = (await createApiKey(other.id, "Other CRM")).secret;
  await withTenant(inone.id, (tx) =>
    tx.profileField.upsert({
      where: { tenantId_key: { tenantId: inone.id, key: "customerNumber" } },
      create: { tenantId: inone.id, key: "customerNumber", label: { nl: "Klantnummer", en: "Customer number" }, position: 1 },
      update: {},
    }),
  );
});

describe("API keys", () => {
  it("are shown once and stored only as a hash with a short prefix", async () => {
    const { key, secret } = await createApiKey(inone.id, "Shown once", { userId: "u1", email: "owner@inone.example" });
    expect(secret).toMatch(/^inz_[A-Za-z0-9_-]{32}$/);
    const row = await withTenant(inone.id, (tx) => tx.apiKey.findFirstOrThrow({ where: { tenantId: inone.id, id: key.id } }));
    expect(row.keyHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.prefix).toBe(secret.slice(0, 10));
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    expect(JSON.stringify(await listApiKeys(inone.id))).not.toContain(secret.slice(10));
    const audit = await withTenant(inone.id, (tx) => tx.auditEvent.findFirst({ where: { tenantId: inone.id, action: "apiKey.create", targetId: key.id } }));
    expect(audit?.actorLabel).toBe("owner@inone.example");
    expect(JSON.stringify(audit)).not.toContain(secret.slice(10));
  });

  it("answer 401 without a key, with a malformed, unknown or revoked one", async () => {
    for (const key of [null, "inz_short", `inz_${"A".repeat(32)}`]) {
      const answer = await get("anyone@example.com", { key });
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe("unauthorized");
      expect(answer.headers.get("www-authenticate")).toContain("Bearer");
    }
    const basic = await get("anyone@example.com", { key: null, headers: { authorization: `Basic ${keyA}` } });
    expect(basic.status).toBe(401);

    const { key, secret } = await createApiKey(inone.id, "To revoke");
    expect((await put("revoked@example.com", { name: "Before" }, { key: secret })).status).toBe(201);
    expect(await revokeApiKey(other.id, key.id)).toBe(false); // another tenant cannot revoke it
    expect(await revokeApiKey(inone.id, key.id)).toBe(true);
    const answer = await put("revoked@example.com", { name: "After" }, { key: secret });
    expect(answer.status).toBe(401);
    expect((await subjectAt(inone.id, "revoked@example.com"))?.name).toBe("Before");
  });

  it("are refused in the query string", async () => {
    const answer = await get("anyone@example.com", { key: null, query: `?api_key=${keyA}` });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("key_in_query");
  });

  it("note when they were last used, at most once a minute", async () => {
    const { key, secret } = await createApiKey(inone.id, "Usage");
    expect(key.lastUsedAt).toBeNull();
    await get("nobody@example.com", { key: secret });
    const first = (await listApiKeys(inone.id)).find((k) => k.id === key.id)!.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await get("nobody@example.com", { key: secret });
    expect((await listApiKeys(inone.id)).find((k) => k.id === key.id)!.lastUsedAt).toEqual(first);
  });
});

describe("PUT /api/v1/subjects/{email}", () => {
  it("creates a subject (201), then updates only what is sent (200), keeping each change", async () => {
    const created = await put("Anne.de.Vries@Example.com", { name: "Anne de Vries", phone: "+31 6 1234 5678", preferredLocale: "en" });
    expect(created.status).toBe(201);
    expect(created.json.created).toBe(true);
    expect(created.json.profile).toMatchObject({ email: "anne.de.vries@example.com", name: "Anne de Vries", preferredLocale: "en" });
    expectDocumented("PutSubjectAnswer", created.json);

    const updated = await put("anne.de.vries@example.com", { name: "Anne Jansen", phone: null, customFields: { customerNumber: "C-1001" } });
    expect(updated.status).toBe(200);
    expect(updated.json.created).toBe(false);
    expect(updated.json.changed.sort()).toEqual(["customFields.customerNumber", "name", "phone"]);
    expect(updated.json.profile).toMatchObject({ name: "Anne Jansen", phone: null, preferredLocale: "en", customFields: { customerNumber: "C-1001" } });

    const subject = (await subjectAt(inone.id, "anne.de.vries@example.com"))!;
    const changes = await withTenant(inone.id, (tx) =>
      tx.profileChange.findMany({ where: { tenantId: inone.id, subjectId: subject.id }, orderBy: [{ changedAt: "asc" }, { field: "asc" }] }),
    );
    expect(changes.every((c) => c.changedBy === "api")).toBe(true);
    expect(changes.find((c) => c.field === "name" && c.oldValue === "Anne de Vries")?.newValue).toBe("Anne Jansen");
    expect(changes.find((c) => c.field === "phone" && c.newValue === null)?.oldValue).toBe("+31 6 1234 5678");

    const audit = await withTenant(inone.id, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: inone.id, subjectId: subject.id }, orderBy: { at: "asc" } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["subject.create", "subject.update"]);
    expect(audit[0]).toMatchObject({ actorType: "apiKey", actorLabel: `CRM (${keyA.slice(0, 10)}…)` });

    const unchanged = await put("anne.de.vries@example.com", { name: "Anne Jansen" });
    expect(unchanged.status).toBe(200);
    expect(unchanged.json.changed).toEqual([]);
  });

  it("says clearly what is wrong with a bad body", async () => {
    const cases: Array<{ options: CallOptions; status: number; code: string; path?: string }> = [
      { options: { raw: "{name:" }, status: 400, code: "invalid_json" },
      { options: { raw: "[1,2]" }, status: 400, code: "invalid_body", path: "" },
      { options: { body: { name: 42 } }, status: 400, code: "invalid_body", path: "name" },
      { options: { body: { nmae: "typo" } }, status: 400, code: "invalid_body", path: "" },
      { options: { body: { preferredLocale: "de" } }, status: 400, code: "invalid_body", path: "preferredLocale" },
      { options: { body: { name: "x".repeat(201) } }, status: 400, code: "invalid_body", path: "name" },
      { options: { body: { customFields: { shoeSize: "44" } } }, status: 400, code: "invalid_body", path: "customFields.shoeSize" },
      { options: { body: { customFields: { customerNumber: 5 } } }, status: 400, code: "invalid_body", path: "customFields.customerNumber" },
      { options: { raw: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, status: 415, code: "unsupported_media_type" },
      { options: { raw: JSON.stringify({ name: "x".repeat(70_000) }) }, status: 413, code: "body_too_large" },
    ];
    for (const { options, status, code, path } of cases) {
      const answer = await put("bad-body@example.com", undefined, options);
      expect(answer.status, JSON.stringify(options).slice(0, 80)).toBe(status);
      expect(answer.json.error.code).toBe(code);
      expect(answer.json.error.message.length).toBeGreaterThan(10);
      expectDocumented("Error", answer.json);
      if (path !== undefined) expect(answer.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await subjectAt(inone.id, "bad-body@example.com")).toBeNull();
  });

  it("refuses a path that is not an e-mail address", async () => {
    const answer = await call(subjectRoute.PUT, "PUT", "/subjects/not-an-address", { email: "not-an-address" }, { key: keyA, body: {} });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_email");
  });

  it("accepts an address the router already decoded", async () => {
    const answer = await call(subjectRoute.PUT, "PUT", "/subjects/decoded%40example.com", { email: "Decoded@Example.com" }, { key: keyA, body: { name: "D" } });
    expect(answer.status).toBe(201);
    expect(answer.json.profile.email).toBe("decoded@example.com");
  });
});

describe("POST /api/v1/subjects/{email}/records", () => {
  it("adds records to an existing subject", async () => {
    await put("records@example.com", { name: "Rita" });
    const answer = await postRecords("records@example.com", { records: [record(1), record(2), record(3, "tickets")] });
    expect(answer.status).toBe(201);
    expect(answer.json.created).toBe(3);
    expect(answer.json.ids).toHaveLength(3);
    expectDocumented("RecordsAnswer", answer.json);
    const subject = (await subjectAt(inone.id, "records@example.com"))!;
    const stored = await withTenant(inone.id, (tx) => tx.subjectRecord.findMany({ where: { tenantId: inone.id, subjectId: subject.id }, orderBy: { id: "asc" } }));
    expect(stored.map((r) => r.category).sort()).toEqual(["orders", "orders", "tickets"]);
    expect(stored[0].fields).toMatchObject({ orderNumber: expect.stringMatching(/^O-/) });
  });

  it("says clearly what is wrong with bad records", async () => {
    await put("bad-records@example.com", {});
    const many = Array.from({ length: 1001 }, (_, n) => record(n));
    const big = Array.from({ length: 900 }, (_, n) => ({ ...record(n), fields: { blob: "x".repeat(1200) } }));
    const cases: Array<{ body: unknown; status: number; code: string; path?: string }> = [
      { body: {}, status: 400, code: "invalid_body", path: "records" },
      { body: { records: [] }, status: 400, code: "invalid_body", path: "records" },
      { body: { records: many }, status: 400, code: "invalid_body", path: "records" },
      { body: { records: [record(1), { ...record(2), category: "Bad Category!" }] }, status: 400, code: "invalid_body", path: "records.1.category" },
      { body: { records: [{ ...record(1), sourceSystem: "" }] }, status: 400, code: "invalid_body", path: "records.0.sourceSystem" },
      { body: { records: [{ ...record(1), fields: [1, 2] }] }, status: 400, code: "invalid_body", path: "records.0.fields" },
      { body: { records: [{ ...record(1), fields: "text" }] }, status: 400, code: "invalid_body", path: "records.0.fields" },
      { body: { records: [{ category: "orders", fields: {} }] }, status: 400, code: "invalid_body", path: "records.0.sourceSystem" },
      { body: { records: big }, status: 413, code: "body_too_large" },
    ];
    for (const { body, status, code, path } of cases) {
      const answer = await postRecords("bad-records@example.com", body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(answer.json.error.code).toBe(code);
      if (path !== undefined) expect(answer.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const subject = (await subjectAt(inone.id, "bad-records@example.com"))!;
    expect(await withTenant(inone.id, (tx) => tx.subjectRecord.count({ where: { tenantId: inone.id, subjectId: subject.id } }))).toBe(0);
  });

  it("answers 404 for an unknown subject", async () => {
    const answer = await postRecords("unknown@example.com", { records: [record(1)] });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe("subject_not_found");
  });
});

describe("GET /api/v1/subjects/{email}", () => {
  it("returns everything the tenant holds, with records in pages", async () => {
    await put("full@example.com", { name: "Fleur", customFields: { customerNumber: "C-7" } });
    await postRecords("full@example.com", { records: Array.from({ length: 5 }, (_, n) => record(n)) });
    const subject = (await subjectAt(inone.id, "full@example.com"))!;
    await withTenant(inone.id, async (tx) => {
      await tx.subject.updateMany({ where: { id: subject.id, tenantId: inone.id }, data: { restricted: true, objections: ["profiling"] } });
      const base = { tenantId: inone.id, subjectId: subject.id, purposeKey: "newsletter", wording: "Send me news", locale: "nl", channel: "portal" };
      await tx.consentEvent.create({ data: { ...base, given: true, at: new Date("2026-01-01T00:00:00Z") } });
      await tx.consentEvent.create({ data: { ...base, given: false, at: new Date("2026-02-01T00:00:00Z") } });
      await tx.dataRequest.create({
        data: {
          tenantId: inone.id,
          subjectId: subject.id,
          reference: "R-FULL-0001",
          type: "ACCESS",
          status: "RECEIVED",
          requesterEmail: "full@example.com",
          requesterEmailHash: "h",
          locale: "nl",
          channel: "portal",
          receivedAt: new Date("2026-02-02T00:00:00Z"),
          dueAt: new Date("2026-03-02T00:00:00Z"),
        },
      });
    });

    const answer = await get("full@example.com", { query: "?recordsLimit=2" });
    expect(answer.status).toBe(200);
    const body = answer.json;
    expectDocumented("Subject", body);
    expect(body.profile).toMatchObject({ email: "full@example.com", name: "Fleur", customFields: { customerNumber: "C-7" } });
    expect(body.restricted).toBe(true);
    expect(body.objections).toEqual(["profiling"]);
    expect(body.consents.current).toEqual([expect.objectContaining({ purposeKey: "newsletter", given: false })]);
    expect(body.consents.history.map((e: { given: boolean }) => e.given)).toEqual([true, false]);
    expect(body.requests).toEqual([expect.objectContaining({ reference: "R-FULL-0001", type: "ACCESS", status: "RECEIVED", requesterEmail: "full@example.com" })]);
    expect(body.profileChanges.length).toBeGreaterThan(0);
    expect(body.records.items).toHaveLength(2);
    expect(body.records.nextCursor).toBe(body.records.items[1].id);

    const seen = body.records.items.map((r: { id: string }) => r.id);
    let cursor: string | null = body.records.nextCursor;
    while (cursor) {
      const page = await getRecords("full@example.com", { query: `?limit=2&cursor=${cursor}` });
      expect(page.status).toBe(200);
      expectDocumented("RecordsPage", page.json);
      seen.push(...page.json.items.map((r: { id: string }) => r.id));
      cursor = page.json.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual(seen);

    const audit = await withTenant(inone.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: inone.id, subjectId: subject.id, action: "subject.read" } }));
    expect(audit).toHaveLength(1);
  });

  it("refuses a bad query", async () => {
    const answer = await getRecords("full@example.com", { query: "?limit=5000&cursor=../x" });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_query");
    expect(answer.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["cursor", "limit"]);
  });

  it("refuses a well-formed cursor this list did not give out with a 400, not an empty page", async () => {
    const records = await getRecords("full@example.com", { query: "?limit=1" });
    const recordCursor: string = records.json.nextCursor;
    const requests = await listRequests({ query: "?limit=1" });
    const requestCursor: string = requests.json.items.length ? requests.json.nextCursor ?? "" : "";
    const attempts = [
      await getRecords("full@example.com", { query: "?cursor=zzzzzzzz" }),
      await listRequests({ query: "?cursor=zzzzzzzz" }),
      await listRequests({ query: `?cursor=${recordCursor}` }),
      ...(requestCursor ? [await getRecords("full@example.com", { query: `?cursor=${requestCursor}` })] : []),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ status: 400, code: "invalid_cursor", type: "urn:inzage:problem:invalid_cursor", error: { code: "invalid_cursor" } });
      expect(answer.json.issues).toEqual([{ path: "cursor", message: expect.any(String) }]);
      expectDocumented("Error", answer.json);
    }
    expect((await getRecords("full@example.com", { query: `?cursor=${recordCursor}` })).status).toBe(200);
  });
});

describe("RateLimit header fields", () => {
  it("every answer with a key says the key's policy and what is left of it, counting down", async () => {
    const { secret } = await createApiKey(inone.id, "Counted");
    // The limit counts per fixed window: hold the clock so the calls share one.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const answers = [
        await listRequests({ key: secret }),
        await get("nobody-counted@example.com", { key: secret }),
        await call(subjectRoute.POST, "POST", "/subjects/x", {}, { key: secret }),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 404, 405]);
      answers.forEach((answer, i) => {
        expect(answer.headers.get("ratelimit-policy")).toBe(`"key";q=${limits.apiKey.max};w=${limits.apiKey.windowSeconds}`);
        const [, left, reset] = /^"key";r=(\d+);t=(\d+)$/.exec(answer.headers.get("ratelimit") ?? "") ?? [];
        expect(Number(left)).toBe(limits.apiKey.max - 1 - i);
        expect(Number(reset)).toBeGreaterThanOrEqual(1);
        expect(Number(reset)).toBeLessThanOrEqual(limits.apiKey.windowSeconds);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("an answer without a valid key names the address policy", async () => {
    const answer = await listRequests({ key: "inz_not-a-key", headers: { "x-forwarded-for": "192.0.2.77" } });
    expect(answer.status).toBe(401);
    const max = limits.apiUnauthorizedPerIp.max * Number(process.env.RATE_LIMIT_IP_FACTOR ?? 1);
    expect(answer.headers.get("ratelimit-policy")).toBe(`"address";q=${max};w=${limits.apiUnauthorizedPerIp.windowSeconds}`);
    expect(answer.headers.get("ratelimit")).toMatch(new RegExp(`^"address";r=${max - 1};t=\\d+$`));
  });
});

describe("Idempotency-Key", () => {
  const recordCount = (tenantId: string, email: string) =>
    withTenant(tenantId, (tx) => tx.subjectRecord.count({ where: { tenantId, subject: { email } } }));

  it("gives the same answer to the same key and body, and stores the records once", async () => {
    await put("idem@example.com", { name: "Idem" });
    const headers = { "idempotency-key": '"3f1c2a9e-idem-1"' };
    const first = await postRecords("idem@example.com", { records: [record(1), record(2)] }, { headers });
    const again = await postRecords("idem@example.com", { records: [record(1), record(2)] }, { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await recordCount(inone.id, "idem@example.com")).toBe(2);
    // Without a key, the same body is stored again.
    await postRecords("idem@example.com", { records: [record(1), record(2)] });
    expect(await recordCount(inone.id, "idem@example.com")).toBe(4);
  });

  it("replays a PUT's 201 rather than answering 200 the second time", async () => {
    const headers = { "idempotency-key": "put-once-1" };
    const first = await put("idem-put@example.com", { name: "Once" }, { headers });
    const again = await put("idem-put@example.com", { name: "Once" }, { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json).toEqual(first.json);
  });

  it("refuses the same key with another body (422), keeps nothing after an error, and is per tenant", async () => {
    await put("idem-other@example.com", { name: "Other" });
    const headers = { "idempotency-key": "reused-key-1" };
    expect((await postRecords("idem-other@example.com", { records: [record(1)] }, { headers })).status).toBe(201);
    const reused = await postRecords("idem-other@example.com", { records: [record(9)] }, { headers });
    expect(reused.status).toBe(422);
    expect(reused.json).toMatchObject({ code: "idempotency_key_reused" });
    expectDocumented("Error", reused.json);
    expect(await recordCount(inone.id, "idem-other@example.com")).toBe(1);

    // An error answer keeps nothing: the key can carry the corrected request.
    const errorKey = { "idempotency-key": "after-error-1" };
    expect((await postRecords("idem-other@example.com", { records: [{ category: "" }] }, { headers: errorKey })).status).toBe(400);
    expect((await postRecords("idem-other@example.com", { records: [record(3)] }, { headers: errorKey })).status).toBe(201);

    // Another tenant's key of the same name is its own.
    await put("idem-other@example.com", { name: "At B" }, { key: keyB });
    expect((await postRecords("idem-other@example.com", { records: [record(1)] }, { key: keyB, headers })).headers.get("idempotent-replayed")).toBeNull();
    expect(await recordCount(other.id, "idem-other@example.com")).toBe(1);
  });

  it("refuses a key that is not 1 to 255 visible characters", async () => {
    const answer = await postRecords("idem@example.com", { records: [record(1)] }, { headers: { "idempotency-key": "x".repeat(256) } });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe("invalid_idempotency_key");
  });
});

describe("problems (RFC 9457)", () => {
  it("answers errors as application/problem+json with type, title, status, detail and code, and the error member as before", async () => {
    const answer = await get("nobody-here@example.com");
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.json).toEqual({
      type: "urn:inzage:problem:subject_not_found",
      title: "Not Found",
      status: 404,
      detail: answer.json.error.message,
      code: "subject_not_found",
      error: { code: "subject_not_found", message: expect.any(String) },
    });
    expectDocumented("Error", answer.json);
    const unauthorized = await get("nobody-here@example.com", { key: null });
    expect(unauthorized.headers.get("content-type")).toBe("application/problem+json");
    expect(unauthorized.json).toMatchObject({ status: 401, title: "Unauthorized", code: "unauthorized" });
  });

  it("answers a method an address does not serve with 405 and Allow", async () => {
    const cases = [
      { handler: subjectRoute.POST, allow: "GET, HEAD, OPTIONS, PUT" },
      { handler: subjectRoute.DELETE, allow: "GET, HEAD, OPTIONS, PUT" },
      { handler: recordsRoute.PUT, allow: "GET, HEAD, OPTIONS, POST" },
      { handler: requestsRoute.POST, allow: "GET, HEAD, OPTIONS" },
      { handler: consentsRoute.GET, allow: "OPTIONS, POST" },
    ];
    for (const { handler, allow } of cases) {
      const answer = await call(handler, "POST", "/anything", {}, { key: keyA });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe(allow);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.json).toMatchObject({ status: 405, code: "method_not_allowed" });
      expectDocumented("Error", answer.json);
    }
  });
});

describe("scoping", () => {
  it("a key of another tenant gets 404 for this tenant's subject, the same as for an unknown address, and changes nothing", async () => {
    await put("shared@example.com", { name: "Only at inONE" });
    await postRecords("shared@example.com", { records: [record(1)] });
    const subject = (await subjectAt(inone.id, "shared@example.com"))!;
    const before = await withTenant(inone.id, (tx) => tx.subjectRecord.count({ where: { tenantId: inone.id, subjectId: subject.id } }));

    const foreign = await get("shared@example.com", { key: keyB });
    const unknown = await get("never-anywhere@example.com", { key: keyB });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(unknown.text);
    expect((await getRecords("shared@example.com", { key: keyB })).status).toBe(404);
    expect((await postRecords("shared@example.com", { records: [record(2)] }, { key: keyB })).status).toBe(404);

    // A PUT with the other tenant's key makes that tenant's own subject; inONE's stays as it was.
    const elsewhere = await put("shared@example.com", { name: "At the other tenant" }, { key: keyB });
    expect(elsewhere.status).toBe(201);
    const after = (await subjectAt(inone.id, "shared@example.com"))!;
    expect(after.name).toBe("Only at inONE");
    expect(after.updatedAt).toEqual(subject.updatedAt);
    expect(await withTenant(inone.id, (tx) => tx.subjectRecord.count({ where: { tenantId: inone.id, subjectId: subject.id } }))).toBe(before);
    expect((await subjectAt(other.id, "shared@example.com"))?.name).toBe("At the other tenant");
    const otherView = await get("shared@example.com", { key: keyB });
    expect(otherView.json.records.items).toEqual([]);
  });
});

describe("GET /api/v1/requests", () => {
  it("lists only the key's tenant's requests, by status, in pages", async () => {
    const make = (tenant: Tenant, reference: string, status: "RECEIVED" | "COMPLETED") =>
      withTenant(tenant.id, (tx) =>
        tx.dataRequest.create({
          data: { tenantId: tenant.id, reference, type: "ERASURE", status, requesterEmail: `${reference}@example.com`, requesterEmailHash: "h", locale: "nl", channel: "portal" },
        }),
      );
    await make(inone, "R-LIST-0001", "RECEIVED");
    await make(inone, "R-LIST-0002", "COMPLETED");
    await make(other, "R-LIST-9999", "RECEIVED");

    const all = await listRequests();
    expect(all.status).toBe(200);
    expectDocumented("RequestsPage", all.json);
    const references = all.json.items.map((r: { reference: string }) => r.reference);
    expect(references).toEqual(expect.arrayContaining(["R-LIST-0001", "R-LIST-0002"]));
    expect(references).not.toContain("R-LIST-9999");
    expect(Object.keys(all.json.items[0]).sort()).toEqual(
      ["closedAt", "createdAt", "dueAt", "extendedDueAt", "receivedAt", "reference", "requesterEmail", "status", "target", "type"],
    );
    expect(all.json.items.find((r: { reference: string }) => r.reference === "R-LIST-0001")).toMatchObject({
      type: "ERASURE",
      status: "RECEIVED",
      requesterEmail: "R-LIST-0001@example.com",
      dueAt: null,
    });

    const received = await listRequests({ query: "?status=RECEIVED" });
    expect(received.json.items.every((r: { status: string }) => r.status === "RECEIVED")).toBe(true);
    const both = await listRequests({ query: "?status=RECEIVED&status=COMPLETED" });
    const expected = all.json.items.filter((r: { status: string }) => r.status === "RECEIVED" || r.status === "COMPLETED");
    expect(both.json.items).toEqual(expected);
    const commas = await listRequests({ query: "?status=RECEIVED,COMPLETED" });
    expect(commas.json.items).toEqual(expected);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listRequests>> = await listRequests({ query: `?limit=1${cursor ? `&cursor=${cursor}` : ""}` });
      pages.push(...page.json.items.map((r: { reference: string }) => r.reference));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(pages).toEqual(references);

    const bad = await listRequests({ query: "?status=DONE" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_query");
    expect(bad.json.error.issues[0].path).toBe("status.0");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a key used up its requests", async () => {
    const { key, secret } = await createApiKey(inone.id, "Busy");
    // The limit counts per fixed window: hold the clock so the hits and the request share one.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    let answer: Awaited<ReturnType<typeof get>>;
    try {
      for (let i = 0; i < limits.apiKey.max; i++) await hit(limits.apiKey, key.id);
      answer = await get("anyone@example.com", { key: secret });
    } finally {
      vi.useRealTimers();
    }
    expect(answer.status).toBe(429);
    expect(answer.json.error.code).toBe("rate_limited");
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answer.headers.get("ratelimit")).toBe(`"key";r=0;t=${answer.headers.get("retry-after")}`);
    expectDocumented("Error", answer.json);
    expect((await get("anyone@example.com")).status).toBe(404); // other keys are not affected
  });

  it("answers 429 to an address that keeps calling without a valid key, and only to that address", async () => {
    const from = (address: string) => ({ "x-forwarded-for": address });
    const max = limits.apiUnauthorizedPerIp.max * Number(process.env.RATE_LIMIT_IP_FACTOR ?? 1);
    expect(max).toBeLessThan(40);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof get>>;
    try {
      for (let i = 0; i < 40; i++) {
        last = await listRequests({ key: `inz_guess${i}`, headers: from("192.0.2.41") });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, max)).toEqual(Array(max).fill(401));
      expect(statuses.slice(max)).toEqual(Array(40 - max).fill(429));
      expect(last!.json.error.code).toBe("rate_limited");
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expectDocumented("Error", last!.json);
      // Another address is still told its key is wrong; a valid key from the same address still works.
      expect((await listRequests({ key: "inz_wrong", headers: from("192.0.2.42") })).status).toBe(401);
      expect((await listRequests({ headers: from("192.0.2.41") })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("unexpected errors", () => {
  it("become a JSON 500 without details", async () => {
    const failing = apiRoute(async () => {
      throw new Error("database password is hunter2");
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const answer = await call(failing, "GET", "/anything", {}, { key: keyA });
      expect(answer.status).toBe(500);
      expect(answer.json.error.code).toBe("internal_error");
      expect(answer.text).not.toContain("hunter2");
      expect(answer.text).not.toContain("at ");
    } finally {
      console.error = original;
    }
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { disconnect, rawSql } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";

/**
 * Migration 20261203010000 links webhook deliveries written before it to their person and
 * request, so that an erasure finds them by id. Built step by step on its own embedded
 * database (the PostgreSQL project skips it: the SQL is the same).
 */
const linking = "20261203010000_erasure_by_identity";

afterAll(async () => {
  await disconnect();
});

describe.skipIf(process.env.TEST_DB === "postgres")("migration 20261203010000", () => {
  it("links deliveries written before it to their subject and request", async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = "memory://";
    const all = await readMigrations();
    const at = all.findIndex((m) => m.name === linking);
    expect(at).toBeGreaterThan(0);
    const raw = await rawSql();
    await migrate(raw, all.slice(0, at));
    await raw.query(`INSERT INTO "Tenant" ("id", "slug", "name", "legalName", "address", "country", "contactEmail", "updatedAt") VALUES ('t1', 't1', 'T', 'T BV', 'Straat 1', 'NL', 'info@t.example', now())`);
    await raw.query(`INSERT INTO "WebhookEndpoint" ("id", "tenantId", "url", "secret", "events") VALUES ('e1', 't1', 'https://hooks.example.com', 's', ARRAY['request.created'])`);
    await raw.query(`INSERT INTO "Subject" ("id", "tenantId", "email", "updatedAt") VALUES ('subject-2', 't1', 'b@example.org', now())`);
    await raw.query(
      `INSERT INTO "DataRequest" ("id", "tenantId", "reference", "subjectId", "type", "status", "requesterEmailHash", "locale", "channel", "updatedAt")
       VALUES ('r1', 't1', 'REF-1', NULL, 'ACCESS', 'RECEIVED', 'h', 'nl', 'web', now()), ('r2', 't1', 'REF-2', 'subject-2', 'ERASURE', 'RECEIVED', 'h2', 'nl', 'portal', now())`,
    );
    const delivery = (id: string, data: object) =>
      raw.query(`INSERT INTO "WebhookDelivery" ("id", "tenantId", "endpointId", "eventId", "eventType", "payload") VALUES ($1, 't1', 'e1', $1, 'x', $2::jsonb)`, [id, JSON.stringify({ id, data })]);
    await delivery("public", { reference: "REF-1", subjectId: null, requesterEmail: "a@example.org" });
    await delivery("portal", { reference: "REF-2", from: "staff" });
    await delivery("consent", { subjectId: "subject-3", purposeKey: "newsletter" });
    await delivery("unknown", { reference: "REF-404" });
    await migrate(raw, all.slice(0, at + 1));
    const rows = await raw.query<{ id: string; subjectId: string | null; requestId: string | null }>(`SELECT "id", "subjectId", "requestId" FROM "WebhookDelivery" ORDER BY "id"`);
    expect(rows).toEqual([
      { id: "consent", subjectId: "subject-3", requestId: null },
      { id: "portal", subjectId: "subject-2", requestId: "r2" },
      { id: "public", subjectId: null, requestId: "r1" },
      { id: "unknown", subjectId: null, requestId: null },
    ]);
    // Row-level security is forced again afterwards.
    const [forced] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('WebhookDelivery', 'DataRequest') AND relforcerowsecurity`);
    expect(forced.n).toBe(2);
    await raw.close();
  });
});

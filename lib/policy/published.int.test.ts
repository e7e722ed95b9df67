import { beforeAll, describe, expect, it } from "vitest";
import { rawSql } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant-db";
import { publishedStatement, publishedHistory, forgetPublished } from "@/lib/policy/published";
import { publicStatementSchema } from "@/lib/policy/public-statement";
import { emptyContent } from "@/lib/policy/draft";
import { createDraft, publishDraft } from "@/lib/policy/versions";
import { readVersionContent } from "@/lib/policy/store";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

useTestDatabase();

async function tenant(slug: string) {
  return platformDb().tenant.findUniqueOrThrow({ where: { slug } });
}

describe("demo seed and published statements", () => {
  beforeAll(async () => {
    await seedDemoTenants(demoTenants);
  });

  it("seeding twice changes nothing", async () => {
    const client = platformDb();
    const before = await client.policyVersion.count();
    const again = await seedDemoTenants(demoTenants);
    expect(again.created).toEqual([]);
    expect(again.existing).toHaveLength(demoTenants.length);
    expect(await client.policyVersion.count()).toBe(before);
    expect(await client.tenant.count()).toBe(demoTenants.length);
  });

  it("stores the content as it was given and reads it back", async () => {
    const inone = await tenant("inone");
    const demo = demoTenants.find((d) => d.tenant.slug === "inone")!;
    const content = await withTenant(inone.id, async (tx) => {
      const latest = await tx.policyVersion.findFirstOrThrow({ where: { tenantId: inone.id, number: 2 } });
      return readVersionContent(tx, inone.id, latest.id);
    });
    const withoutUids = JSON.parse(JSON.stringify(content, (key, value) => (key === "uid" ? undefined : value)));
    expect(withoutUids).toEqual(demo.versions[1].content);
    expect(content.purposes.every((p) => typeof p.uid === "string" && p.uid.length > 0)).toBe(true);
  });

  it("serves the newest published version in both locales, in the documented shape", async () => {
    const web1on1 = await tenant("web1on1");
    for (const locale of ["nl", "en"] as const) {
      const statement = await publishedStatement(web1on1, locale);
      expect(publicStatementSchema.parse(statement)).toEqual(statement);
      expect(statement!.version).toMatchObject({ number: 2, latestNumber: 2, superseded: false });
      expect(statement!.locale).toBe(locale);
    }
    const en = await publishedStatement(web1on1, "en");
    expect(en!.cookies.map((c) => c.name)).toContain("hubspotutk");
    const old = await publishedStatement(web1on1, "nl", 1);
    expect(old!.version).toMatchObject({ number: 1, superseded: true });
    expect(await publishedStatement(web1on1, "nl", 3)).toBeNull();
  });

  it("keeps what a version declares and where each category comes from", async () => {
    const superoffice = await tenant("superoffice");
    const statement = await publishedStatement(superoffice, "en");
    expect(statement!.declarations).toMatchObject({ cookies: "NOT_STATED", recipients: "NOT_STATED", dpo: "APPOINTED", announcesChanges: true });
    expect(statement!.leadAuthority).toBeNull();
    expect(statement!.dataCategories.find((c) => c.key === "contact")).toMatchObject({ origin: "BOTH", publiclyAccessible: true });
  });

  it("lists versions newest first", async () => {
    const history = await publishedHistory(await tenant("superoffice"));
    expect(history.map((v) => v.number)).toEqual([2, 1]);
  });

  it("shows a new publish at once", async () => {
    const inqonto = await tenant("inqonto");
    expect((await publishedStatement(inqonto, "en"))!.version.number).toBe(2);
    await withTenant(inqonto.id, async (tx) => {
      const current = await tx.policyVersion.findFirstOrThrow({ where: { tenantId: inqonto.id, number: 2 } });
      const content = await readVersionContent(tx, inqonto.id, current.id);
      await createDraft(tx, inqonto.id, { ...content, cookies: [] });
      await publishDraft(tx, inqonto, { changeSummary: { nl: "Geen cookies meer", en: "No more cookies" }, materialChange: true, gaps: [] });
    });
    forgetPublished(inqonto.id);
    const statement = await publishedStatement(inqonto, "en");
    expect(statement!.version.number).toBe(3);
    expect(statement!.cookies).toEqual([]);
    expect((await publishedStatement(inqonto, "en", 2))!.version.superseded).toBe(true);
  });
});

describe("published versions never change", () => {
  it("the database refuses updates and deletes of a published version and its rows", async () => {
    const raw = await rawSql();
    const web1on1 = await tenant("web1on1");
    const [version] = await raw.query<{ id: string }>(
      `SELECT id FROM "PolicyVersion" WHERE "tenantId" = $1 AND number = 2`,
      [web1on1.id],
    );
    const [{ count }] = await raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Cookie" WHERE "versionId" = $1`, [version.id]);
    expect(count).toBeGreaterThan(0);
    await expect(raw.query(`UPDATE "PolicyVersion" SET "materialChange" = NOT "materialChange" WHERE id = $1`, [version.id])).rejects.toThrow(/cannot be changed/);
    await expect(raw.query(`DELETE FROM "PolicyVersion" WHERE id = $1`, [version.id])).rejects.toThrow(/cannot be changed/);
    await expect(raw.query(`UPDATE "Purpose" SET "legalBasis" = 'CONSENT' WHERE "versionId" = $1`, [version.id])).rejects.toThrow(/cannot be changed/);
    // What the version declares is part of it: "no cookies" cannot be added afterwards.
    await expect(
      raw.query(`UPDATE "PolicyVersion" SET declarations = '{"noCookies": true}' WHERE id = $1`, [version.id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(raw.query(`UPDATE "DataCategory" SET origin = 'SUBJECT' WHERE "versionId" = $1`, [version.id])).rejects.toThrow(/cannot be changed/);
    await expect(raw.query(`DELETE FROM "Cookie" WHERE "versionId" = $1`, [version.id])).rejects.toThrow(/cannot be changed/);
    await expect(
      raw.query(
        `INSERT INTO "PolicySection" (id, "tenantId", "versionId", position, placement, title, body) VALUES ('x', $1, $2, 99, 'END', '{}', '{}')`,
        [web1on1.id, version.id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await raw.close();
  });

  it("a tenant has at most one draft", async () => {
    const allatonce = await tenant("allatonce");
    const empty = emptyContent();
    await withTenant(allatonce.id, (tx) => createDraft(tx, allatonce.id, empty));
    await expect(withTenant(allatonce.id, (tx) => createDraft(tx, allatonce.id, empty))).rejects.toThrow();
  });
});

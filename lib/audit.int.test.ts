import { beforeAll, describe, expect, it } from "vitest";
import { auditCsv, auditPage, csvField } from "@/lib/audit-log";
import { recordAudit } from "@/lib/audit";
import { rawSql } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";

useTestDatabase();

let tenantId = "";
let otherTenantId = "";

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 2));
  const tenants = await platformDb().tenant.findMany({ orderBy: { slug: "asc" } });
  [tenantId, otherTenantId] = tenants.map((t) => t.id);
  for (let i = 0; i < 60; i++) {
    await withTenant(tenantId, (tx) =>
      recordAudit(tx, tenantId, { actorType: "user", actorLabel: i % 2 ? "ann@example.com" : "bob@example.com", action: i % 3 ? "team.role_changed" : "webhook.created", ip: "192.0.2.1" }),
    );
  }
  await withTenant(otherTenantId, (tx) => recordAudit(tx, otherTenantId, { actorType: "user", actorLabel: "eve@other.example", action: "team.invited" }));
});

describe("the audit log", () => {
  it("refuses updates, deletes and truncation in the database", async () => {
    const raw = await rawSql();
    await expect(raw.query(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    const [{ count }] = await raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEvent"`);
    expect(count).toBeGreaterThanOrEqual(61);
    await raw.close();
  });

  it("lets only an erased person's own IP address be blanked, and nothing else change", async () => {
    const subject = await platformDb().subject.create({ data: { tenantId, email: "ip.owner@example.org" } });
    const entry = (actorType: string, actorId: string) =>
      withTenant(tenantId, (tx) => tx.auditEvent.create({ data: { tenantId, actorType, actorId, actorLabel: "portal", action: "subject.export", subjectId: subject.id, ip: "203.0.113.5" } }));
    const own = await entry("subject", subject.id);
    const staffs = await entry("user", "some-user");
    const raw = await rawSql();
    const blank = (id: string) => raw.query(`UPDATE "AuditEvent" SET "ip" = NULL WHERE "id" = $1`, [id]);
    // While the person exists, their entries are as append-only as any.
    await expect(blank(own.id)).rejects.toThrow(/append-only/);
    await platformDb().subject.delete({ where: { id: subject.id } });
    // Once they are erased: only the IP address of their own entries, only to NULL, nothing else with it.
    await expect(raw.query(`UPDATE "AuditEvent" SET "ip" = NULL, "action" = 'other' WHERE "id" = $1`, [own.id])).rejects.toThrow(/append-only/);
    await expect(raw.query(`UPDATE "AuditEvent" SET "ip" = '192.0.2.99' WHERE "id" = $1`, [own.id])).rejects.toThrow(/append-only/);
    await expect(blank(staffs.id)).rejects.toThrow(/append-only/);
    await expect(raw.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [own.id])).rejects.toThrow(/append-only/);
    await blank(own.id);
    await raw.close();
    expect(await platformDb().auditEvent.findUniqueOrThrow({ where: { id: own.id } })).toEqual({ ...own, ip: null });
    expect(await platformDb().auditEvent.findUniqueOrThrow({ where: { id: staffs.id } })).toEqual(staffs);
  });

  it("pages newest first, filters, and never shows another tenant's rows", async () => {
    const first = await auditPage(tenantId, {});
    expect(first.rows).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await auditPage(tenantId, {}, first.next!);
    expect(second.rows.length).toBeGreaterThan(0);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(first.rows.length + second.rows.length);
    const all = [...first.rows, ...second.rows];
    expect(all.every((r) => r.tenantId === tenantId)).toBe(true);
    expect(all.map((r) => r.at.getTime())).toEqual([...all.map((r) => r.at.getTime())].sort((a, b) => b - a));
    const webhooks = await auditPage(tenantId, { action: "webhook" });
    expect(webhooks.rows.length).toBe(20);
    const ann = await auditPage(tenantId, { actor: "ANN@" });
    expect(ann.rows.every((r) => r.actorLabel === "ann@example.com")).toBe(true);
  });

  it("exports every matching row as CSV", async () => {
    let csv = "";
    for await (const line of auditCsv(tenantId, { action: "team" })) csv += line;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("time,actor_type,actor,action,target_type,target_id,subject_id,ip,details");
    expect(lines).toHaveLength(41);
    expect(csv).not.toContain("eve@other.example");
  });
});

describe("csvField", () => {
  it("quotes and neutralises spreadsheet formulas", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(null)).toBe("");
  });
});

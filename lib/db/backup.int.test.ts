import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { rawSql } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { BackupError, restoreBackup, writeBackup } from "./backup";

useTestDatabase();

async function backupBytes(): Promise<Buffer> {
  const raw = await rawSql();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on("end", resolve));
  await writeBackup(raw, sink);
  await ended;
  await raw.close();
  return Buffer.concat(chunks);
}

async function restore(bytes: Buffer) {
  const raw = await rawSql();
  try {
    return await restoreBackup(raw, Readable.from([bytes]));
  } finally {
    await raw.close();
  }
}

describe("backup and restore", () => {
  it("restores the data as it was, including append-only tables", async () => {
    // inONE, and Web1on1, whose statement bases a purpose on consent (consent purposes and events to restore).
    await seedDemoTenants([demoTenants[0], demoTenants[3]]);
    const inone = await platformDb().tenant.findFirstOrThrow({ where: { slug: demoTenants[0].tenant.slug } });
    const web1on1 = await platformDb().tenant.findFirstOrThrow({ where: { slug: demoTenants[3].tenant.slug } });
    const before = {
      tenants: await platformDb().tenant.findMany({ orderBy: { id: "asc" } }),
      sections: await platformDb().policySection.count(),
      consents: await platformDb().consentEvent.count(),
    };
    const bytes = await backupBytes();
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    await withTenant(inone.id, (tx) => tx.tenant.update({ where: { id: inone.id }, data: { name: "Changed after the backup" } }));
    await withTenant(web1on1.id, (tx) => tx.consentPurpose.deleteMany({ where: { tenantId: web1on1.id } }));
    await seedDemoTenants(demoTenants.slice(2, 3));

    const result = await restore(bytes);
    expect(result.rows).toBeGreaterThan(100);
    expect(await platformDb().tenant.findMany({ orderBy: { id: "asc" } })).toEqual(before.tenants);
    expect(await platformDb().policySection.count()).toBe(before.sections);
    expect(await platformDb().consentEvent.count()).toBe(before.consents);
    expect(before.consents).toBeGreaterThan(0);
    expect(await platformDb().consentPurpose.count({ where: { tenantId: web1on1.id } })).toBeGreaterThan(0);
    expect(await platformDb().consentPurposeVersion.count({ where: { tenantId: web1on1.id } })).toBeGreaterThan(0);
  });

  it("refuses a file that is not a backup and changes nothing", async () => {
    const tenants = await platformDb().tenant.count();
    const { gzipSync } = await import("node:zlib");
    await expect(restore(gzipSync('{"hello":"world"}\n'))).rejects.toThrow(BackupError);
    expect(await platformDb().tenant.count()).toBe(tenants);
  });
});

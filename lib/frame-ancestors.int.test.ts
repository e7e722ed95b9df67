import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { rawSql } from "@/lib/db/client";
import { forgetTenant } from "@/lib/tenants";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import proxy from "@/proxy";
import { useTestDatabase } from "@/test/database";

useTestDatabase();

/**
 * A tenant's statement may be framed by the sites it lists, on every response of its
 * statement pages: also those proxy.ts does not serve from the page cache (another
 * Host, HEAD, history and older versions). Entries stored before origins were checked
 * strictly are left out.
 */
beforeAll(async () => {
  delete process.env.PLATFORM_HOST;
  await seedDemoTenants(demoTenants.slice(0, 2));
  const raw = await rawSql();
  await raw.query(`UPDATE "Tenant" SET "embedOrigins" = $1 WHERE slug = 'inone'`, [
    ["https://www.inone.example", "https://help.inone.example;script-src", "https://x.example,https://y.example", "https://z.example/path"],
  ]);
  await raw.close();
  forgetTenant("inone");
});

async function policyOf(method: string, url: string, host: string): Promise<string> {
  const response = await proxy(new NextRequest(url, { method, headers: { host } }));
  return response.headers.get("content-security-policy") ?? "";
}

describe("frame-ancestors of a tenant's statement", () => {
  it.each([
    ["GET", "http://127.0.0.1:3000/nl/t/inone", "127.0.0.1:3000"],
    ["GET", "http://127.0.0.1:3000/en/t/inone/history", "127.0.0.1:3000"],
    ["GET", "http://127.0.0.1:3000/nl/t/inone/v/1", "127.0.0.1:3000"],
    ["HEAD", "http://localhost:3000/nl/t/inone", "localhost:3000"],
    ["HEAD", "http://inone.localhost:3000/en/history", "inone.localhost:3000"],
  ])("%s %s (Host %s, not from the page cache) names the tenant's origins only", async (method, url, host) => {
    const policy = await policyOf(method, url, host);
    expect(policy).toMatch(/frame-ancestors https:\/\/www\.inone\.example(;|$)/);
    expect(policy).not.toMatch(/help\.inone|x\.example|z\.example/);
    expect(policy.split(";").filter((directive) => directive.trim().startsWith("script-src"))).toHaveLength(1);
  });

  it("is 'none' for the tenant's other pages and for a tenant that lists no sites", async () => {
    expect(await policyOf("GET", "http://localhost:3000/nl/t/inone/portal", "localhost:3000")).toContain("frame-ancestors 'none'");
    expect(await policyOf("HEAD", "http://localhost:3000/nl/t/allatonce", "localhost:3000")).toContain("frame-ancestors 'none'");
  });
});

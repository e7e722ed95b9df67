import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The Prisma client from lib/db/client.ts acts as inzage_app outside any transaction, so
 * tenant-owned tables read through it come back empty. Code may use it directly only
 * for the installation's own tables; this test keeps that list short and reviewable.
 */
const platformTables = ["user", "session", "verificationToken", "platformSetting", "outboxMail", "rateLimitCounter"];
const allowed = new Set([
  "app/[locale]/dev/outbox/page.tsx",
  "lib/auth/adapter.ts",
  "lib/auth/sign-in-mail.ts",
  "lib/auth/sign-in.ts",
  "lib/mail/send.ts",
  "lib/platform-settings.ts",
  "lib/rate-limit.ts",
  // Opens the connection only; its data goes through withTenant and withPlatform.
  "scripts/bench/export.ts",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

describe("direct use of the Prisma client", () => {
  const files = ["app", "lib", "scripts", "prisma", "components"].flatMap(sourceFiles).filter((f) => !f.startsWith("lib/db/"));
  const direct = files.filter((file) => /\bawait db\(\)|=\s*db\(\)/.test(readFileSync(file, "utf8")));

  it("happens only in the files that work on the installation's own tables", () => {
    expect(direct.filter((file) => !allowed.has(file))).toEqual([]);
  });

  it("those files touch only the installation's own tables through it", () => {
    for (const file of direct) {
      const models = [...readFileSync(file, "utf8").matchAll(/(?:await db\(\)\)|client)\.(\w+)\./g)].map((m) => m[1]);
      expect(models.filter((m) => !platformTables.includes(m) && !m.startsWith("$")), file).toEqual([]);
    }
  });
});

describe("the platform's database client", () => {
  it("is used by withPlatform alone", () => {
    const files = ["app", "lib", "scripts", "prisma", "components", "test"].flatMap(sourceFiles);
    const users = files.filter((file) => file !== "lib/db/client.ts" && /\bplatformDbClient\b/.test(readFileSync(file, "utf8")));
    expect(users).toEqual(["lib/db/tenant-db.ts"]);
  });
});

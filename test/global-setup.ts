import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { dropDatabasesStartingWith, pgliteTemplate, postgresTemplate } from "./db-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** test/database.ts: what each test file copies its database from. */
    testDatabase: { kind: "pglite"; template: string } | { kind: "postgres"; template: string; prefix: string };
  }
}

/**
 * Once per run of the pglite or postgres project: builds (or finds) the migrated template
 * that test/database.ts copies for each file, and afterwards drops any copy a crashed
 * file left behind.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const adminUrl = project.config.env.TEST_DATABASE_ADMIN_URL;
  if (project.config.env.TEST_DB !== "postgres") {
    project.provide("testDatabase", { kind: "pglite", template: await pgliteTemplate() });
    return;
  }
  if (!adminUrl) throw new Error("The postgres project needs TEST_DATABASE_ADMIN_URL (vitest.config.ts)");
  // Each run's copies share a prefix: inzage_test_<run>_<file>.
  const prefix = `inzage_test_${randomBytes(3).toString("hex")}_`;
  project.provide("testDatabase", { kind: "postgres", template: await postgresTemplate(adminUrl), prefix });
  return () => dropDatabasesStartingWith(adminUrl, prefix);
}

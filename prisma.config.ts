import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The CLI is used for `generate` and `migrate diff` only; migrations are applied by
// scripts/db-migrate.ts, which works on PGlite and PostgreSQL alike.
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
});

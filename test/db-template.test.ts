import { describe, expect, it } from "vitest";
import type { Migration } from "@/lib/db/migrate";
import { templateHash } from "./db-template";

const migrations: Migration[] = [
  { name: "20260101000000_a", sql: "CREATE TABLE a (id int);", checksum: "aaa" },
  { name: "20260102000000_b", sql: "CREATE TABLE b (id int);", checksum: "bbb" },
];

describe("the test database template's name", () => {
  it("is the same for the same migrations", () => {
    expect(templateHash(migrations)).toBe(templateHash(migrations.map((m) => ({ ...m }))));
    expect(templateHash(migrations)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("changes with a new migration, a changed one, a renamed one or another PGlite version", () => {
    const names = new Set([
      templateHash(migrations),
      templateHash([...migrations, { name: "20260103000000_c", sql: "", checksum: "ccc" }]),
      templateHash([migrations[0], { ...migrations[1], checksum: "changed" }]),
      templateHash([migrations[0], { ...migrations[1], name: "20260102000000_renamed" }]),
      templateHash(migrations, "pglite 0.5.16"),
      templateHash(migrations, "pglite 0.5.17"),
    ]);
    expect(names.size).toBe(6);
  });
});

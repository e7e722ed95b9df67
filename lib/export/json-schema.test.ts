import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportJsonSchema } from "./json-schema";

describe("docs/export.schema.json", () => {
  it("matches the schema of data.json (regenerate with npx tsx scripts/write-schemas.ts)", () => {
    const committed = JSON.parse(readFileSync("docs/export.schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(exportJsonSchema())));
  });
});

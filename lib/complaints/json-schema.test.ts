import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dossierJsonSchema } from "./json-schema";

describe("docs/complaint-dossier.schema.json", () => {
  it("matches the schema the API serves (regenerate with npx tsx scripts/write-schemas.ts)", () => {
    const committed = JSON.parse(readFileSync("docs/complaint-dossier.schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(dossierJsonSchema())));
  });
});

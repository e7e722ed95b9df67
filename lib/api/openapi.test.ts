import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("docs/openapi.json", () => {
  it("matches the document served at /api/v1/openapi.json (regenerate with npx tsx scripts/write-schemas.ts)", () => {
    const committed = JSON.parse(readFileSync("docs/openapi.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("describes every route with its errors, and every reference resolves", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/requests", "/subjects/{email}", "/subjects/{email}/consents", "/subjects/{email}/records"]);
    const text = JSON.stringify(doc);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses)\/([A-Za-z]+)"/g)) {
      expect(doc.components[kind as "schemas" | "responses"], `${kind}/${name}`).toHaveProperty(name);
    }
    for (const item of Object.values(doc.paths)) {
      for (const method of ["get", "put", "post"] as const) {
        const operation = item[method];
        if (!operation) continue;
        expect(operation.responses).toHaveProperty("401");
        expect(operation.responses).toHaveProperty("429");
        expect(operation.responses).toHaveProperty("500");
      }
    }
  });
});

import { z } from "zod";
import { publicStatementSchema } from "./public-statement";

/** JSON Schema of /api/t/{slug}/policy; docs/policy.schema.json holds the same, checked by a test. */
export function publicStatementJsonSchema() {
  return {
    $id: "https://inzage.app/schemas/policy.json",
    title: "Inzage published privacy statement",
    ...z.toJSONSchema(publicStatementSchema),
  };
}

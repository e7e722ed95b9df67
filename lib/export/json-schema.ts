import { z } from "zod";
import { exportDocument } from "./schema";

/** JSON Schema of data.json in an export; docs/export.schema.json holds the same, checked by a test. */
export function exportJsonSchema() {
  return {
    $id: "https://inzage.app/schemas/export.json",
    title: "Inzage personal data export (data.json)",
    ...z.toJSONSchema(exportDocument),
  };
}

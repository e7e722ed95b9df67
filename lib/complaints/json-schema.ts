import { z } from "zod";
import { dossierSchema } from "./schema";

/** JSON Schema of the complaint dossier; docs/complaint-dossier.schema.json holds the same, checked by a test. */
export function dossierJsonSchema() {
  return {
    $id: "https://inzage.app/schemas/complaint-dossier.json",
    title: "Inzage complaint dossier",
    ...z.toJSONSchema(dossierSchema),
  };
}

import { writeFile } from "node:fs/promises";
import { openApiDocument } from "@/lib/api/openapi";
import { dossierJsonSchema } from "@/lib/complaints/json-schema";
import { exportJsonSchema } from "@/lib/export/json-schema";
import { publicStatementJsonSchema } from "@/lib/policy/json-schema";

/** Regenerates the JSON documents in docs/; a unit test fails when one is out of date. */
await writeFile("docs/policy.schema.json", JSON.stringify(publicStatementJsonSchema(), null, 2) + "\n");
await writeFile("docs/export.schema.json", JSON.stringify(exportJsonSchema(), null, 2) + "\n");
await writeFile("docs/complaint-dossier.schema.json", JSON.stringify(dossierJsonSchema(), null, 2) + "\n");
await writeFile("docs/openapi.json", JSON.stringify(openApiDocument(), null, 2) + "\n");

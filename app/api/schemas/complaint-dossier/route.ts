import { NextResponse } from "next/server";
import { dossierJsonSchema } from "@/lib/complaints/json-schema";

/** JSON Schema of /api/t/{slug}/portal/complain/dossier.json; docs/complaint-dossier.schema.json holds the same. */
export function GET() {
  return NextResponse.json(dossierJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}

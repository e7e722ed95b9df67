import { NextResponse } from "next/server";
import { exportJsonSchema } from "@/lib/export/json-schema";

/** JSON Schema of data.json in a personal data export; docs/export.schema.json holds the same. */
export function GET() {
  return NextResponse.json(exportJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}

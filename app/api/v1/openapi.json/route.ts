import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of /api/v1; docs/openapi.json holds the same. */
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

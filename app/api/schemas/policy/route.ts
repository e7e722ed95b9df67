import { NextResponse } from "next/server";
import { publicStatementJsonSchema } from "@/lib/policy/json-schema";

export function GET() {
  return NextResponse.json(publicStatementJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}

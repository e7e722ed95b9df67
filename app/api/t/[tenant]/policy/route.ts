import type { NextRequest } from "next/server";
import { requestedStatement } from "@/lib/policy/public-api";
import { publicJson, publicPreflight } from "@/lib/public-json";

/** The published statement as JSON; shape: docs/policy.schema.json. Readable from any origin, with an ETag. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const statement = await requestedStatement(slug, request.nextUrl.searchParams);
  if (statement instanceof Response) return statement;
  return publicJson(request, statement, {
    "Cache-Control": "public, max-age=60",
    Link: '</api/schemas/policy>; rel="describedby"',
  });
}

export function OPTIONS() {
  return publicPreflight();
}

import type { NextRequest } from "next/server";
import { requestedStatement } from "@/lib/policy/public-api";
import { statementToTilt } from "@/lib/policy/tilt";
import { publicOrigin } from "@/lib/public-origin";
import { publicJson, publicPreflight } from "@/lib/public-json";

/**
 * The published statement as a TILT document (lib/policy/tilt.ts; schema in docs/tilt/).
 * Same ?locale and ?version as /api/t/{slug}/policy; readable from any origin, with an ETag.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const statement = await requestedStatement(slug, request.nextUrl.searchParams);
  if (statement instanceof Response) return statement;
  return publicJson(request, statementToTilt(statement, publicOrigin()), { "Cache-Control": "public, max-age=60" });
}

export function OPTIONS() {
  return publicPreflight();
}

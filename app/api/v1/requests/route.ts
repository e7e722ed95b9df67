import { NextResponse } from "next/server";
import { apiRoute, readQuery } from "@/lib/api/route";
import { requestsQuery } from "@/lib/api/schemas";
import { listRequests } from "@/lib/api/subjects";

/** The tenant's data-subject requests, oldest first; ?status=RECEIVED,IN_PROGRESS&cursor=&limit=. */
export const GET = apiRoute(async ({ tenant, request, actor }) => {
  const query = readQuery(request, requestsQuery, ["status"]);
  return NextResponse.json(await listRequests(tenant, query, actor));
});

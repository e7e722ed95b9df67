import { NextResponse } from "next/server";
import { apiRoute, otherMethods, readQuery } from "@/lib/api/route";
import { requestsQuery } from "@/lib/api/schemas";
import { listRequests } from "@/lib/api/subjects";

/** The tenant's data-subject requests, oldest first; ?status=RECEIVED,IN_PROGRESS&cursor=&limit=. */
export const GET = apiRoute(async ({ tenant, request, actor }) => {
  const query = readQuery(request, requestsQuery, ["status"]);
  return NextResponse.json(await listRequests(tenant, query, actor));
});

/** 405 with Allow for the methods this address does not serve. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

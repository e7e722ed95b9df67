import { NextResponse } from "next/server";
import { apiRoute, emailFromPath, otherMethods, readJsonBody, readQuery } from "@/lib/api/route";
import { profileInput, subjectQuery } from "@/lib/api/schemas";
import { putSubject, subjectView } from "@/lib/api/subjects";

/** Everything the tenant holds on the person; records page on at /records?cursor=. See /api/v1/openapi.json. */
export const GET = apiRoute<{ email: string }>(async ({ tenant, params, request, actor }) => {
  const email = emailFromPath(params.email);
  const { recordsLimit } = readQuery(request, subjectQuery);
  return NextResponse.json(await subjectView(tenant, email, actor, recordsLimit));
});

/** Creates the subject or updates the fields sent; 201 when created, 200 otherwise. */
export const PUT = apiRoute<{ email: string }>(async ({ tenant, params, request, actor }) => {
  const email = emailFromPath(params.email);
  const input = await readJsonBody(request, profileInput, 64 * 1024);
  const result = await putSubject(tenant, email, input, actor);
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});

/** 405 with Allow for the methods this address does not serve. */
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");

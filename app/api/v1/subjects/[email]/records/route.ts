import { NextResponse } from "next/server";
import { apiRoute, emailFromPath, megabyte, otherMethods, readJsonBody, readQuery } from "@/lib/api/route";
import { recordsInput, recordsQuery } from "@/lib/api/schemas";
import { addRecords, subjectRecords } from "@/lib/api/subjects";

/** A page of the subject's records, oldest first. */
export const GET = apiRoute<{ email: string }>(async ({ tenant, params, request, actor }) => {
  const email = emailFromPath(params.email);
  const query = readQuery(request, recordsQuery);
  return NextResponse.json(await subjectRecords(tenant, email, query, actor));
});

/** Adds up to 1000 records (1 MB per request) to an existing subject. */
export const POST = apiRoute<{ email: string }>(async ({ tenant, params, request, actor }) => {
  const email = emailFromPath(params.email);
  const input = await readJsonBody(request, recordsInput, megabyte);
  return NextResponse.json(await addRecords(tenant, email, input, actor), { status: 201 });
});

/** 405 with Allow for the methods this address does not serve. */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");

import { NextResponse } from "next/server";
import { recordConsent } from "@/lib/api/consents";
import { apiRoute, emailFromPath, otherMethods, readJsonBody } from "@/lib/api/route";
import { consentInput } from "@/lib/api/schemas";

/** Records consent given or withdrawn outside the portal; appended, never changed. */
export const POST = apiRoute<{ email: string }>(async ({ tenant, params, request, actor }) => {
  const email = emailFromPath(params.email);
  const input = await readJsonBody(request, consentInput, 16 * 1024);
  return NextResponse.json(await recordConsent(tenant, email, input, actor), { status: 201 });
});

/** 405 with Allow for the methods this address does not serve. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");

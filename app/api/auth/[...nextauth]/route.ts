import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { rememberSignInLocale } from "@/lib/auth/sign-in";

export const { POST } = handlers;

export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  await rememberSignInLocale(request, response);
  return response;
}

import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { onRequestOrigin } from "@/lib/auth/public-request";
import { rememberSignInLocale } from "@/lib/auth/sign-in";

export async function POST(request: NextRequest): Promise<Response> {
  return handlers.POST(onRequestOrigin(request));
}

export async function GET(request: NextRequest): Promise<Response> {
  const seen = onRequestOrigin(request);
  const response = await handlers.GET(seen);
  await rememberSignInLocale(seen, response);
  return response;
}

import type { NextRequest } from "next/server";
import type { Locale } from "@/lib/policy/content";
import { tenantPath, tenantSlugFromHost } from "@/lib/tenant-host";

/** Back to the tenant's subscription page after a form post, on the host the visitor used. */
export function subscriptionRedirect(request: NextRequest, slug: string, locale: Locale, query: Record<string, string>): Response {
  const onTenantHost = tenantSlugFromHost(request.headers.get("host")) === slug;
  const path = tenantPath(locale, slug, "/subscription", onTenantHost);
  return new Response(null, { status: 303, headers: { Location: `${path}?${new URLSearchParams(query)}` } });
}

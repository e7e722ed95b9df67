import { type NextRequest } from "next/server";
import { z } from "zod";
import { ActionError } from "@/lib/action";
import { clientAddress } from "@/lib/client-address";
import { hit, limits, tooManyRequests } from "@/lib/rate-limit";
import { formBody } from "@/lib/safe-input";
import { requestSubscription } from "@/lib/subscriptions/subscriptions";
import { subscriptionRedirect } from "@/lib/subscriptions/redirect";
import { findTenantBySlug } from "@/lib/tenants";
import { email, locale } from "@/lib/validation";

/** The public "tell me when this changes" form posts here; works without JavaScript. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await findTenantBySlug((await params).tenant);
  if (!tenant) return new Response(null, { status: 404 });
  const ip = clientAddress(request.headers) ?? "local";
  const limited = await hit(limits.subscriptionPerIp, ip);
  if (!limited.allowed) return tooManyRequests(limited);
  const form = await formBody(request);
  if (!form) return new Response(null, { status: 400 });
  const parsed = z.object({ email, locale }).safeParse({ email: form.get("email") ?? "", locale: form.get("locale") ?? "nl" });
  const pageLocale = locale.safeParse(form.get("locale")).data ?? "nl";
  if (!parsed.success) {
    return subscriptionRedirect(request, tenant.slug, pageLocale, { status: "invalid", email: String(form.get("email") ?? "").slice(0, 254) });
  }
  try {
    await requestSubscription(tenant, parsed.data.email, parsed.data.locale);
  } catch (error) {
    if (error instanceof ActionError && error.key === "rateLimited") return subscriptionRedirect(request, tenant.slug, pageLocale, { status: "limited" });
    throw error;
  }
  return subscriptionRedirect(request, tenant.slug, pageLocale, { status: "sent" });
}

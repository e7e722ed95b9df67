import { type NextRequest } from "next/server";
import { confirmSubscription, stopSubscription } from "@/lib/subscriptions/subscriptions";
import { formBody } from "@/lib/safe-input";
import { subscriptionRedirect } from "@/lib/subscriptions/redirect";
import { findTenantBySlug } from "@/lib/tenants";
import { locale } from "@/lib/validation";

/** Confirms or ends a subscription with the token from its e-mail. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ tenant: string; action: string }> }) {
  const { tenant: slug, action } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant || (action !== "confirm" && action !== "stop")) return new Response(null, { status: 404 });
  const form = await formBody(request);
  if (!form) return new Response(null, { status: 400 });
  const token = String(form.get("token") ?? "").slice(0, 100);
  const pageLocale = locale.safeParse(form.get("locale")).data ?? "nl";
  const done = action === "confirm" ? await confirmSubscription(tenant, token) : await stopSubscription(tenant, token);
  return subscriptionRedirect(request, tenant.slug, pageLocale, { status: done ? (action === "confirm" ? "confirmed" : "stopped") : "unknown" });
}

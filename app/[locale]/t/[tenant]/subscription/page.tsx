import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { SubscribeForm } from "@/components/statement/subscribe-form";
import { translator } from "@/lib/i18n/messages";
import { subscriptionState } from "@/lib/subscriptions/subscriptions";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<{ status?: string; email?: string; token?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, tenant } = await resolveTenantPage(params);
  return { title: translator(locale)("Subscription.title", { company: tenant.name }), robots: { index: false } };
}

/** Outcome of the public subscription form, and where the links in its e-mails lead. */
export default async function SubscriptionPage({ params, searchParams }: Props) {
  const { tenant, locale, href } = await resolveTenantPage(params);
  const query = await searchParams;
  const t = translator(locale);
  const token = typeof query.token === "string" ? query.token.slice(0, 100) : null;
  const state = token ? await subscriptionState(tenant, token) : null;
  const status = typeof query.status === "string" ? query.status : null;
  const message = {
    sent: t("Subscription.sent"),
    limited: t("Subscription.limited"),
    confirmed: t("Subscription.confirmed", { company: tenant.name }),
    stopped: t("Subscription.stopped"),
    unknown: t("Subscription.unknown"),
  }[status ?? ""];
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <div className="max-w-2xl space-y-4" data-testid="subscription">
        <h1 className="text-3xl font-bold">{t("Subscription.title", { company: tenant.name })}</h1>
        {message && (
          <p role="status" className="rounded border border-line bg-gray-50 p-3" data-testid="subscription-status">
            {message}
          </p>
        )}
        {token && state === "pending" && (
          <TokenForm action={`/api/t/${tenant.slug}/subscriptions/confirm`} locale={locale} token={token} label={t("Subscription.confirm")} />
        )}
        {token && state !== null && state !== "unknown" && (
          <TokenForm action={`/api/t/${tenant.slug}/subscriptions/stop`} locale={locale} token={token} label={t("Subscription.stop")} />
        )}
        {token && state === "unknown" && <p>{t("Subscription.unknown")}</p>}
        {(status === "invalid" || (!token && !status)) && (
          <SubscribeForm slug={tenant.slug} locale={locale} email={typeof query.email === "string" ? query.email : ""} invalid={status === "invalid"} />
        )}
        <p>
          <a href={href()}>{t("NotFound.toStatement")}</a>
        </p>
      </div>
    </PageShell>
  );
}

function TokenForm({ action, locale, token, label }: { action: string; locale: string; token: string; label: string }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
        {label}
      </button>
    </form>
  );
}

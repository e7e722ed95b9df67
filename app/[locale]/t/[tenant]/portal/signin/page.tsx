import type { Metadata } from "next";
import { PortalShell } from "@/components/portal/portal-shell";
import { TokenForm } from "@/components/portal/token-form";
import { translator } from "@/lib/i18n/messages";
import { portalLinkUsable } from "@/lib/portal/sign-in";
import { resolveTenantPage } from "@/lib/tenant-page";
import { signInWithLink } from "../actions";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.linkTitle", { company: tenant.name }), robots: { index: false } };
}

/** Where the link in the sign-in mail leads: one button, which uses the link. */
export default async function PortalLinkPage({ params, searchParams }: Props) {
  const page = await resolveTenantPage(params);
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.slice(0, 200) : "";
  const usable = token ? await portalLinkUsable(tenant, token) : false;
  return (
    <PortalShell page={page} subject={null}>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t("Portal.linkTitle", { company: tenant.name })}</h1>
        {usable ? (
          <>
            <p>{t("Portal.linkIntro")}</p>
            <TokenForm action={signInWithLink} tenant={tenant.slug} locale={locale} token={token} label={t("Portal.linkButton")} testId="link-sign-in" />
          </>
        ) : (
          <p role="alert" data-testid="link-invalid">
            {t("Portal.linkInvalid")}
          </p>
        )}
        <p>
          <a href={href("/portal")}>{t("Portal.toSignIn")}</a>
        </p>
      </div>
    </PortalShell>
  );
}

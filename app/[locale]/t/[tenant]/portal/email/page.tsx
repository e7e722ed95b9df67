import type { Metadata } from "next";
import { PortalShell } from "@/components/portal/portal-shell";
import { TokenForm } from "@/components/portal/token-form";
import { translator } from "@/lib/i18n/messages";
import { pendingEmailFor } from "@/lib/portal/profile";
import { currentSubject } from "@/lib/portal/session";
import { resolveTenantPage } from "@/lib/tenant-page";
import { confirmEmail } from "../actions";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.email.title"), robots: { index: false } };
}

/** Where the link sent to a new e-mail address leads. */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const page = await resolveTenantPage(params);
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.slice(0, 200) : "";
  const [pending, subject] = await Promise.all([token ? pendingEmailFor(tenant, token) : null, currentSubject(tenant)]);
  return (
    <PortalShell page={page} subject={subject}>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t("Portal.email.title")}</h1>
        {pending ? (
          <>
            <p>{t("Portal.email.intro", { email: pending })}</p>
            <TokenForm
              action={confirmEmail}
              tenant={tenant.slug}
              locale={locale}
              token={token}
              label={t("Portal.email.button")}
              outcomes={{ confirmed: t("Portal.email.confirmed"), invalid: t("Portal.email.invalid"), inUse: t("Portal.email.inUse") }}
              testId="confirm-email"
            />
          </>
        ) : (
          <p role="alert">{t("Portal.email.invalid")}</p>
        )}
        <p>
          <a href={href("/portal")}>{t("Portal.nav.overview")}</a>
        </p>
      </div>
    </PortalShell>
  );
}

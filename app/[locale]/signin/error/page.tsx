import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("SignIn.errorTitle") };
}

/**
 * Where Auth.js sends a used, expired or otherwise invalid sign-in link, and a request
 * for a link that the limits refused (error=AccessDenied, lib/auth/sign-in-mail.ts).
 */
export default async function SignInErrorPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const t = translator(locale);
  const limited = (await searchParams).error === "AccessDenied";
  return (
    <PageShell locale={locale}>
      <div className="space-y-4" data-testid="signin-error">
        <h1 className="text-3xl font-bold">{t(limited ? "SignIn.limitedTitle" : "SignIn.errorTitle")}</h1>
        <p>{limited ? t("Errors.rateLimited") : t("SignIn.errorBody")}</p>
        <p>
          <a href={`/${locale}/signin`}>{t("SignIn.tryAgain")}</a>
        </p>
      </div>
    </PageShell>
  );
}

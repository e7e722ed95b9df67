import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("SignIn.title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { next } = await searchParams;
  const t = translator(locale);
  return (
    <PageShell locale={locale}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("SignIn.title")}</h1>
        <p className="max-w-2xl">{t("SignIn.intro")}</p>
        <ClientMessages namespaces={["Errors", "SignIn"]}>
          <SignInForm locale={locale} next={typeof next === "string" ? next : undefined} />
        </ClientMessages>
        <p>
          {t("SignIn.noAccount")} <a href={`/${locale}/signup`}>{t("SignIn.toSignup")}</a>
        </p>
      </div>
    </PageShell>
  );
}

import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { countryOptions } from "@/lib/geo/countries";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("SignUp.title") };
}

export default async function SignUpPage({ params }: Props) {
  const locale = await localeParam(params);
  const t = translator(locale);
  return (
    <PageShell locale={locale}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("SignUp.title")}</h1>
        <p className="max-w-2xl">{t("SignUp.intro")}</p>
        <ClientMessages namespaces={["Errors", "SignUp"]}>
          <SignUpForm locale={locale} countries={countryOptions(locale)} />
        </ClientMessages>
      </div>
    </PageShell>
  );
}

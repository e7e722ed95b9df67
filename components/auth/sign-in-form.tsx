"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestSignIn } from "@/app/[locale]/signin/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("SignIn");
  const [state, action] = useActionState(requestSignIn, idle);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <FormMessage state={state} success={t("sent")} />
      <TextField name="email" type="email" autoComplete="email" label={t("email")} state={state} required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUp } from "@/app/[locale]/signup/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

export function SignUpForm({ locale, countries }: { locale: string; countries: Array<{ value: string; label: string }> }) {
  const t = useTranslations("SignUp");
  const [state, action] = useActionState(signUp, idle);
  if (state.status === "success") {
    return (
      <div role="status" className="rounded border border-green-700 bg-green-50 p-4" data-testid="signup-done">
        <h2 className="text-xl font-semibold">{t("doneTitle")}</h2>
        <p>{t("doneBody", { email: String(state.values?.adminEmail ?? "") })}</p>
      </div>
    );
  }
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormMessage state={state} />
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t("companyLegend")}</legend>
        <TextField name="companyName" label={t("companyName")} state={state} required />
        <TextField name="slug" label={t("slug")} hint={t("slugHint")} state={state} required />
        <TextField name="legalName" label={t("legalName")} hint={t("legalNameHint")} state={state} required />
        <TextArea name="address" label={t("address")} state={state} rows={3} required />
        <SelectField name="country" label={t("country")} state={state} options={countries} defaultValue="NL" required />
        <TextField name="registrationNumber" label={t("registrationNumber")} hint={t("registrationNumberHint")} state={state} />
        <TextField name="contactEmail" type="email" label={t("contactEmail")} hint={t("contactEmailHint")} state={state} required />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t("adminLegend")}</legend>
        <TextField name="adminEmail" type="email" autoComplete="email" label={t("adminEmail")} hint={t("adminEmailHint")} state={state} required />
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

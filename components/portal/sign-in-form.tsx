"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestCode, verifyCode } from "@/app/[locale]/t/[tenant]/portal/actions";
import { FieldError, FormMessage, SubmitButton, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/**
 * Signing in to the portal: first the address, then the six-digit code from the mail.
 * The answer after the first step is the same whether or not the tenant knows the address.
 */
export function PortalSignInForm({
  tenant,
  company,
  locale,
  minutes,
  restartHref,
  requestHref,
}: {
  tenant: string;
  company: string;
  locale: string;
  minutes: number;
  restartHref: string;
  requestHref: string;
}) {
  const t = useTranslations("Portal");
  const [sent, askCode] = useActionState(requestCode, idle);
  const [checked, checkCode] = useActionState(verifyCode, idle);
  const address = (sent.result as { email?: string } | undefined)?.email ?? (typeof checked.values?.email === "string" ? checked.values.email : null);

  if (!address) {
    return (
      <form action={askCode} className="max-w-md space-y-4" noValidate data-testid="portal-email-form">
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="locale" value={locale} />
        <FormMessage state={sent} />
        <TextField name="email" type="email" autoComplete="email" label={t("emailLabel")} state={sent} required />
        <SubmitButton>{t("sendCode")}</SubmitButton>
      </form>
    );
  }

  const codeError = Boolean(checked.fieldErrors?.code);
  return (
    <div className="max-w-md space-y-4">
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="code-sent">
        {t("codeSent", { company, minutes })}
      </p>
      <form action={checkCode} className="space-y-4" noValidate data-testid="portal-code-form">
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="email" value={address} />
        {checked.formError && <FormMessage state={checked} />}
        <div>
          <label htmlFor="field-code" className="block font-medium">
            {t("codeLabel")}
          </label>
          <p id="field-code-hint" className="text-sm text-muted">
            {t("codeHint")}
          </p>
          <input
            id="field-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            defaultValue={typeof checked.values?.code === "string" ? checked.values.code : ""}
            aria-invalid={codeError}
            aria-describedby={codeError ? "field-code-error field-code-hint" : "field-code-hint"}
            className="mt-1 block w-40 rounded border border-gray-500 px-3 py-2 text-lg tracking-widest aria-[invalid=true]:border-red-700"
          />
          <FieldError state={checked} name="code" id="field-code" />
        </div>
        <SubmitButton>{t("signIn")}</SubmitButton>
      </form>
      <p>
        <a href={restartHref}>{t("otherAddress")}</a>
      </p>
      <p className="text-sm text-muted">
        {t("noCode", { company })} <a href={requestHref}>{t("requestWithoutAccount")}</a>
      </p>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addRequestInformation, withdraw } from "@/app/[locale]/t/[tenant]/portal/actions";
import { addPublicInformation, withdrawPublic } from "@/app/[locale]/t/[tenant]/request/actions";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/** Who acts on the request: the signed-in person (by reference) or the holder of the mailed link (by token). */
export type Target = { reference: string } | { token: string };

function Hidden({ tenant, locale, target }: { tenant: string; locale: string; target: Target }) {
  return (
    <>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      {"reference" in target ? <input type="hidden" name="reference" value={target.reference} /> : <input type="hidden" name="token" value={target.token} />}
    </>
  );
}

export function AddInformationForm({ tenant, locale, company, target }: { tenant: string; locale: string; company: string; target: Target }) {
  const t = useTranslations("Requests.detail");
  const [state, action] = useActionState("reference" in target ? addRequestInformation : addPublicInformation, idle);
  return (
    <form action={action} className="max-w-2xl space-y-3" noValidate data-testid="add-information">
      <Hidden tenant={tenant} locale={locale} target={target} />
      <FormMessage state={state} success={t("added")} />
      <TextArea name="body" label={t("addInfo")} hint={t("addInfoHint", { company })} state={state.status === "success" ? { ...state, values: {} } : state} required />
      <SubmitButton variant="secondary">{t("addInfoSubmit")}</SubmitButton>
    </form>
  );
}

export function WithdrawForm({ tenant, locale, target }: { tenant: string; locale: string; target: Target }) {
  const t = useTranslations("Requests.detail");
  const [state, action] = useActionState("reference" in target ? withdraw : withdrawPublic, idle);
  return (
    <form action={action} className="max-w-2xl space-y-3" noValidate data-testid="withdraw-request">
      <Hidden tenant={tenant} locale={locale} target={target} />
      <FormMessage state={state} success={t("withdrawn")} />
      <TextField name="reason" label={t("withdrawReason")} state={state} />
      <SubmitButton variant="danger">{t("withdrawSubmit")}</SubmitButton>
    </form>
  );
}

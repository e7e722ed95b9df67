"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveDetails } from "@/app/[locale]/t/[tenant]/portal/complain/actions";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

export interface DetailsFormValues {
  postalAddress: string | null;
  phone: string | null;
  outcome: string | null;
}

/**
 * The complainant's own details for the dossier (lib/complaints/details.ts), all
 * optional. The country is the one the page shows (chosen above, or preselected), sent
 * along so that the dossier names it.
 */
export function DetailsForm({
  tenant,
  locale,
  company,
  values,
  country,
  countryText,
}: {
  tenant: string;
  locale: string;
  company: string;
  values: DetailsFormValues;
  country: string | null;
  countryText: string;
}) {
  const t = useTranslations("Complaint.details");
  const [state, action] = useActionState(saveDetails, idle);
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate data-testid="complaint-details">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="country" value={country ?? ""} />
      <FormMessage state={state} success={t("saved")} />
      <TextArea name="postalAddress" label={t("postalAddress")} state={state} defaultValue={values.postalAddress} rows={3} />
      <TextField name="phone" label={t("phone")} state={state} defaultValue={values.phone} type="tel" autoComplete="tel" />
      <TextArea name="outcome" label={t("outcome")} hint={t("outcomeHint", { company })} state={state} defaultValue={values.outcome} rows={4} />
      <p data-testid="complaint-details-country">
        <span className="font-medium">{t("country")}:</span> {countryText}
      </p>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

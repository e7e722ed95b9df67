"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveCompany } from "@/app/[locale]/admin/settings/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

type Option = { value: string; label: string };

export interface CompanyValues {
  name: string;
  legalName: string;
  address: string;
  country: string;
  registrationNumber: string | null;
  contactEmail: string;
  phone: string | null;
  website: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  leadAuthorityId: string | null;
  accentColor: string;
  embedOrigins: string[];
  erasureGraceDays: number;
  timeZone: string;
}

export function CompanyForm({
  company,
  countries,
  authorities,
  timeZones,
  readOnly,
}: {
  company: CompanyValues;
  countries: Option[];
  authorities: Option[];
  timeZones: Option[];
  readOnly: boolean;
}) {
  const t = useTranslations("Console.settings");
  const tRequests = useTranslations("RequestAdmin.settings");
  const [state, action] = useActionState(saveCompany, idle);
  return (
    <form action={action} className="max-w-2xl space-y-6" noValidate>
      <FormMessage state={state} success={t("saved")} />
      <fieldset disabled={readOnly} className="space-y-4">
        <legend className="text-xl font-semibold">{t("controller")}</legend>
        <TextField name="name" label={t("name")} state={state} defaultValue={company.name} required />
        <TextField name="legalName" label={t("legalName")} state={state} defaultValue={company.legalName} required />
        <TextArea name="address" label={t("address")} state={state} defaultValue={company.address} rows={3} required />
        <SelectField name="country" label={t("country")} state={state} defaultValue={company.country} options={countries} required />
        <TextField name="registrationNumber" label={t("registrationNumber")} state={state} defaultValue={company.registrationNumber} />
        <TextField name="contactEmail" type="email" label={t("contactEmail")} state={state} defaultValue={company.contactEmail} required />
        <TextField name="phone" type="tel" label={t("phone")} state={state} defaultValue={company.phone} />
        <TextField name="website" type="url" label={t("website")} hint={t("websiteHint")} state={state} defaultValue={company.website} />
      </fieldset>
      <fieldset disabled={readOnly} className="space-y-4">
        <legend className="text-xl font-semibold">{t("dpo")}</legend>
        <p className="text-sm text-muted">{t("dpoHint")}</p>
        <TextField name="dpoName" label={t("dpoName")} state={state} defaultValue={company.dpoName} />
        <TextField name="dpoEmail" type="email" label={t("dpoEmail")} state={state} defaultValue={company.dpoEmail} />
      </fieldset>
      <fieldset disabled={readOnly} className="space-y-4">
        <legend className="text-xl font-semibold">{t("authorityAndLook")}</legend>
        <SelectField
          name="leadAuthorityId"
          label={t("leadAuthority")}
          hint={t("leadAuthorityHint")}
          state={state}
          defaultValue={company.leadAuthorityId ?? ""}
          options={[{ value: "", label: t("noAuthority") }, ...authorities]}
        />
        <TextField name="accentColor" label={t("accentColor")} hint={t("accentColorHint")} state={state} defaultValue={company.accentColor} required />
        <TextArea name="embedOrigins" label={t("embedOrigins")} hint={t("embedOriginsHint")} state={state} defaultValue={company.embedOrigins.join("\n")} rows={3} />
      </fieldset>
      <fieldset disabled={readOnly} className="space-y-4">
        <legend className="text-xl font-semibold">{tRequests("legend")}</legend>
        <TextField
          name="erasureGraceDays"
          type="number"
          label={tRequests("graceDays")}
          hint={tRequests("graceDaysHint")}
          state={state}
          defaultValue={String(company.erasureGraceDays)}
          required
        />
        <SelectField name="timeZone" label={tRequests("timeZone")} hint={tRequests("timeZoneHint")} state={state} defaultValue={company.timeZone} options={timeZones} required />
      </fieldset>
      {!readOnly && <SubmitButton>{t("save")}</SubmitButton>}
    </form>
  );
}

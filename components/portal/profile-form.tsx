"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveProfile } from "@/app/[locale]/t/[tenant]/portal/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

export interface ProfileValues {
  name: string | null;
  email: string;
  phone: string | null;
  postalAddress: string | null;
  companyName: string | null;
  vatNumber: string | null;
  preferredLocale: string;
  custom: Array<{ key: string; label: string; value: string | null }>;
}

/** The person's own corrections; a changed e-mail address waits for confirmation by link. */
export function ProfileForm({ tenant, locale, profile }: { tenant: string; locale: string; profile: ProfileValues }) {
  const t = useTranslations("Portal");
  const [state, action] = useActionState(saveProfile, idle);
  const result = state.status === "success" ? (state.result as { changed: string[]; pendingEmail: string | null }) : null;
  const success = result ? (result.pendingEmail ? t("profile.savedEmail", { email: result.pendingEmail }) : result.changed.length ? t("profile.saved") : t("profile.unchanged")) : undefined;
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate data-testid="profile-form">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <FormMessage state={state} success={success} />
      <TextField name="name" label={t("fields.name")} state={state} defaultValue={profile.name} autoComplete="name" />
      <TextField name="email" type="email" label={t("fields.email")} hint={t("profile.emailHint")} state={state} defaultValue={profile.email} autoComplete="email" required />
      <TextField name="phone" type="tel" label={t("fields.phone")} hint={t("profile.phoneHint")} state={state} defaultValue={profile.phone} autoComplete="tel" />
      <TextArea name="postalAddress" label={t("fields.postalAddress")} state={state} defaultValue={profile.postalAddress} rows={3} />
      <TextField name="companyName" label={t("fields.companyName")} state={state} defaultValue={profile.companyName} autoComplete="organization" />
      <TextField name="vatNumber" label={t("fields.vatNumber")} hint={t("profile.vatHint")} state={state} defaultValue={profile.vatNumber} />
      <SelectField
        name="preferredLocale"
        label={t("fields.preferredLocale")}
        state={state}
        defaultValue={profile.preferredLocale}
        options={[
          { value: "nl", label: "Nederlands" },
          { value: "en", label: "English" },
        ]}
      />
      {profile.custom.map((field) => (
        <TextField key={field.key} name={`custom_${field.key}`} label={field.label} state={state} defaultValue={field.value} />
      ))}
      <SubmitButton>{t("profile.save")}</SubmitButton>
    </form>
  );
}

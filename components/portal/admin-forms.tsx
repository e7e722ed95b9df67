"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addProfileField, addPurpose, editProfileField, editPurpose, togglePurpose } from "@/app/[locale]/admin/consent/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";

/** Forms of /admin/consent: consent purposes and profile fields of the tenant's portal. */

const cleared = (state: FormState): FormState => (state.status === "success" ? { ...state, values: {} } : state);

export interface PurposeValues {
  id: string;
  key: string;
  active: boolean;
  directMarketing: boolean;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  statementPurposeUid: string | null;
}

/** The consent-based purposes of the statement in force, by name in the console's language. */
export type StatementPurposeOptions = Array<{ uid: string; name: string }>;

function PurposeTexts({ state, prefix, values, statementPurposes }: { state: FormState; prefix: string; values?: PurposeValues; statementPurposes: StatementPurposeOptions }) {
  const t = useTranslations("Portal.admin");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <SelectField
          id={`${prefix}-statementPurpose`}
          name="statementPurpose"
          label={t("statementPurpose")}
          hint={t("statementPurposeHint")}
          state={state}
          defaultValue={values?.statementPurposeUid ?? ""}
          options={[{ value: "", label: t("statementPurposeNone") }, ...statementPurposes.map((p) => ({ value: p.uid, label: p.name }))]}
        />
      </div>
      <TextField id={`${prefix}-titleNl`} name="titleNl" label={t("titleNl")} state={state} defaultValue={values?.title.nl} required />
      <TextField id={`${prefix}-titleEn`} name="titleEn" label={t("titleEn")} state={state} defaultValue={values?.title.en} required />
      <TextArea id={`${prefix}-descriptionNl`} name="descriptionNl" label={t("descriptionNl")} state={state} defaultValue={values?.description.nl} rows={3} required />
      <TextArea id={`${prefix}-descriptionEn`} name="descriptionEn" label={t("descriptionEn")} state={state} defaultValue={values?.description.en} rows={3} required />
      <div className="md:col-span-2">
        <label className="flex items-start gap-2">
          <input type="checkbox" id={`${prefix}-directMarketing`} name="directMarketing" value="true" defaultChecked={values?.directMarketing} aria-describedby={`${prefix}-directMarketing-hint`} className="mt-1" />
          <span>{t("directMarketing")}</span>
        </label>
        <p id={`${prefix}-directMarketing-hint`} className="text-sm text-muted">
          {t("directMarketingHint")}
        </p>
      </div>
    </div>
  );
}

export function AddPurposeForm({ statementPurposes }: { statementPurposes: StatementPurposeOptions }) {
  const t = useTranslations("Portal.admin");
  const [state, action] = useActionState(addPurpose, idle);
  const shown = cleared(state);
  return (
    <form action={action} className="space-y-4 rounded border border-line p-4" noValidate data-testid="add-purpose">
      <FormMessage state={state} success={t("added")} />
      <TextField id="new-purpose-key" name="key" label={t("key")} hint={t("keyHint")} state={shown} required />
      <PurposeTexts state={shown} prefix="new-purpose" statementPurposes={statementPurposes} />
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

export function EditPurposeForm({ purpose, readOnly, statementPurposes }: { purpose: PurposeValues; readOnly: boolean; statementPurposes: StatementPurposeOptions }) {
  const t = useTranslations("Portal.admin");
  const [state, action] = useActionState(editPurpose, idle);
  const [toggled, toggle] = useActionState(togglePurpose, idle);
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={purpose.id} />
        <FormMessage state={state} success={t("saved")} />
        <fieldset disabled={readOnly} className="space-y-4">
          <legend className="sr-only">{t("editPurpose", { key: purpose.key })}</legend>
          <PurposeTexts state={state} prefix={`purpose-${purpose.id}`} values={purpose} statementPurposes={statementPurposes} />
        </fieldset>
        {!readOnly && <SubmitButton variant="secondary">{t("save")}</SubmitButton>}
      </form>
      {!readOnly && (
        <form action={toggle}>
          <input type="hidden" name="id" value={purpose.id} />
          <input type="hidden" name="active" value={purpose.active ? "false" : "true"} />
          <FormMessage state={toggled} />
          <SubmitButton variant={purpose.active ? "danger" : "secondary"}>{purpose.active ? t("deactivate") : t("activate")}</SubmitButton>
        </form>
      )}
    </div>
  );
}

export interface FieldValues {
  id: string;
  key: string;
  label: { nl: string; en: string };
}

export function AddFieldForm() {
  const t = useTranslations("Portal.admin");
  const [state, action] = useActionState(addProfileField, idle);
  const shown = cleared(state);
  return (
    <form action={action} className="space-y-4 rounded border border-line p-4" noValidate data-testid="add-field">
      <FormMessage state={state} success={t("added")} />
      <TextField id="new-field-key" name="key" label={t("key")} hint={t("keyHint")} state={shown} required />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField id="new-field-labelNl" name="labelNl" label={t("labelNl")} state={shown} required />
        <TextField id="new-field-labelEn" name="labelEn" label={t("labelEn")} state={shown} required />
      </div>
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

export function EditFieldForm({ field, readOnly }: { field: FieldValues; readOnly: boolean }) {
  const t = useTranslations("Portal.admin");
  const [state, action] = useActionState(editProfileField, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={field.id} />
      <FormMessage state={state} success={t("saved")} />
      <fieldset disabled={readOnly} className="grid gap-4 md:grid-cols-2">
        <legend className="sr-only">{t("editField", { key: field.key })}</legend>
        <TextField id={`field-${field.id}-labelNl`} name="labelNl" label={t("labelNl")} state={state} defaultValue={field.label.nl} required />
        <TextField id={`field-${field.id}-labelEn`} name="labelEn" label={t("labelEn")} state={state} defaultValue={field.label.en} required />
      </fieldset>
      {!readOnly && <SubmitButton variant="secondary">{t("save")}</SubmitButton>}
    </form>
  );
}

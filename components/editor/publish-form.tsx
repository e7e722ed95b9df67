"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { publishStatementDraft } from "@/app/[locale]/admin/statement/actions";
import { SubmitButton, TextArea } from "@/components/forms/fields";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";
import type { PublishOutcome } from "@/lib/policy/draft";
import { useErrorText } from "./inputs";

function Checkbox({ name, label, hint, state, required }: { name: string; label: string; hint?: string; state: FormState; required?: boolean }) {
  const errorText = useErrorText();
  const error = state.fieldErrors?.[name];
  const checked = state.values?.[name] === "on";
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label className="inline-flex items-start gap-2 font-medium">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          key={`${name}:${checked}`}
          required={required}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          className="mt-1 h-4 w-4"
        />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="ms-6 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="ms-6 mt-1 text-sm font-medium text-red-700" data-testid={`error-${name}`}>
          {errorText(error)}
        </p>
      )}
    </div>
  );
}

/** Change summary in both languages, the material-change flag and, when something is missing, the confirmation. */
export function PublishForm({
  base,
  number,
  hasGaps,
  links,
}: {
  base: string;
  number: number;
  hasGaps: boolean;
  links: { public: string; history: string; editor: string };
}) {
  const t = useTranslations("Editor.publish");
  const errorText = useErrorText();
  const [state, action] = useActionState(publishStatementDraft, idle);

  if (state.status === "success") {
    const outcome = state.result as PublishOutcome;
    return (
      <div role="status" className="space-y-2 rounded border border-green-700 bg-green-50 p-4" data-testid="publish-done">
        <p className="text-lg font-semibold">{t("done", { number: outcome.number })}</p>
        {outcome.notified !== null && <p>{t("notified", { count: outcome.notified })}</p>}
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href={links.public}>{t("viewPublic")}</a>
          </li>
          <li>
            <a href={links.history}>{t("viewHistory")}</a>
          </li>
          <li>
            <a href={links.editor}>{t("backToEditor")}</a>
          </li>
        </ul>
      </div>
    );
  }

  const formError = state.status === "error" ? (state.formError ?? (state.fieldErrors ? "fixFields" : null)) : null;
  return (
    <form action={action} noValidate className="space-y-6" data-testid="publish-form">
      <input type="hidden" name="base" value={base} />
      {formError && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800" data-testid="form-error">
          {errorText(formError)}
        </p>
      )}
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t("summaryLegend")}</legend>
        <p className="text-sm text-muted">{t("summaryHint")}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextArea name="summaryNl" label={t("summaryNl")} state={state} rows={3} required />
          <TextArea name="summaryEn" label={t("summaryEn")} state={state} rows={3} required />
        </div>
      </fieldset>
      <Checkbox name="materialChange" label={t("material")} hint={t("materialHint")} state={state} />
      {hasGaps && <Checkbox name="confirmGaps" label={t("confirmGaps")} state={state} required />}
      <SubmitButton>{t("submit", { number })}</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/fields";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";
import { errorKey } from "@/lib/error-keys";

/**
 * One form of the request pages in the console, described by serialisable field specs
 * so that server pages can lay out any of the actions. A refused submit shows the
 * translated message next to the field (keys of "RequestAdmin.errors" first, then of
 * "Errors") and keeps what was typed; it works without JavaScript too.
 */

interface Base {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string | null;
}

export type FieldSpec =
  | (Base & { kind: "text" | "email" | "date" | "tel"; min?: string; max?: string; autoComplete?: string })
  | (Base & { kind: "textarea"; rows?: number })
  | (Base & { kind: "select"; options: Array<{ value: string; label: string }> })
  | { kind: "hidden"; name: string; value: string };

export interface AdminFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  success?: string;
  testId?: string;
  /** Empty the fields after a successful submit (a message that was sent). */
  clearOnSuccess?: boolean;
  /** Prefix of the fields' ids, when a page has several forms with the same field names. */
  idPrefix?: string;
  inline?: boolean;
}

const inputClass = "mt-1 block w-full rounded border border-gray-500 px-3 py-2 aria-[invalid=true]:border-red-700";

function useErrorText() {
  const own = useTranslations("RequestAdmin.errors");
  const shared = useTranslations("Errors");
  return (key: string) => (own.has(key as never) ? own(key as never) : shared(errorKey(key, "invalid")));
}

export function AdminForm({ action, fields, submit, variant = "primary", success, testId, clearOnSuccess, idPrefix = "", inline }: AdminFormProps) {
  const [state, formAction] = useActionState(action, idle);
  const errorText = useErrorText();
  const values = clearOnSuccess && state.status === "success" ? {} : (state.values ?? {});
  const valueOf = (name: string, fallback?: string | null) => {
    const typed = values[name];
    return typeof typed === "string" ? typed : (fallback ?? "");
  };
  const formError = state.status === "error" ? (state.formError ?? (state.fieldErrors ? "fixFields" : null)) : null;
  return (
    <form action={formAction} className={inline ? "inline-block space-y-2" : "max-w-2xl space-y-4"} noValidate data-testid={testId}>
      {formError && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800" data-testid="form-error">
          {errorText(formError)}
        </p>
      )}
      {state.status === "success" && success && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="form-success">
          {success}
        </p>
      )}
      {fields.map((field) => {
        if (field.kind === "hidden") return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        const id = `${idPrefix}field-${field.name}`;
        const error = state.status === "error" ? state.fieldErrors?.[field.name] : undefined;
        const describedBy = [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
        const value = valueOf(field.name, field.defaultValue);
        const common = {
          id,
          name: field.name,
          required: field.required,
          defaultValue: value,
          "aria-invalid": Boolean(error),
          "aria-describedby": describedBy,
        };
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block font-medium">
              {field.label}
              {field.required && <span aria-hidden="true"> *</span>}
            </label>
            {field.hint && (
              <p id={`${id}-hint`} className="text-sm text-muted">
                {field.hint}
              </p>
            )}
            {field.kind === "textarea" ? (
              <textarea key={value} {...common} rows={field.rows ?? 4} className={inputClass} />
            ) : field.kind === "select" ? (
              <select key={value} {...common} className={`${inputClass} bg-white`}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input key={value} {...common} type={field.kind} min={field.min} max={field.max} autoComplete={field.autoComplete} className={inputClass} />
            )}
            {error && (
              <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700" data-testid={`error-${field.name}`}>
                {errorText(error)}
              </p>
            )}
          </div>
        );
      })}
      <SubmitButton variant={variant}>{submit}</SubmitButton>
    </form>
  );
}

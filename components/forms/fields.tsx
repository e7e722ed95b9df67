"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { FormState } from "@/lib/action";
import { errorKey } from "@/lib/error-keys";

/** Form controls that show a translated error next to the field and keep what was typed. */

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string | null;
  hint?: string;
  required?: boolean;
  id?: string;
}

function valueOf(state: FormState, name: string, fallback?: string | null): string {
  const typed = state.values?.[name];
  return typeof typed === "string" ? typed : (fallback ?? "");
}

export function FieldError({ state, name, id }: { state: FormState; name: string; id: string }) {
  const t = useTranslations("Errors");
  const key = state.fieldErrors?.[name];
  if (!key) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700" data-testid={`error-${name}`}>
      {t(errorKey(key, "invalid"), state.errorParams?.[name])}
    </p>
  );
}

function describedBy(state: FormState, name: string, id: string, hint?: string) {
  return [state.fieldErrors?.[name] ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

const inputClass = "mt-1 block w-full rounded border border-gray-500 px-3 py-2 aria-[invalid=true]:border-red-700";

type FieldFrameProps = Pick<FieldProps, "name" | "label" | "state" | "hint" | "required"> & { id: string; children: ReactNode };

/** The label, hint and error around one form control. */
function FieldFrame({ name, label, state, hint, required, id, children }: FieldFrameProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children}
      <FieldError state={state} name={name} id={id} />
    </div>
  );
}

/** The attributes every control shares: what was typed (or the default), required, and the error and hint it points to. */
function controlProps(state: FormState, name: string, id: string, defaultValue?: string | null, hint?: string, required?: boolean) {
  return {
    id,
    name,
    required,
    defaultValue: valueOf(state, name, defaultValue),
    "aria-invalid": Boolean(state.fieldErrors?.[name]),
    "aria-describedby": describedBy(state, name, id, hint),
  };
}

export function TextField({ name, label, state, defaultValue, hint, required, id = `field-${name}`, type = "text", autoComplete }: FieldProps & { type?: string; autoComplete?: string }) {
  const control = controlProps(state, name, id, defaultValue, hint, required);
  return (
    <FieldFrame name={name} label={label} state={state} hint={hint} required={required} id={id}>
      <input {...control} key={`${name}:${control.defaultValue}`} type={type} autoComplete={autoComplete} className={inputClass} />
    </FieldFrame>
  );
}

const noSubscription = () => () => {};

/**
 * When React hydrates a prefilled textarea it sets its value again, wiping what someone
 * typed before the page's script arrived. This reads the text while hydrating, before
 * React touches the element, and puts it back afterwards.
 */
function useTextTypedBeforeHydration(id: string) {
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [typed] = useState(() => (hydrating && typeof document !== "undefined" ? (document.getElementById(id) as HTMLTextAreaElement | null)?.value ?? null : null));
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (typed !== null && ref.current && ref.current.value !== typed) ref.current.value = typed;
  }, [typed]);
  return ref;
}

export function TextArea({ name, label, state, defaultValue, hint, required, id = `field-${name}`, rows = 4 }: FieldProps & { rows?: number }) {
  const control = controlProps(state, name, id, defaultValue, hint, required);
  const ref = useTextTypedBeforeHydration(id);
  return (
    <FieldFrame name={name} label={label} state={state} hint={hint} required={required} id={id}>
      <textarea {...control} ref={ref} key={`${name}:${control.defaultValue}`} rows={rows} className={inputClass} />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  state,
  defaultValue,
  hint,
  required,
  id = `field-${name}`,
  options,
}: FieldProps & { options: Array<{ value: string; label: string }> }) {
  const control = controlProps(state, name, id, defaultValue, hint, required);
  return (
    <FieldFrame name={name} label={label} state={state} hint={hint} required={required} id={id}>
      <select {...control} key={`${name}:${control.defaultValue}`} className={`${inputClass} bg-white`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function SubmitButton({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-brand text-white hover:bg-blue-900",
    secondary: "border border-gray-600 bg-white text-ink hover:bg-gray-100",
    danger: "bg-red-700 text-white hover:bg-red-800",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-medium disabled:opacity-60 ${styles}`}>
      {children}
    </button>
  );
}

/** The form-level outcome: an error the whole form shares, or a success message. */
export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const t = useTranslations("Errors");
  if (state.status === "error" && (state.formError || state.fieldErrors)) {
    const key = state.formError ?? "fixFields";
    return (
      <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800" data-testid="form-error">
        {t(errorKey(key, "unexpected"))}
      </p>
    );
  }
  if (state.status === "success" && success) {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="form-success">
        {success}
      </p>
    );
  }
  return null;
}

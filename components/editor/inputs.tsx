"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { locales, type Locale, type LocalizedText } from "@/lib/policy/content";
import type { Option } from "./model";

/** The editor's inputs: every one labelled (with its language), its error and hint tied to it. */


/** Turns an error key from the server into the sentence to show, from "Editor.errors" or "Errors". */
export function useErrorText(): (key: string) => string {
  const editor = useTranslations("Editor.errors");
  const errors = useTranslations("Errors");
  return (key) => {
    if (editor.has(key as never)) return editor(key as never);
    if (errors.has(key as never)) return errors(key as never);
    return errors("invalid");
  };
}

const inputClass =
  "mt-1 block w-full rounded border border-gray-500 bg-white px-3 py-2 disabled:bg-gray-100 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

function FieldMessages({ id, error, hint, notes }: { id: string; error?: string; hint?: string; notes?: ReactNode }) {
  const errorText = useErrorText();
  return (
    <>
      {notes}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700" data-testid={`error-${id}`}>
          {errorText(error)}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, ...parts: Array<string | false | undefined>) =>
  parts
    .filter(Boolean)
    .map((part) => `${id}-${part}`)
    .join(" ") || undefined;

export function TextInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = "text",
  inputMode,
  lang,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "url";
  inputMode?: "numeric";
  lang?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        lang={lang}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, error && "error", hint && "hint")}
        className={inputClass}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export function ChoiceInput({
  id,
  label,
  value,
  onChange,
  options,
  error,
  hint,
  empty,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  error?: string;
  hint?: string;
  /** The label of the "" option, when the choice may be left empty. */
  empty?: string;
}) {
  const known = value === "" || options.some((option) => option.value === value);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, error && "error", hint && "hint")}
        className={inputClass}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {!known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/**
 * One text in both languages, side by side from 768px and stacked below. Each input is
 * labelled with the field and its language; a language that waits for translation says so.
 */
export function LocalizedInput({
  id,
  label,
  value,
  onChange,
  multiline,
  errors,
  pending,
  hint,
}: {
  /** Base id; the inputs get `${id}-nl` and `${id}-en`. */
  id: string;
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
  errors?: Partial<Record<Locale, string>>;
  /** The language that waits for translation, if any. */
  pending?: Locale;
  hint?: string;
}) {
  const t = useTranslations("Editor");
  return (
    <div className="grid gap-x-4 gap-y-3 md:grid-cols-2">
      {locales.map((locale) => {
        const inputId = `${id}-${locale}`;
        const error = errors?.[locale];
        const waiting = pending === locale;
        const props = {
          id: inputId,
          lang: locale,
          value: value[locale],
          "aria-invalid": Boolean(error),
          "aria-describedby": describedBy(inputId, error && "error", hint && "hint", waiting && "pending"),
          className: `${inputClass} ${waiting ? "border-amber-600 bg-amber-50" : ""}`,
        };
        const change = (text: string) => onChange({ ...value, [locale]: text });
        return (
          <div key={locale}>
            <label htmlFor={inputId} className="block font-medium">
              {t("fieldLabel", { field: label, language: t(`language.${locale}`) })}
            </label>
            {multiline ? (
              <textarea {...props} rows={6} onChange={(event) => change(event.target.value)} />
            ) : (
              <input {...props} type="text" onChange={(event) => change(event.target.value)} />
            )}
            <FieldMessages
              id={inputId}
              error={error}
              hint={hint}
              notes={
                waiting ? (
                  <p id={`${inputId}-pending`} className="mt-1 text-sm font-medium text-amber-900" data-testid="needs-translation">
                    <span aria-hidden="true">⚠ </span>
                    {value[locale].trim() === "" ? t("missingLanguage") : t("needsTranslation")}
                  </p>
                ) : null
              }
            />
          </div>
        );
      })}
    </div>
  );
}

/** A set of checkboxes, e.g. the data categories a purpose uses. */
export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  empty,
  error,
}: {
  id: string;
  legend: string;
  options: Option[];
  selected: string[];
  onChange: (selected: string[]) => void;
  empty: string;
  error?: string;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {options.map((option) => (
            <li key={option.value}>
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={selected.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { gapMessageValues, itemArticle, type Gap } from "@/lib/policy/completeness";
import type { Locale } from "@/lib/policy/content";
import type { PendingTranslations } from "@/lib/policy/translation";
import { useErrorText } from "./inputs";
import {
  contentChanges,
  fieldValue,
  gapTarget,
  listFields,
  rowName,
  type AnyRow,
  type FieldKind,
  type FormContent,
  type ListName,
} from "./model";

/** Moves focus to an element of the editor and brings it into view (links to fields). */
export function focusElement(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}

function useRowLabel(form: FormContent, locale: Locale) {
  const t = useTranslations("Editor");
  return (list: ListName, uid: string, rows: AnyRow[] = form[list]) => {
    const index = rows.findIndex((row) => row.uid === uid);
    const row = rows[index];
    const number = t(`lists.${list}.one`, { number: index + 1 });
    const name = row ? rowName(list, row, locale, form.dataCategories) : "";
    return name ? `${number} “${name}”` : number;
  };
}

function useFieldLabel() {
  const t = useTranslations("Editor");
  return (list: ListName, field: string, locale?: Locale) => {
    const label = t(`fields.${list}.${field}` as never);
    return locale ? t("fieldLabel", { field: label, language: t(`language.${locale}`) }) : label;
  };
}

const parsePath = (path: string) => {
  const [list, uid, field, locale] = path.split(".");
  return { list: list as ListName, uid, field, locale: locale === "nl" || locale === "en" ? (locale as Locale) : undefined };
};

export function GapList({ gaps, form, locale, settingsHref }: { gaps: Gap[]; form: FormContent; locale: Locale; settingsHref: string }) {
  const t = useTranslations("Editor");
  const messages = useTranslations("Completeness");
  const languageNames = { nl: messages("locale.nl"), en: messages("locale.en") };
  return (
    <section aria-labelledby="gaps-heading" className="rounded border border-line p-4" data-testid="gaps">
      <h2 id="gaps-heading" className="text-xl font-semibold">
        {t("completeness.title")}
      </h2>
      <p className="text-sm text-muted">{t("completeness.intro")}</p>
      <p className="mt-2 font-medium" data-testid="gap-count" aria-live="polite">
        {gaps.length === 0 ? t("completeness.none") : t("completeness.count", { count: gaps.length })}
      </p>
      {gaps.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 ps-5">
          {gaps.map((gap, index) => {
            const text = messages(gap.code, gapMessageValues(gap, languageNames));
            const target = gapTarget(form, gap);
            const articles = gap.items.map(itemArticle).join(", ");
            return (
              <li key={`${gap.code}-${gap.row ?? ""}-${gap.locale ?? ""}-${gap.detail ?? ""}-${index}`} data-gap={gap.code}>
                <span className="me-1 text-sm text-muted">[{articles ? t("completeness.items", { articles }) : t("completeness.advice")}]</span>
                {target ? (
                  <a href={`#${target}`} onClick={(event) => focusElement(event, target)}>
                    {text}
                  </a>
                ) : (
                  <>
                    {text} <a href={settingsHref}>({t("completeness.companyDetails")})</a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function TranslationList({
  pending,
  form,
  locale,
  canEdit,
  saving,
}: {
  pending: PendingTranslations;
  form: FormContent;
  locale: Locale;
  canEdit: boolean;
  saving: boolean;
}) {
  const t = useTranslations("Editor");
  const rowLabel = useRowLabel(form, locale);
  const fieldLabel = useFieldLabel();
  const entries = Object.entries(pending)
    .map(([path, language]) => ({ path, language, ...parsePath(path) }))
    .filter((entry) => form[entry.list]?.some((row) => row.uid === entry.uid));
  return (
    <section aria-labelledby="translations-heading" className="rounded border border-line p-4" data-testid="translations">
      <h2 id="translations-heading" className="text-xl font-semibold">
        {t("translations.title")}
      </h2>
      <p className="text-sm text-muted">{t("translations.intro")}</p>
      {entries.length === 0 ? (
        <p className="mt-2 font-medium">{t("translations.none")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {entries.map((entry) => {
            const row = form[entry.list].find((r) => r.uid === entry.uid) as unknown as Record<string, { nl: string; en: string }>;
            const text = row?.[entry.field];
            const missing = !text || text.nl.trim() === "" || text.en.trim() === "";
            const values = {
              row: rowLabel(entry.list, entry.uid),
              field: fieldLabel(entry.list, entry.field),
              language: t(`language.${entry.language}`),
            };
            const target = `f-${entry.list}-${entry.uid}-${entry.field}-${entry.language}`;
            return (
              <li key={entry.path} data-testid="pending-translation" data-path={entry.path}>
                <a href={`#${target}`} onClick={(event) => focusElement(event, target)}>
                  {t(missing ? "translations.missing" : "translations.changed", values)}
                </a>
                {canEdit && !missing && (
                  <div className="mt-1">
                    <button
                      type="submit"
                      name="dismiss"
                      value={entry.path}
                      disabled={saving}
                      className="rounded border border-gray-600 bg-white px-2 py-1 text-sm hover:bg-gray-100 disabled:opacity-60"
                    >
                      {t("translations.dismiss")}
                      <span className="sr-only">
                        {" "}
                        ({values.row} – {values.field})
                      </span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The fields whose save the server refused, each linked to its input. */
export function ErrorSummary({
  formError,
  errors,
  form,
  locale,
}: {
  formError: string;
  errors: Record<string, string>;
  form: FormContent;
  locale: Locale;
}) {
  const t = useTranslations("Editor");
  const errorText = useErrorText();
  const rowLabel = useRowLabel(form, locale);
  const fieldLabel = useFieldLabel();
  const entries = Object.entries(errors).flatMap(([path, key]) => {
    const { list, uid, field, locale: language } = parsePath(path);
    if (!listFields[list] || !form[list].some((row) => row.uid === uid) || !field) return [];
    return [{ path, key, label: t("errorField", { row: rowLabel(list, uid), field: fieldLabel(list, field, language) }), target: ["f", list, uid, field, language].filter(Boolean).join("-") }];
  });
  return (
    <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-900" data-testid="form-error">
      <p id="error-summary" tabIndex={-1} className="font-semibold">
        {formError === "fixFields" ? t("errorSummary") : errorText(formError)}
      </p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 ps-5">
          {entries.map((entry) => (
            <li key={entry.path}>
              <a href={`#${entry.target}`} onClick={(event) => focusElement(event, entry.target)} className="text-red-900">
                {entry.label}
              </a>
              : {errorText(entry.key)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface ConflictState {
  base: string;
  draftId: string | null;
  revision: number;
  latestNumber: number | null;
  pending: PendingTranslations;
  form: FormContent;
}

/**
 * Shown when a save was refused because someone else saved first: what they changed
 * since this person's base, with their text next to this person's, to take over field
 * by field; then a deliberate save on top of their revision.
 */
export function ConflictPanel({
  conflict,
  base,
  mine,
  locale,
  saving,
  onTakeField,
  onAddRow,
  onRemoveRow,
  onDiscard,
}: {
  conflict: ConflictState;
  base: FormContent;
  mine: FormContent;
  locale: Locale;
  saving: boolean;
  onTakeField: (list: ListName, uid: string, field: string, locale?: Locale) => void;
  onAddRow: (list: ListName, uid: string) => void;
  onRemoveRow: (list: ListName, uid: string) => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("Editor");
  const theirs = conflict.form;
  const rowLabel = useRowLabel(theirs, locale);
  const baseRowLabel = useRowLabel(base, locale);
  const fieldLabel = useFieldLabel();
  const changes = contentChanges(base, theirs);
  const shown = (value: string | undefined) => (value && value.trim() !== "" ? value : t("conflict.empty"));
  const button = "rounded border border-gray-600 bg-white px-2 py-1 text-sm hover:bg-gray-100";

  return (
    <section aria-labelledby="conflict-heading" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4" data-testid="conflict">
      <h2 id="conflict-heading" tabIndex={-1} className="text-xl font-semibold">
        {t("conflict.title")}
      </h2>
      <p>{conflict.draftId === null && conflict.latestNumber ? t("conflict.published", { number: conflict.latestNumber }) : t("conflict.body")}</p>
      {changes.length === 0 ? (
        <p>{t("conflict.nothing")}</p>
      ) : (
        <ul className="space-y-3" data-testid="conflict-changes">
          {changes.map((change) => {
            if (change.kind === "order") {
              return (
                <li key={`order-${change.list}`}>
                  {t("conflict.order", { list: t(`lists.${change.list}.title`).toLocaleLowerCase(locale) })}
                </li>
              );
            }
            if (change.kind === "added") {
              const present = mine[change.list].some((row) => row.uid === change.uid);
              return (
                <li key={`added-${change.uid}`} className="flex flex-wrap items-center gap-2">
                  <span>{t("conflict.added", { row: rowLabel(change.list, change.uid) })}</span>
                  {present ? (
                    <span className="text-sm font-medium">{t("conflict.taken")}</span>
                  ) : (
                    <button type="button" className={button} onClick={() => onAddRow(change.list, change.uid)}>
                      {t("conflict.addIt")}
                      <span className="sr-only"> ({rowLabel(change.list, change.uid)})</span>
                    </button>
                  )}
                </li>
              );
            }
            if (change.kind === "removed") {
              const present = mine[change.list].some((row) => row.uid === change.uid);
              return (
                <li key={`removed-${change.uid}`} className="flex flex-wrap items-center gap-2">
                  <span>{t("conflict.removed", { row: baseRowLabel(change.list, change.uid) })}</span>
                  {present ? (
                    <button type="button" className={button} onClick={() => onRemoveRow(change.list, change.uid)}>
                      {t("conflict.removeIt")}
                      <span className="sr-only"> ({baseRowLabel(change.list, change.uid)})</span>
                    </button>
                  ) : (
                    <span className="text-sm font-medium">{t("conflict.taken")}</span>
                  )}
                </li>
              );
            }
            const myRow = mine[change.list].find((row) => row.uid === change.uid);
            const myValue = fieldValue(change.list, myRow, change.field, change.locale);
            const label = `${rowLabel(change.list, change.uid)}: ${fieldLabel(change.list, change.field, change.locale)}`;
            const kind = listFields[change.list].find((f) => f.name === change.field)?.kind as FieldKind;
            return (
              <li key={`${change.uid}-${change.field}-${change.locale ?? ""}`} className="rounded border border-amber-300 bg-white p-3" data-testid="conflict-field">
                <p className="font-medium">{label}</p>
                <dl className="mt-1 grid gap-2 md:grid-cols-2">
                  <div>
                    <dt className="text-sm font-semibold">{t("conflict.theirs")}</dt>
                    <dd className={kind === "localized" ? "whitespace-pre-wrap" : ""}>{shown(change.theirs)}</dd>
                  </div>
                  <div>
                    <dt className="text-sm font-semibold">{t("conflict.yours")}</dt>
                    <dd className="whitespace-pre-wrap">{shown(myValue)}</dd>
                  </div>
                </dl>
                {myRow &&
                  (myValue === change.theirs ? (
                    <p className="mt-1 text-sm font-medium">{t("conflict.taken")}</p>
                  ) : (
                    <button type="button" className={`${button} mt-2`} onClick={() => onTakeField(change.list, change.uid, change.field, change.locale)}>
                      {t("conflict.useTheirs")}
                      <span className="sr-only"> ({label})</span>
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap gap-3 pt-2">
        <button
          type="submit"
          name="overwrite"
          value={conflict.base}
          disabled={saving}
          className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
        >
          {t("conflict.overwrite")}
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-gray-600 bg-white px-4 py-2 font-medium hover:bg-gray-100">
          {t("conflict.discard")}
        </button>
      </div>
    </section>
  );
}

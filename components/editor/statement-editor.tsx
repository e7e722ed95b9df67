"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { saveStatementDraft } from "@/app/[locale]/admin/statement/actions";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";
import { findGaps } from "@/lib/policy/completeness";
import type { Controller, Declarations, Locale, StatementContent } from "@/lib/policy/content";
import type { SaveOutcome } from "@/lib/policy/draft";
import { localizedFields, updatePending, type PendingTranslations } from "@/lib/policy/translation";
import {
  blankRow,
  editorOrder,
  errorsByUid,
  firstFieldId,
  fromForm,
  listId,
  rowId,
  rowIdsOf,
  rowName,
  takeField,
  toForm,
  type AnyRow,
  type EditorOptions,
  type FormContent,
  type FormRow,
  type ListName,
} from "./model";
import { DeclarationFields } from "./declarations";
import { useErrorText } from "./inputs";
import { ConflictPanel, ErrorSummary, GapList, TranslationList, type ConflictState } from "./panels";
import { RowFields, type RowContext } from "./row-fields";

export interface EditorDraft {
  base: string;
  draftId: string | null;
  revision: number;
  latestNumber: number | null;
  content: StatementContent;
  pending: PendingTranslations;
}

export interface EditorLinks {
  /** The company details, where the controller's gaps are fixed. */
  settings: string;
}

/**
 * The statement editor: the whole draft in React state (rows keyed by uid), sent as
 * JSON to the save action. The completeness list and the translation list follow
 * what is typed; the server decides on save, and refuses a save based on an older
 * revision (then the conflict panel shows what the other person changed).
 */
export function StatementEditor({
  locale,
  draft,
  controller,
  options,
  canEdit,
  links,
  headings,
}: {
  locale: Locale;
  draft: EditorDraft;
  controller: Controller;
  /** The public page's own block headings per language (`blockHeadings()`), for the duplicate-heading check. */
  headings: Record<Locale, string[]>;
  options: EditorOptions;
  canEdit: boolean;
  links: EditorLinks;
}) {
  const t = useTranslations("Editor");
  const errorText = useErrorText();
  const [initial] = useState(() => toForm(draft.content));
  const [form, setForm] = useState<FormContent>(initial);
  /** The content as last loaded or saved: the base of what is typed now. */
  const [saved, setSaved] = useState<FormContent>(initial);
  const [info, setInfo] = useState({ base: draft.base, draftId: draft.draftId, revision: draft.revision, latestNumber: draft.latestNumber });
  const [serverPending, setServerPending] = useState<PendingTranslations>(draft.pending);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [saving, startSaving] = useTransition();
  const focusNext = useRef<string | null>(null);
  const formRef = useRef(form);
  formRef.current = form;

  const content = useMemo(() => fromForm(form), [form]);
  const json = useMemo(() => JSON.stringify(form), [form]);
  const dirty = useMemo(() => json !== JSON.stringify(saved), [json, saved]);
  const gaps = useMemo(() => findGaps({ content, controller, subjectLocale: locale, headings }), [content, controller, locale, headings]);
  const pending = useMemo(
    () => updatePending(serverPending, localizedFields(fromForm(saved), rowIdsOf(saved)), localizedFields(content, rowIdsOf(form))),
    [serverPending, saved, content, form],
  );

  useEffect(() => {
    if (!focusNext.current) return;
    const element = document.getElementById(focusNext.current);
    focusNext.current = null;
    element?.focus();
  });

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // --- editing -------------------------------------------------------------------

  const changed = () => setJustSaved(false);

  function clearErrors(prefix: string) {
    setErrors((current) => {
      const keys = Object.keys(current).filter((key) => key === prefix || key.startsWith(`${prefix}.`));
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
  }

  function updateRow<L extends ListName>(list: L, uid: string, patch: Partial<FormRow<L>>) {
    changed();
    for (const field of Object.keys(patch)) clearErrors(`${list}.${uid}.${field}`);
    setForm((current) => {
      const rows = current[list] as FormRow<L>[];
      const before = rows.find((row) => row.uid === uid);
      let next: FormContent = { ...current, [list]: rows.map((row) => (row.uid === uid ? { ...row, ...patch } : row)) };
      // Renaming a data category's key renames it where purposes and retention periods use it.
      if (list === "dataCategories" && before && "key" in patch) {
        const from = (before as FormRow<"dataCategories">).key;
        const to = (patch as Partial<FormRow<"dataCategories">>).key!;
        const shared = current.dataCategories.some((c) => c.uid !== uid && c.key === from);
        if (from && !shared) {
          next = {
            ...next,
            purposes: next.purposes.map((p) => ({ ...p, dataCategoryKeys: p.dataCategoryKeys.map((key) => (key === from ? to : key)) })),
            retention: next.retention.map((r) => (r.dataCategoryKey === from ? { ...r, dataCategoryKey: to } : r)),
          };
        }
      }
      return next;
    });
  }

  function updateDeclarations(patch: Partial<Declarations>) {
    changed();
    setForm((current) => ({ ...current, declarations: { ...current.declarations, ...patch } }));
  }

  function addRow(list: ListName) {
    changed();
    const row = blankRow(list);
    const number = form[list].length + 1;
    setForm((current) => ({ ...current, [list]: [...current[list], row] }));
    setAnnouncement(t(`lists.${list}.added`, { number }));
    focusNext.current = firstFieldId(list, row.uid);
  }

  function removeRow(list: ListName, uid: string) {
    changed();
    const index = form[list].findIndex((row) => row.uid === uid);
    clearErrors(`${list}.${uid}`);
    setForm((current) => ({ ...current, [list]: (current[list] as AnyRow[]).filter((row) => row.uid !== uid) }));
    setAnnouncement(t(`lists.${list}.removed`, { number: index + 1 }));
    focusNext.current = `add-${list}`;
  }

  function moveRow(list: ListName, uid: string, delta: -1 | 1) {
    const rows = form[list] as AnyRow[];
    const index = rows.findIndex((row) => row.uid === uid);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= rows.length) return;
    changed();
    setForm((current) => {
      const next = [...(current[list] as AnyRow[])];
      const [row] = next.splice(index, 1);
      next.splice(target, 0, row);
      return { ...current, [list]: next };
    });
    setAnnouncement(t(`lists.${list}.moved`, { number: target + 1 }));
    // Keep focus on the button that moved the row, or on its twin when the row reached an end.
    const atEnd = target === 0 || target === rows.length - 1;
    focusNext.current = `${atEnd ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"}-${uid}`;
  }

  // --- saving --------------------------------------------------------------------

  function handle(state: FormState, sent: FormContent) {
    if (state.status === "error") {
      // The action names content fields as `content.purposes.2.name.nl`.
      const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([path, key]) => [path.replace(/^content\./, ""), key]));
      setErrors(errorsByUid(fieldErrors, sent));
      const malformed = "content" in fieldErrors || "base" in fieldErrors;
      setFormError(state.formError ?? (malformed ? "content" : "fixFields"));
      focusNext.current = "error-summary";
      return;
    }
    const outcome = state.result as SaveOutcome;
    if (outcome.kind === "conflict") {
      const current = outcome.current;
      setConflict({
        base: current.base,
        draftId: current.draftId,
        revision: current.revision,
        latestNumber: current.latestNumber,
        pending: current.pending,
        form: toForm(current.content),
      });
      setFormError(null);
      focusNext.current = "conflict-heading";
      return;
    }
    const next = toForm(outcome.draft.content);
    setSaved(next);
    // Keep anything typed while the save was under way.
    setForm((current) => (current === sent ? next : current));
    setInfo({ base: outcome.draft.base, draftId: outcome.draft.draftId, revision: outcome.draft.revision, latestNumber: outcome.draft.latestNumber });
    setServerPending(outcome.draft.pending);
    setErrors({});
    setFormError(null);
    setConflict(null);
    setJustSaved(formRef.current === sent);
    setAnnouncement(t("savedMessage"));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canEdit || saving) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const sent = form;
    startSaving(async () => {
      try {
        handle(await saveStatementDraft(idle, data), sent);
      } catch {
        handle({ status: "error", formError: "unexpected" }, sent);
      }
    });
  }

  // --- merging after a conflict ----------------------------------------------------

  function takeTheirField(list: ListName, uid: string, field: string, language?: Locale) {
    const theirs = conflict?.form[list].find((row) => row.uid === uid);
    if (!theirs) return;
    changed();
    setForm((current) => ({
      ...current,
      [list]: (current[list] as AnyRow[]).map((row) => (row.uid === uid ? takeField(row, theirs, field, language) : row)),
    }));
  }

  function addTheirRow(list: ListName, uid: string) {
    const theirRows = conflict?.form[list] as AnyRow[] | undefined;
    const index = theirRows?.findIndex((row) => row.uid === uid) ?? -1;
    if (!theirRows || index < 0) return;
    changed();
    setForm((current) => {
      const rows = [...(current[list] as AnyRow[])];
      // Put it after the row that precedes it in their version, when I have that row.
      const previous = index > 0 ? rows.findIndex((row) => row.uid === theirRows[index - 1].uid) : -1;
      rows.splice(previous + 1, 0, structuredClone(theirRows[index]));
      return { ...current, [list]: rows };
    });
  }

  function discardMine() {
    if (!conflict) return;
    setForm(conflict.form);
    setSaved(conflict.form);
    setInfo({ base: conflict.base, draftId: conflict.draftId, revision: conflict.revision, latestNumber: conflict.latestNumber });
    setServerPending(conflict.pending);
    setConflict(null);
    setErrors({});
    setFormError(null);
    setJustSaved(false);
  }

  // --- rendering -----------------------------------------------------------------

  const context: RowContext = {
    locale,
    options,
    categories: form.dataCategories,
    error: (path) => errors[path],
    pending: (path) => pending[path],
  };

  const status = saving
    ? t("status.saving")
    : dirty
      ? t("status.unsaved")
      : justSaved
        ? t("savedMessage")
        : info.draftId
          ? t("status.draft", { revision: info.revision })
          : info.latestNumber
            ? t("status.noDraft", { number: info.latestNumber })
            : t("status.empty");

  return (
    <form onSubmit={submit} noValidate className="space-y-8" data-testid="statement-editor">
      <input type="hidden" name="content" value={json} />
      <input type="hidden" name="base" value={info.base} />

      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-line bg-white/95 px-4 py-3">
        <p role="status" className="text-sm font-medium" data-testid="save-status">
          {status}
        </p>
        {canEdit && (
          <button
            type="submit"
            disabled={saving}
            aria-disabled={saving}
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
            data-testid="save"
          >
            {t("save")}
          </button>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      {!canEdit && <p className="rounded border border-line bg-gray-50 p-3">{t("readOnly")}</p>}
      {formError && <ErrorSummary formError={formError} errors={errors} form={form} locale={locale} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          base={saved}
          mine={form}
          locale={locale}
          saving={saving}
          onTakeField={takeTheirField}
          onAddRow={addTheirRow}
          onRemoveRow={removeRow}
          onDiscard={discardMine}
        />
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <GapList gaps={gaps} form={form} locale={locale} settingsHref={links.settings} />
        <TranslationList pending={pending} form={form} locale={locale} canEdit={canEdit} saving={saving} />
      </div>

      <nav aria-label={t("nav.lists")} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {editorOrder.map((list) => (
            <li key={list}>
              <a href={`#${listId(list)}`} className="inline-block min-h-6">
                {t(`lists.${list}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <fieldset disabled={!canEdit} className="min-w-0 space-y-10">
        <DeclarationFields form={form} controller={controller} update={updateDeclarations} />
        {editorOrder.map((list) => (
          <section key={list} id={listId(list)} tabIndex={-1} aria-labelledby={`${listId(list)}-heading`} className="scroll-mt-20 space-y-4">
            <div>
              <h2 id={`${listId(list)}-heading`} className="text-2xl font-semibold">
                {t(`lists.${list}.title`)}
              </h2>
              <p className="text-muted">{t(`lists.${list}.intro`)}</p>
              {errors[list] && <p className="mt-1 font-medium text-red-700">{errorText(errors[list])}</p>}
            </div>
            {form[list].length === 0 && <p>{t(`lists.${list}.empty`)}</p>}
            {(form[list] as AnyRow[]).map((row, index) => (
              <RowFieldset
                key={row.uid}
                list={list}
                row={row}
                index={index}
                count={form[list].length}
                name={rowName(list, row, locale, form.dataCategories)}
                onMove={(delta) => moveRow(list, row.uid, delta)}
                onRemove={() => removeRow(list, row.uid)}
              >
                <RowFields list={list} row={row} update={(patch) => updateRow(list, row.uid, patch)} context={context} />
              </RowFieldset>
            ))}
            <button
              type="button"
              id={`add-${list}`}
              onClick={() => addRow(list)}
              className="rounded border border-gray-600 bg-white px-3 py-2 font-medium hover:bg-gray-100"
            >
              <span aria-hidden="true">+ </span>
              {t(`lists.${list}.add`)}
            </button>
          </section>
        ))}
      </fieldset>

      {canEdit && (
        <div className="flex justify-end">
          <button
            type="submit"
            disabled={saving}
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
          >
            {t("save")}
          </button>
        </div>
      )}
    </form>
  );
}

function RowFieldset({
  list,
  row,
  index,
  count,
  name,
  onMove,
  onRemove,
  children,
}: {
  list: ListName;
  row: AnyRow;
  index: number;
  count: number;
  name: string;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("Editor");
  const number = index + 1;
  const small = "rounded border border-gray-600 bg-white px-2 py-1 text-sm hover:bg-gray-100 disabled:opacity-40";
  return (
    <fieldset id={rowId(list, row.uid)} className="min-w-0 scroll-mt-20 space-y-4 rounded border border-line p-4" data-testid={`row-${list}`}>
      <legend className="px-1 text-lg font-semibold">
        {t(`lists.${list}.one`, { number })}
        {name && <span className="font-normal">: {name}</span>}
      </legend>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" id={`up-${row.uid}`} className={small} onClick={() => onMove(-1)} disabled={index === 0}>
          <span aria-hidden="true">↑ </span>
          {t(`lists.${list}.moveUp`, { number })}
        </button>
        <button type="button" id={`down-${row.uid}`} className={small} onClick={() => onMove(1)} disabled={index === count - 1}>
          <span aria-hidden="true">↓ </span>
          {t(`lists.${list}.moveDown`, { number })}
        </button>
        <button type="button" className={`${small} text-red-800`} onClick={onRemove}>
          {t(`lists.${list}.remove`, { number })}
        </button>
      </div>
      {children}
    </fieldset>
  );
}

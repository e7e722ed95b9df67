import type { Locale, LocalizedText, StatementContent } from "./content";

/**
 * The translation check: which texts were edited in one language and still wait for
 * the other. Each save compares the localized fields before and after it and carries
 * the pending state forward.
 */

/** Where a localized text lives, e.g. `purposes.<rowId>.name`. */
export type FieldPath = string;

/** An id per row of each content array, in the same order as the rows. */
export interface RowIds {
  sections: string[];
  dataCategories: string[];
  purposes: string[];
  recipients: string[];
  cookies: string[];
  retention: string[];
}

/** Per field, the locale that still needs translating. */
export type PendingTranslations = Record<FieldPath, Locale>;

export function localizedFields(content: StatementContent, rowIds: RowIds): Map<FieldPath, LocalizedText> {
  const fields = new Map<FieldPath, LocalizedText>();
  const addRows = <Row>(
    list: keyof RowIds,
    rows: Row[],
    textsOf: (row: Row) => Record<string, LocalizedText | null>,
  ) => {
    const ids = rowIds[list];
    if (ids.length !== rows.length) throw new Error(`${list}: ${rows.length} rows but ${ids.length} ids`);
    rows.forEach((row, index) => {
      for (const [field, text] of Object.entries(textsOf(row))) {
        if (text) fields.set(`${list}.${ids[index]}.${field}`, text);
      }
    });
  };

  addRows("sections", content.sections, (s) => ({ title: s.title, body: s.body }));
  addRows("dataCategories", content.dataCategories, (c) => ({ name: c.name, description: c.description, source: c.source }));
  addRows("purposes", content.purposes, (p) => ({
    name: p.name,
    description: p.description,
    // Only shown, and so only worth translating, where it is the basis.
    legitimateInterest: p.legalBasis === "LEGITIMATE_INTEREST" ? p.legitimateInterest : null,
    provisionNote: p.provisionNote,
  }));
  addRows("recipients", content.recipients, (r) => ({ purpose: r.purpose, dataShared: r.dataShared }));
  addRows("cookies", content.cookies, (c) => ({ purpose: c.purpose }));
  addRows("retention", content.retention, (r) => ({ criteria: r.criteria }));
  return fields;
}

const isBlank = (text: string) => text.trim() === "";
const otherLocale = (locale: Locale): Locale => (locale === "nl" ? "en" : "nl");

/** The pending state of one field after a save; undefined when nothing waits. */
function pendingAfterSave(previous: Locale | undefined, before: LocalizedText | undefined, after: LocalizedText): Locale | undefined {
  const nlBlank = isBlank(after.nl);
  const enBlank = isBlank(after.en);
  if (nlBlank && enBlank) return undefined;
  if (nlBlank) return "nl";
  if (enBlank) return "en";
  if (!before) return undefined;

  const changed = (locale: Locale) => before[locale].trim() !== after[locale].trim();
  const nlChanged = changed("nl");
  const enChanged = changed("en");
  if (nlChanged === enChanged) return nlChanged ? undefined : previous;
  const edited: Locale = nlChanged ? "nl" : "en";
  // Editing the locale that was waiting is its translation; editing the other one makes that one wait.
  return previous === edited ? undefined : otherLocale(edited);
}

export function updatePending(
  previous: PendingTranslations,
  before: Map<FieldPath, LocalizedText>,
  after: Map<FieldPath, LocalizedText>,
): PendingTranslations {
  const pending: PendingTranslations = {};
  for (const [path, text] of after) {
    const locale = pendingAfterSave(previous[path], before.get(path), text);
    if (locale) pending[path] = locale;
  }
  return pending;
}

/**
 * The editor decided the field needs no translation. It stays dismissed until one of
 * its languages is edited again, unless one language is empty: that is always pending.
 */
export function dismiss(pending: PendingTranslations, path: FieldPath): PendingTranslations {
  const { [path]: _dismissed, ...rest } = pending;
  return rest;
}

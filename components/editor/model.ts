import type { GapCode } from "@/lib/policy/completeness";
import type {
  CookieContent,
  DataCategoryContent,
  Declarations,
  Locale,
  LocalizedText,
  PurposeContent,
  RecipientContent,
  RetentionRuleContent,
  StatementContent,
  StatementSection,
} from "@/lib/policy/content";
import type { RowIds } from "@/lib/policy/translation";

/**
 * The editor's working copy of the draft, as the person typed it: numbers and optional
 * choices are kept as text ("" for none), so a wrong value stays visible until the
 * server's check names it. Every row has a uid (new rows get one in the browser).
 * Plain data and functions only; used by the client editor and its tests.
 */

type Typed<T, Keys extends keyof T> = Omit<T, Keys | "uid"> & { uid: string } & { [K in Keys]: string };

export type FormSection = Typed<StatementSection, never>;
export type FormCategory = Typed<DataCategoryContent, "origin" | "publiclyAccessible">;
export type FormPurpose = Typed<PurposeContent, never>;
export type FormRecipient = Typed<RecipientContent, "country" | "safeguard" | "policyUrl">;
export type FormCookie = Typed<CookieContent, "lifetimeValue">;
export type FormRetention = Typed<RetentionRuleContent, "periodValue" | "periodUnit">;

export interface FormContent {
  declarations: Declarations;
  sections: FormSection[];
  dataCategories: FormCategory[];
  purposes: FormPurpose[];
  recipients: FormRecipient[];
  cookies: FormCookie[];
  retention: FormRetention[];
}

export const lists = ["sections", "dataCategories", "purposes", "recipients", "cookies", "retention"] as const;
export type ListName = (typeof lists)[number];
export type FormRow<L extends ListName> = FormContent[L][number];
export type AnyRow = FormRow<ListName>;

/** The order the editor shows the lists in. */
export const editorOrder: ListName[] = ["dataCategories", "purposes", "recipients", "retention", "cookies", "sections"];

export const newUid = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

const blank = (): LocalizedText => ({ nl: "", en: "" });
const asText = (value: number | string | boolean | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function toForm(content: StatementContent): FormContent {
  const uid = (row: { uid?: string }) => row.uid ?? newUid();
  return {
    declarations: structuredClone(content.declarations),
    sections: content.sections.map((s) => ({ ...s, uid: uid(s) })),
    dataCategories: content.dataCategories.map((c) => ({
      ...c,
      uid: uid(c),
      origin: asText(c.origin),
      publiclyAccessible: asText(c.publiclyAccessible),
    })),
    purposes: content.purposes.map((p) => ({ ...p, uid: uid(p), dataCategoryKeys: [...p.dataCategoryKeys] })),
    recipients: content.recipients.map((r) => ({
      ...r,
      uid: uid(r),
      country: asText(r.country),
      safeguard: asText(r.safeguard),
      policyUrl: asText(r.policyUrl),
    })),
    cookies: content.cookies.map((c) => ({ ...c, uid: uid(c), lifetimeValue: asText(c.lifetimeValue) })),
    retention: content.retention.map((r) => ({
      ...r,
      uid: uid(r),
      periodValue: asText(r.periodValue),
      periodUnit: asText(r.periodUnit),
    })),
  };
}

const wholeNumber = (typed: string): number | null => (/^\s*\d{1,6}\s*$/.test(typed) && Number(typed) > 0 ? Number(typed) : null);
const orNull = <T extends string>(typed: string): T | null => (typed.trim() === "" ? null : (typed.trim() as T));

/** The working copy as content, as well as it can be read (a wrong number counts as none); for the live checks. */
export function fromForm(form: FormContent): StatementContent {
  return {
    declarations: form.declarations,
    sections: form.sections,
    dataCategories: form.dataCategories.map((c) => ({
      ...c,
      origin: orNull(c.origin),
      publiclyAccessible: c.publiclyAccessible === "" ? null : c.publiclyAccessible === "true",
    })),
    purposes: form.purposes,
    recipients: form.recipients.map((r) => ({
      ...r,
      country: orNull(r.country)?.toUpperCase() ?? null,
      safeguard: orNull(r.safeguard),
      policyUrl: orNull(r.policyUrl),
    })),
    cookies: form.cookies.map((c) => ({ ...c, lifetimeValue: wholeNumber(c.lifetimeValue) })),
    retention: form.retention.map((r) => ({ ...r, periodValue: wholeNumber(r.periodValue), periodUnit: orNull(r.periodUnit) })),
  } as StatementContent;
}

export function blankRow<L extends ListName>(list: L): FormRow<L> {
  const uid = newUid();
  const rows: { [K in ListName]: FormRow<K> } = {
    sections: { uid, placement: "END", title: blank(), body: blank() },
    dataCategories: { uid, key: "", name: blank(), description: blank(), origin: "", source: blank(), publiclyAccessible: "" },
    purposes: {
      uid,
      name: blank(),
      description: blank(),
      legalBasis: "CONTRACT",
      legitimateInterest: blank(),
      dataCategoryKeys: [],
      provision: "VOLUNTARY",
      provisionNote: blank(),
    },
    recipients: { uid, name: "", role: "PROCESSOR", purpose: blank(), dataShared: blank(), country: "", safeguard: "", policyUrl: "" },
    cookies: { uid, name: "", provider: "", purpose: blank(), category: "STRICTLY_NECESSARY", lifetimeValue: "", lifetimeUnit: "SESSION" },
    retention: { uid, dataCategoryKey: "", periodValue: "", periodUnit: "", criteria: blank() },
  };
  return rows[list];
}

export function rowIdsOf(form: FormContent): RowIds {
  const ids = (rows: Array<{ uid: string }>) => rows.map((row) => row.uid);
  return {
    sections: ids(form.sections),
    dataCategories: ids(form.dataCategories),
    purposes: ids(form.purposes),
    recipients: ids(form.recipients),
    cookies: ids(form.cookies),
    retention: ids(form.retention),
  };
}

// ---------------------------------------------------------------------------------
// Fields, as the editor, its error messages, the translation list and the conflict view name them.

export type FieldKind = "localized" | "text" | "choice" | "keys";

export const listFields: { [L in ListName]: Array<{ name: Exclude<keyof FormRow<L>, "uid"> & string; kind: FieldKind }> } = {
  sections: [
    { name: "placement", kind: "choice" },
    { name: "title", kind: "localized" },
    { name: "body", kind: "localized" },
  ],
  dataCategories: [
    { name: "key", kind: "text" },
    { name: "name", kind: "localized" },
    { name: "description", kind: "localized" },
    { name: "origin", kind: "choice" },
    { name: "source", kind: "localized" },
    { name: "publiclyAccessible", kind: "choice" },
  ],
  purposes: [
    { name: "name", kind: "localized" },
    { name: "description", kind: "localized" },
    { name: "legalBasis", kind: "choice" },
    { name: "legitimateInterest", kind: "localized" },
    { name: "dataCategoryKeys", kind: "keys" },
    { name: "provision", kind: "choice" },
    { name: "provisionNote", kind: "localized" },
  ],
  recipients: [
    { name: "name", kind: "text" },
    { name: "role", kind: "choice" },
    { name: "purpose", kind: "localized" },
    { name: "dataShared", kind: "localized" },
    { name: "country", kind: "choice" },
    { name: "safeguard", kind: "choice" },
    { name: "policyUrl", kind: "text" },
  ],
  cookies: [
    { name: "name", kind: "text" },
    { name: "provider", kind: "text" },
    { name: "purpose", kind: "localized" },
    { name: "category", kind: "choice" },
    { name: "lifetimeValue", kind: "text" },
    { name: "lifetimeUnit", kind: "choice" },
  ],
  retention: [
    { name: "dataCategoryKey", kind: "choice" },
    { name: "periodValue", kind: "text" },
    { name: "periodUnit", kind: "choice" },
    { name: "criteria", kind: "localized" },
  ],
};

/** The id of a field's input, e.g. `f-purposes-<uid>-name-en`; gap and error links point at it. */
export function fieldId(list: ListName, uid: string, field: string, locale?: Locale): string {
  return ["f", list, uid, field, locale].filter(Boolean).join("-");
}

export const rowId = (list: ListName, uid: string) => `row-${list}-${uid}`;
export const listId = (list: ListName) => `list-${list}`;

/** The first input of a row, to put focus in when the row is added. */
export function firstFieldId(list: ListName, uid: string): string {
  const first: Record<ListName, [string, Locale?]> = {
    sections: ["title", "nl"],
    dataCategories: ["name", "nl"],
    purposes: ["name", "nl"],
    recipients: ["name"],
    cookies: ["name"],
    retention: ["dataCategoryKey"],
  };
  const [field, locale] = first[list];
  return fieldId(list, uid, field, locale);
}
/** How a person recognises a row: its name or title in the reading language, else the other language, else its position. */
export function rowName(list: ListName, row: AnyRow, locale: Locale, categories: FormCategory[] = []): string {
  const other: Locale = locale === "nl" ? "en" : "nl";
  const pick = (text: LocalizedText) => text[locale].trim() || text[other].trim();
  switch (list) {
    case "sections":
      return pick((row as FormSection).title);
    case "dataCategories":
      return pick((row as FormCategory).name) || (row as FormCategory).key;
    case "purposes":
      return pick((row as FormPurpose).name);
    case "recipients":
    case "cookies":
      return (row as FormRecipient | FormCookie).name.trim();
    case "retention": {
      const key = (row as FormRetention).dataCategoryKey;
      const category = categories.find((c) => c.key === key);
      return category ? pick(category.name) || key : key;
    }
  }
}

// ---------------------------------------------------------------------------------
// Server answers name fields by position (`purposes.2.name.nl`); the editor keeps them by row uid.

/** Turns `purposes.2.name.nl` into `purposes.<uid>.name.nl` using the content as it was sent. */
export function errorsByUid(errors: Record<string, string>, sent: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, key] of Object.entries(errors)) {
    const [list, index, ...rest] = path.split(".");
    const rows = (sent as Record<string, Array<{ uid?: string }>> | null)?.[list];
    const uid = Array.isArray(rows) && /^\d+$/.test(index ?? "") ? rows[Number(index)]?.uid : undefined;
    // An item of a list field (purposes.2.dataCategoryKeys.0) is reported on the field.
    const [field, part] = rest;
    const tail = part !== undefined && /^\d+$/.test(part) ? [field] : rest;
    const mapped = uid ? [list, uid, ...tail].join(".") : path;
    result[mapped] ??= key;
  }
  return result;
}

// ---------------------------------------------------------------------------------
// Completeness gaps point at the field that lacks something.

const gapFields: Partial<Record<GapCode, { list: ListName; field?: string }>> = {
  noPurposes: { list: "purposes" },
  purposeNameMissing: { list: "purposes", field: "name" },
  purposeDescriptionMissing: { list: "purposes", field: "description" },
  purposeLegalBasisMissing: { list: "purposes", field: "legalBasis" },
  legitimateInterestMissing: { list: "purposes", field: "legitimateInterest" },
  purposeDataCategoriesMissing: { list: "purposes", field: "dataCategoryKeys" },
  purposeDataCategoryUnknown: { list: "purposes", field: "dataCategoryKeys" },
  provisionNoteMissing: { list: "purposes", field: "provisionNote" },
  dataCategoryNameMissing: { list: "dataCategories", field: "name" },
  sourceNotStated: { list: "dataCategories", field: "origin" },
  sourceMissing: { list: "dataCategories", field: "source" },
  publicSourceNotStated: { list: "dataCategories", field: "publiclyAccessible" },
  placeholderRecipient: { list: "recipients", field: "name" },
  recipientCountryUnknown: { list: "recipients", field: "country" },
  transferSafeguardMissing: { list: "recipients", field: "safeguard" },
  transferSafeguardUnfit: { list: "recipients", field: "safeguard" },
  retentionMissing: { list: "retention" },
  retentionPeriodMissing: { list: "retention", field: "periodUnit" },
  retentionCriteriaMissing: { list: "retention", field: "criteria" },
  retentionVague: { list: "retention", field: "criteria" },
  retentionDuplicate: { list: "retention", field: "dataCategoryKey" },
  duplicateHeading: { list: "sections", field: "title" },
  sectionTitleMissing: { list: "sections", field: "title" },
  sectionBodyMissing: { list: "sections", field: "body" },
  cookiePurposeMissing: { list: "cookies", field: "purpose" },
};

/** Gaps fixed in the editor's declarations, by the id of the input that fixes them. */
const declarationGaps: Partial<Record<GapCode, string>> = {
  recipientsNotStated: "decl-noRecipients",
  cookiesNotStated: "decl-noCookies",
  automatedDecisionsNotStated: "decl-automatedDecisions",
  automatedDecisionLogicMissing: "decl-automatedDecisionLogic",
  automatedDecisionConsequencesMissing: "decl-automatedDecisionConsequences",
  representativeMissing: "decl-representativeName",
  safeguardCopyMissing: "decl-safeguardCopy",
};
/** Gaps fixed either in the company details or by a declaration; the editor links to the declaration. */
const declarationOrSettings: Partial<Record<GapCode, string>> = { dpoNotStated: "decl-noDpo" };

export const declarationsId = "declarations";

/** Where in the editor a gap can be fixed: a field's id, a list's id, or null for the company details. */
export function gapTarget(form: FormContent, gap: { code: GapCode; row?: number; locale?: Locale }): string | null {
  const declared = declarationGaps[gap.code] ?? declarationOrSettings[gap.code];
  if (declared) {
    const localized = ["decl-automatedDecisionLogic", "decl-automatedDecisionConsequences", "decl-safeguardCopy"].includes(declared);
    return localized ? `${declared}-${gap.locale ?? "nl"}` : declared;
  }
  const place = gapFields[gap.code];
  if (!place) return null;
  const uid = gap.row === undefined ? undefined : form[place.list][gap.row]?.uid;
  if (!uid || !place.field) return listId(place.list);
  const localized = listFields[place.list].find((f) => f.name === place.field)?.kind === "localized";
  return fieldId(place.list, uid, place.field, localized ? (gap.locale ?? "nl") : undefined);
}

// ---------------------------------------------------------------------------------
// What changed between two versions of the content, field by field: for the conflict view.

export type ContentChange =
  | { kind: "field"; list: ListName; uid: string; field: string; locale?: Locale; theirs: string; base: string }
  | { kind: "added"; list: ListName; uid: string }
  | { kind: "removed"; list: ListName; uid: string }
  | { kind: "order"; list: ListName };

function fieldValues(list: ListName, row: AnyRow): Array<{ field: string; locale?: Locale; value: string }> {
  const values: Array<{ field: string; locale?: Locale; value: string }> = [];
  for (const { name, kind } of listFields[list] as Array<{ name: string; kind: FieldKind }>) {
    const value = (row as unknown as Record<string, unknown>)[name];
    if (kind === "localized") {
      const text = value as LocalizedText;
      values.push({ field: name, locale: "nl", value: text.nl }, { field: name, locale: "en", value: text.en });
    } else if (kind === "keys") values.push({ field: name, value: (value as string[]).join(", ") });
    else values.push({ field: name, value: String(value ?? "") });
  }
  return values;
}

/** What `theirs` changed compared with `base`: fields, rows added or removed, and order. */
export function contentChanges(base: FormContent, theirs: FormContent): ContentChange[] {
  const changes: ContentChange[] = [];
  for (const list of editorOrder) {
    const baseRows = new Map<string, AnyRow>(base[list].map((row) => [row.uid, row]));
    const theirRows = new Map<string, AnyRow>(theirs[list].map((row) => [row.uid, row]));
    for (const [uid, row] of theirRows) {
      const before = baseRows.get(uid);
      if (!before) {
        changes.push({ kind: "added", list, uid });
        continue;
      }
      const beforeValues = fieldValues(list, before);
      fieldValues(list, row).forEach((entry, index) => {
        if (entry.value !== beforeValues[index].value) {
          changes.push({ kind: "field", list, uid, field: entry.field, locale: entry.locale, theirs: entry.value, base: beforeValues[index].value });
        }
      });
    }
    for (const uid of baseRows.keys()) if (!theirRows.has(uid)) changes.push({ kind: "removed", list, uid });
    const common = (rows: AnyRow[], other: Map<string, AnyRow>) => rows.map((row) => row.uid).filter((uid) => other.has(uid));
    if (common(base[list], theirRows).join() !== common(theirs[list], baseRows).join()) changes.push({ kind: "order", list });
  }
  return changes;
}

/** A field's value in a row, as the conflict view shows it. */
export function fieldValue(list: ListName, row: AnyRow | undefined, field: string, locale?: Locale): string | undefined {
  if (!row) return undefined;
  return fieldValues(list, row).find((entry) => entry.field === field && entry.locale === locale)?.value;
}

/** Copies one field of their row into mine. */
export function takeField<L extends ListName>(mine: FormRow<L>, theirs: FormRow<L>, field: string, locale?: Locale): FormRow<L> {
  const mineRecord = mine as unknown as Record<string, unknown>;
  const theirValue = (theirs as unknown as Record<string, unknown>)[field];
  if (locale) {
    return { ...mine, [field]: { ...(mineRecord[field] as LocalizedText), [locale]: (theirValue as LocalizedText)[locale] } };
  }
  return { ...mine, [field]: Array.isArray(theirValue) ? [...theirValue] : theirValue };
}

// ---------------------------------------------------------------------------------

export interface Option {
  value: string;
  label: string;
}

/** Labels of the editor's choices, in the reader's language; built on the server. */
export interface EditorOptions {
  placements: Option[];
  legalBases: Option[];
  provisions: Option[];
  roles: Option[];
  safeguards: Option[];
  origins: Option[];
  cookieCategories: Option[];
  units: Option[];
  countries: Option[];
}

"use client";

import { useTranslations } from "next-intl";
import { isInEea } from "@/lib/geo/countries";
import type { Locale, LocalizedText } from "@/lib/policy/content";
import { CheckboxGroup, ChoiceInput, LocalizedInput, TextInput } from "./inputs";
import {
  fieldId,
  type EditorOptions,
  type FormCategory,
  type FormCookie,
  type FormPurpose,
  type FormRecipient,
  type FormRetention,
  type FormRow,
  type FormSection,
  type ListName,
} from "./model";

/** The inputs of one row of each list. */

export interface RowContext {
  locale: Locale;
  options: EditorOptions;
  categories: FormCategory[];
  /** The error key of a field path (`list.uid.field[.locale]`), if the last save named one. */
  error: (path: string) => string | undefined;
  /** The language a localized field waits for, if any. */
  pending: (path: string) => Locale | undefined;
}

interface RowProps<L extends ListName> {
  row: FormRow<L>;
  update: (patch: Partial<FormRow<L>>) => void;
  context: RowContext;
}

function useFieldHelpers<L extends ListName>(list: L, row: FormRow<L>, context: RowContext) {
  const t = useTranslations("Editor");
  const path = (field: string) => `${list}.${row.uid}.${field}`;
  const label = (field: string) => t(`fields.${list}.${field}` as never);
  return {
    t,
    id: (field: string) => fieldId(list, row.uid, field),
    label,
    error: (field: string) => context.error(path(field)),
    localizedErrors: (field: string) => ({ nl: context.error(`${path(field)}.nl`), en: context.error(`${path(field)}.en`) }),
    pending: (field: string) => context.pending(path(field)),
  };
}

export function RowFields<L extends ListName>({ list, ...props }: RowProps<L> & { list: L }) {
  switch (list) {
    case "sections":
      return <SectionFields {...(props as unknown as RowProps<"sections">)} />;
    case "dataCategories":
      return <CategoryFields {...(props as unknown as RowProps<"dataCategories">)} />;
    case "purposes":
      return <PurposeFields {...(props as unknown as RowProps<"purposes">)} />;
    case "recipients":
      return <RecipientFields {...(props as unknown as RowProps<"recipients">)} />;
    case "cookies":
      return <CookieFields {...(props as unknown as RowProps<"cookies">)} />;
    case "retention":
      return <RetentionFields {...(props as unknown as RowProps<"retention">)} />;
  }
}

function Localized<L extends ListName>({
  list,
  row,
  field,
  update,
  context,
  multiline,
  hint,
}: RowProps<L> & { list: L; field: string; multiline?: boolean; hint?: string }) {
  const f = useFieldHelpers(list, row, context);
  return (
    <LocalizedInput
      id={f.id(field)}
      label={f.label(field)}
      value={(row as unknown as Record<string, LocalizedText>)[field]}
      onChange={(value) => update({ [field]: value } as Partial<FormRow<L>>)}
      multiline={multiline}
      errors={f.localizedErrors(field)}
      pending={f.pending(field)}
      hint={hint}
    />
  );
}

function SectionFields({ row, update, context }: RowProps<"sections">) {
  const f = useFieldHelpers("sections", row, context);
  const props = { list: "sections" as const, row, update, context };
  return (
    <div className="space-y-4">
      <ChoiceInput
        id={f.id("placement")}
        label={f.label("placement")}
        value={row.placement}
        onChange={(placement) => update({ placement: placement as FormSection["placement"] })}
        options={context.options.placements}
        error={f.error("placement")}
      />
      <Localized {...props} field="title" />
      <Localized {...props} field="body" multiline hint={f.t("markdownHint")} />
    </div>
  );
}

function CategoryFields({ row, update, context }: RowProps<"dataCategories">) {
  const f = useFieldHelpers("dataCategories", row, context);
  const props = { list: "dataCategories" as const, row, update, context };
  return (
    <div className="space-y-4">
      <Localized {...props} field="name" />
      <TextInput
        id={f.id("key")}
        label={f.label("key")}
        value={row.key}
        onChange={(key) => update({ key })}
        error={f.error("key")}
        hint={f.t("hints.key")}
      />
      <Localized {...props} field="description" multiline />
      <ChoiceInput
        id={f.id("origin")}
        label={f.label("origin")}
        value={row.origin}
        onChange={(origin) => update({ origin })}
        options={context.options.origins}
        empty={f.t("declarations.automated.NOT_STATED")}
        error={f.error("origin")}
      />
      {(row.origin === "OTHER" || row.origin === "BOTH") && (
        <>
          <Localized {...props} field="source" hint={f.t("hints.source")} />
          <ChoiceInput
            id={f.id("publiclyAccessible")}
            label={f.label("publiclyAccessible")}
            value={row.publiclyAccessible}
            onChange={(publiclyAccessible) => update({ publiclyAccessible })}
            options={[
              { value: "true", label: f.t("publicSource.yes") },
              { value: "false", label: f.t("publicSource.no") },
            ]}
            empty={f.t("declarations.automated.NOT_STATED")}
          />
        </>
      )}
    </div>
  );
}

export function categoryOptions(categories: FormCategory[], locale: Locale) {
  const other: Locale = locale === "nl" ? "en" : "nl";
  return categories
    .filter((category) => category.key.trim() !== "")
    .map((category) => ({ value: category.key, label: category.name[locale].trim() || category.name[other].trim() || category.key }));
}

function PurposeFields({ row, update, context }: RowProps<"purposes">) {
  const f = useFieldHelpers("purposes", row, context);
  const props = { list: "purposes" as const, row, update, context };
  const known = categoryOptions(context.categories, context.locale);
  const unknown = row.dataCategoryKeys
    .filter((key) => !known.some((option) => option.value === key))
    .map((key) => ({ value: key, label: f.t("unknownCategory", { key }) }));
  return (
    <div className="space-y-4">
      <Localized {...props} field="name" />
      <Localized {...props} field="description" multiline />
      <ChoiceInput
        id={f.id("legalBasis")}
        label={f.label("legalBasis")}
        value={row.legalBasis}
        onChange={(legalBasis) => update({ legalBasis: legalBasis as FormPurpose["legalBasis"] })}
        options={context.options.legalBases}
        error={f.error("legalBasis")}
      />
      {row.legalBasis === "LEGITIMATE_INTEREST" && <Localized {...props} field="legitimateInterest" multiline />}
      <CheckboxGroup
        id={f.id("dataCategoryKeys")}
        legend={f.label("dataCategoryKeys")}
        options={[...known, ...unknown]}
        selected={row.dataCategoryKeys}
        onChange={(dataCategoryKeys) => update({ dataCategoryKeys })}
        empty={f.t("noCategories")}
        error={f.error("dataCategoryKeys")}
      />
      <ChoiceInput
        id={f.id("provision")}
        label={f.label("provision")}
        value={row.provision}
        onChange={(provision) => update({ provision: provision as FormPurpose["provision"] })}
        options={context.options.provisions}
        error={f.error("provision")}
      />
      <Localized {...props} field="provisionNote" />
    </div>
  );
}

function RecipientFields({ row, update, context }: RowProps<"recipients">) {
  const f = useFieldHelpers("recipients", row, context);
  const props = { list: "recipients" as const, row, update, context };
  const country = row.country.trim().toUpperCase();
  const outsideEea = country !== "" && country !== "EU" && !isInEea(country);
  return (
    <div className="space-y-4">
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-2">
        <TextInput id={f.id("name")} label={f.label("name")} value={row.name} onChange={(name) => update({ name })} error={f.error("name")} />
        <ChoiceInput
          id={f.id("role")}
          label={f.label("role")}
          value={row.role}
          onChange={(role) => update({ role: role as FormRecipient["role"] })}
          options={context.options.roles}
          error={f.error("role")}
        />
      </div>
      <Localized {...props} field="purpose" />
      <Localized {...props} field="dataShared" />
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-2">
        <ChoiceInput
          id={f.id("country")}
          label={f.label("country")}
          value={row.country}
          onChange={(value) => update({ country: value })}
          options={context.options.countries}
          empty={f.t("countryUnknown")}
          error={f.error("country")}
        />
        <ChoiceInput
          id={f.id("safeguard")}
          label={f.label("safeguard")}
          value={row.safeguard}
          onChange={(safeguard) => update({ safeguard })}
          options={context.options.safeguards}
          empty={f.t("none")}
          error={f.error("safeguard")}
          hint={outsideEea ? f.t("outsideEea") : undefined}
        />
      </div>
      <TextInput
        id={f.id("policyUrl")}
        label={f.label("policyUrl")}
        type="url"
        value={row.policyUrl}
        onChange={(policyUrl) => update({ policyUrl })}
        error={f.error("policyUrl")}
        hint={f.t("hints.policyUrl")}
      />
    </div>
  );
}

function CookieFields({ row, update, context }: RowProps<"cookies">) {
  const f = useFieldHelpers("cookies", row, context);
  const props = { list: "cookies" as const, row, update, context };
  return (
    <div className="space-y-4">
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-2">
        <TextInput id={f.id("name")} label={f.label("name")} value={row.name} onChange={(name) => update({ name })} error={f.error("name")} />
        <TextInput
          id={f.id("provider")}
          label={f.label("provider")}
          value={row.provider}
          onChange={(provider) => update({ provider })}
          error={f.error("provider")}
        />
      </div>
      <Localized {...props} field="purpose" />
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-3">
        <ChoiceInput
          id={f.id("category")}
          label={f.label("category")}
          value={row.category}
          onChange={(category) => update({ category: category as FormCookie["category"] })}
          options={context.options.cookieCategories}
          error={f.error("category")}
        />
        <ChoiceInput
          id={f.id("lifetimeUnit")}
          label={f.label("lifetimeUnit")}
          value={row.lifetimeUnit}
          onChange={(unit) => update({ lifetimeUnit: unit as FormCookie["lifetimeUnit"] })}
          options={context.options.units}
          error={f.error("lifetimeUnit")}
        />
        {row.lifetimeUnit !== "SESSION" && (
          <TextInput
            id={f.id("lifetimeValue")}
            label={f.label("lifetimeValue")}
            inputMode="numeric"
            value={row.lifetimeValue}
            onChange={(lifetimeValue) => update({ lifetimeValue })}
            error={f.error("lifetimeValue")}
            hint={f.t("hints.lifetimeValue")}
          />
        )}
      </div>
    </div>
  );
}

function RetentionFields({ row, update, context }: RowProps<"retention">) {
  const f = useFieldHelpers("retention", row, context);
  const props = { list: "retention" as const, row, update, context };
  return (
    <div className="space-y-4">
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-3">
        <ChoiceInput
          id={f.id("dataCategoryKey")}
          label={f.label("dataCategoryKey")}
          value={row.dataCategoryKey}
          onChange={(dataCategoryKey) => update({ dataCategoryKey })}
          options={categoryOptions(context.categories, context.locale)}
          empty={f.t("choose")}
          error={f.error("dataCategoryKey")}
        />
        <ChoiceInput
          id={f.id("periodUnit")}
          label={f.label("periodUnit")}
          value={row.periodUnit}
          onChange={(periodUnit) => update({ periodUnit, ...(periodUnit === "" ? { periodValue: "" } : {}) } as Partial<FormRetention>)}
          options={context.options.units.filter((unit) => unit.value !== "SESSION")}
          empty={f.t("noFixedPeriod")}
          error={f.error("periodUnit")}
        />
        {row.periodUnit !== "" && (
          <TextInput
            id={f.id("periodValue")}
            label={f.label("periodValue")}
            inputMode="numeric"
            value={row.periodValue}
            onChange={(periodValue) => update({ periodValue })}
            error={f.error("periodValue")}
            hint={f.t("hints.lifetimeValue")}
          />
        )}
      </div>
      <Localized {...props} field="criteria" multiline />
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { fileRequest } from "@/app/[locale]/t/[tenant]/portal/actions";
import { filePublicRequest } from "@/app/[locale]/t/[tenant]/request/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

type RequestType = "ACCESS" | "RECTIFICATION" | "ERASURE" | "RESTRICTION" | "OBJECTION" | "PORTABILITY" | "AUTOMATED_DECISION";

interface Props {
  mode: "portal" | "public";
  tenant: string;
  locale: string;
  company: string;
  type: RequestType;
  /** Consent purposes someone can object to: key and title. */
  purposes: Array<{ key: string; title: string }>;
  initialDetails?: string;
  /** Portal: the page of a request, with {reference} in it. */
  requestHref?: string;
}

/**
 * A data-subject request of one type. In the portal the person is known; on the public
 * page they also give their address, which they confirm by mail.
 */
export function RequestForm({ mode, tenant, locale, company, type, purposes, initialDetails, requestHref }: Props) {
  const t = useTranslations("Requests");
  const [state, action] = useActionState(mode === "portal" ? fileRequest : filePublicRequest, idle);

  if (state.status === "success") {
    if (mode === "public") {
      return (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="request-sent">
          {t("public.sent")}
        </p>
      );
    }
    const result = state.result as { reference: string; merged: boolean; due: string | null };
    return (
      <div role="status" className="space-y-2 rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="request-created">
        <p>{result.merged ? t("form.merged", { reference: result.reference }) : t("form.created", { reference: result.reference, company, due: result.due ?? "" })}</p>
        {requestHref && (
          <p>
            <a href={requestHref.replace("{reference}", result.reference)}>{t("detail.title", { reference: result.reference })}</a>
          </p>
        )}
      </div>
    );
  }

  const detailsRequired = type === "RECTIFICATION" || type === "OBJECTION" || type === "AUTOMATED_DECISION";
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate data-testid="request-form">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="type" value={type} />
      <FormMessage state={state} />
      {mode === "public" && (
        <>
          <TextField name="email" type="email" autoComplete="email" label={t("public.email")} hint={t("public.emailHint")} state={state} required />
          <TextField name="name" autoComplete="name" label={t("public.name")} state={state} />
        </>
      )}
      {type === "OBJECTION" && (
        <>
          <SelectField
            name="purpose"
            label={t("form.purpose")}
            state={state}
            required
            defaultValue=""
            options={[
              { value: "", label: t("form.purposeChoose") },
              ...purposes.map((p) => ({ value: p.key, label: p.title })),
              { value: "other", label: t("form.purposeOther") },
            ]}
          />
          <TextField name="target" label={t("form.objectionOther")} hint={t("form.objectionOtherHint")} state={state} />
        </>
      )}
      {type === "PORTABILITY" && <TextArea name="target" label={t("form.portabilityTarget")} hint={t("form.portabilityHint")} state={state} rows={3} required />}
      <TextArea
        name="details"
        label={detailsRequired ? t("form.details") : t("form.detailsOptional")}
        hint={t(`form.detailsHint.${type}`)}
        state={state}
        defaultValue={initialDetails}
        rows={5}
        required={detailsRequired}
      />
      <SubmitButton>{t(mode === "portal" ? "form.submit" : "public.submit")}</SubmitButton>
    </form>
  );
}

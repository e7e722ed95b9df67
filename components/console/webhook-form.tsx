"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createEndpoint } from "@/app/[locale]/admin/webhooks/actions";
import { FieldError, FormMessage, SubmitButton, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/** `urlHint` says which addresses this server accepts (WEBHOOK_ALLOWED_NETWORKS is read on the server). */
export function WebhookForm({ locale, urlHint, events }: { locale: string; urlHint: string; events: Array<{ value: string; label: string }> }) {
  const t = useTranslations("Console.webhooks");
  const [state, action] = useActionState(createEndpoint, idle);
  const chosen = Array.isArray(state.values?.events) ? (state.values.events as string[]) : null;
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormMessage state={state} success={t("created")} />
      <TextField name="url" type="url" label={t("url")} hint={urlHint} state={state} required />
      <TextField name="description" label={t("description")} state={state} />
      <fieldset aria-describedby={state.fieldErrors?.events ? "field-events-error" : undefined}>
        <legend className="font-medium">{t("events")}</legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {events.map((event) => (
            <li key={event.value}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="events"
                  value={event.value}
                  defaultChecked={chosen ? chosen.includes(event.value) : true}
                  key={`${event.value}:${String(chosen)}`}
                />
                <code>{event.value}</code> <span className="text-sm text-muted">{event.label}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError state={state} name="events" id="field-events" />
      </fieldset>
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

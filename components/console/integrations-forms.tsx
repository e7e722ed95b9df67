"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createKey, revokeKey } from "@/app/[locale]/admin/integrations/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

interface CreatedKey {
  id: string;
  name: string;
  secret: string;
}

function createdKey(result: unknown): CreatedKey | null {
  if (!result || typeof result !== "object") return null;
  const { id, name, secret } = result as Record<string, unknown>;
  return typeof id === "string" && typeof name === "string" && typeof secret === "string" ? { id, name, secret } : null;
}

/** Makes a key and shows it once: the secret lives only in this form's state, never in the page. */
export function CreateKeyForm({ locale }: { locale: string }) {
  const t = useTranslations("Integrations");
  const [state, action] = useActionState(createKey, idle);
  const created = state.status === "success" ? createdKey(state.result) : null;
  return (
    <div className="space-y-4">
      <form action={action} className="grid max-w-2xl gap-4 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <div className="sm:col-span-2">
          <FormMessage state={state} success={created ? t("created", { name: created.name }) : undefined} />
        </div>
        <TextField name="name" label={t("name")} hint={t("nameHint")} state={created ? idle : state} required />
        <SubmitButton>{t("create")}</SubmitButton>
      </form>
      {created && <NewKey created={created} />}
    </div>
  );
}

function NewKey({ created }: { created: CreatedKey }) {
  const t = useTranslations("Integrations");
  const [copied, setCopied] = useState(false);
  return (
    <div className="max-w-3xl space-y-2 rounded border-2 border-amber-600 bg-amber-50 p-4" data-testid="new-api-key">
      <label htmlFor="new-api-key" className="block font-semibold">
        {t("secretLabel")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="new-api-key"
          readOnly
          value={created.secret}
          aria-describedby="new-api-key-once new-api-key-usage"
          className="min-w-0 flex-1 rounded border border-gray-500 bg-white px-3 py-2 font-mono"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="api-key-secret"
        />
        <button
          type="button"
          className="rounded border border-gray-600 bg-white px-4 py-2 font-medium hover:bg-gray-100"
          onClick={async () => {
            await navigator.clipboard?.writeText(created.secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <p id="new-api-key-once" className="font-medium">
        {t("secretOnce")}
      </p>
      <p id="new-api-key-usage" className="text-sm">
        {t("usage")}
      </p>
    </div>
  );
}

export function RevokeKeyForm({ locale, keyId, name }: { locale: string; keyId: string; name: string }) {
  const t = useTranslations("Integrations");
  const [state, action] = useActionState(revokeKey, idle);
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton variant="danger">{t("revoke", { name })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

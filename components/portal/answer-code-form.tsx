"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";

/** The code mailed to confirm the address before an access answer is downloaded. */
export function AnswerCodeForm({
  action,
  tenant,
  locale,
  token,
  label,
  submit,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  tenant: string;
  locale: string;
  token: string;
  label: string;
  submit: string;
}) {
  const [state, run] = useActionState(action, idle);
  return (
    <form action={run} className="max-w-sm space-y-3" noValidate data-testid="answer-code-form">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <TextField name="code" label={label} state={state} required autoComplete="one-time-code" />
      <SubmitButton>{submit}</SubmitButton>
    </form>
  );
}

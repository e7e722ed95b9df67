"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms/fields";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";

/**
 * The page behind a mailed link shows one button; only pressing it uses the link, so
 * mail scanners that open links do not use them up.
 */
export function TokenForm({
  action,
  tenant,
  locale,
  token,
  label,
  outcomes = {},
  testId,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  tenant: string;
  locale: string;
  token: string;
  label: string;
  /** Message per `outcome` the action returns. */
  outcomes?: Record<string, string>;
  testId?: string;
}) {
  const [state, run] = useActionState(action, idle);
  const outcome = (state.result as { outcome?: string } | undefined)?.outcome;
  if (state.status === "success" && outcome && outcomes[outcome]) {
    return (
      <p role="status" className="rounded border border-line bg-gray-50 p-3" data-testid={testId ? `${testId}-outcome` : undefined}>
        {outcomes[outcome]}
      </p>
    );
  }
  return (
    <form action={run} className="space-y-3" data-testid={testId}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}

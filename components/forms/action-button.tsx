"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/action";
import { idle } from "@/lib/action-state";
import { FormMessage, SubmitButton } from "./fields";

/** A one-button form for an action that needs no input beyond a few hidden values. */
export function ActionButton({
  action,
  fields,
  label,
  variant = "secondary",
  success,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  success?: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormMessage state={state} success={success} />
    </form>
  );
}

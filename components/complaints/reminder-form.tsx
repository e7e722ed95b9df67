"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { remind } from "@/app/[locale]/t/[tenant]/portal/complain/actions";
import { FormMessage, SubmitButton } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/** "Send a reminder" on an open request's page in the portal (lib/complaints/reminders.ts). */
export function ReminderForm({ tenant, locale, reference, company }: { tenant: string; locale: string; reference: string; company: string }) {
  const t = useTranslations("Complaint.reminder");
  const [state, action] = useActionState(remind, idle);
  return (
    <form action={action} className="max-w-2xl space-y-3" noValidate data-testid="send-reminder">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <FormMessage state={state} success={t("sent", { company })} />
      <SubmitButton variant="secondary">{t("submit", { company })}</SubmitButton>
    </form>
  );
}

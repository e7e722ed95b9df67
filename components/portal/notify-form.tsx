"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveNotifications } from "@/app/[locale]/t/[tenant]/portal/actions";
import { FormMessage, SubmitButton } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/** "Mail me when the statement changes materially": a checkbox and a save button (works without JavaScript). */
export function NotifyForm({ tenant, locale, company, enabled }: { tenant: string; locale: string; company: string; enabled: boolean }) {
  const t = useTranslations("Portal.overview");
  const [state, action] = useActionState(saveNotifications, idle);
  return (
    <form action={action} className="space-y-3" data-testid="notify-form">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <FormMessage state={state} success={t("notifySaved")} />
      <div className="flex items-start gap-2">
        <input id="field-notify" name="notify" type="checkbox" defaultChecked={enabled} className="mt-1 h-5 w-5" />
        <label htmlFor="field-notify">{t("notifyLabel", { company })}</label>
      </div>
      <SubmitButton variant="secondary">{t("notifySave")}</SubmitButton>
    </form>
  );
}

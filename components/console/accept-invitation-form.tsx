"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { accept } from "@/app/[locale]/invite/[token]/actions";
import { FormMessage, SubmitButton } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

export function AcceptInvitationForm({ locale, token, company }: { locale: string; token: string; company: string }) {
  const t = useTranslations("Console.invitation");
  const [state, action] = useActionState(accept, idle);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton>{t("accept", { company })}</SubmitButton>
    </form>
  );
}

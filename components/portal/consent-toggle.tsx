"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { toggleConsent } from "@/app/[locale]/t/[tenant]/portal/actions";
import { FormMessage } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/** One button that gives or withdraws consent for one purpose: both equally easy, same look. */
export function ConsentToggle({ tenant, locale, purpose, title, given }: { tenant: string; locale: string; purpose: string; title: string; given: boolean }) {
  const t = useTranslations("Portal.consent");
  const [state, action, pending] = useActionState(toggleConsent, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="given" value={given ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={given ? t("withdrawFor", { purpose: title }) : t("giveFor", { purpose: title })}
        className="rounded border border-gray-600 bg-white px-4 py-2 font-medium hover:bg-gray-100 disabled:opacity-60"
        data-testid={`consent-toggle-${purpose}`}
      >
        {given ? t("withdraw") : t("give")}
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { toggleConsent } from "@/app/[locale]/t/[tenant]/portal/actions";
import { FormMessage } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

/**
 * One button that gives or withdraws consent for one purpose: both equally easy, same
 * look. It posts the wording version the page showed, so the server records exactly
 * that wording and refuses consent to a wording that changed meanwhile (art. 7(1)).
 */
export function ConsentToggle({
  tenant,
  locale,
  purpose,
  title,
  versionId,
  give,
  again = false,
}: {
  tenant: string;
  locale: string;
  purpose: string;
  title: string;
  versionId: string;
  /** true: the button gives consent; false: it withdraws it. */
  give: boolean;
  /** Consent stands for an earlier wording: the button gives it to the wording shown now. */
  again?: boolean;
}) {
  const t = useTranslations("Portal.consent");
  const [state, action, pending] = useActionState(toggleConsent, idle);
  const label = give ? (again ? t("giveAgainFor", { purpose: title }) : t("giveFor", { purpose: title })) : t("withdrawFor", { purpose: title });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="version" value={versionId} />
      <input type="hidden" name="given" value={give ? "true" : "false"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className="rounded border border-gray-600 bg-white px-4 py-2 font-medium hover:bg-gray-100 disabled:opacity-60"
        data-testid={give ? `consent-give-${purpose}` : `consent-withdraw-${purpose}`}
      >
        {give ? (again ? t("giveAgain") : t("give")) : t("withdraw")}
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}

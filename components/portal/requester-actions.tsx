import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { AddInformationForm, WithdrawForm, type Target } from "./request-actions";

/** What the requester can still do with a request: add information or withdraw it while open, else a note that it is closed. */
export function RequesterActions({ open, tenant, locale, company, target }: { open: boolean; tenant: string; locale: Locale; company: string; target: Target }) {
  const t = translator(locale);
  if (!open) {
    return (
      <p className="rounded border border-line bg-gray-50 p-3" data-testid="request-closed">
        {t("Requests.detail.closed")}
      </p>
    );
  }
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="add-info-heading" className="space-y-2">
        <h2 id="add-info-heading" className="text-xl font-semibold">
          {t("Requests.detail.addInfoHeading")}
        </h2>
        <AddInformationForm tenant={tenant} locale={locale} company={company} target={target} />
      </section>
      <section aria-labelledby="withdraw-heading" className="space-y-2">
        <h2 id="withdraw-heading" className="text-xl font-semibold">
          {t("Requests.detail.withdrawHeading")}
        </h2>
        <p className="text-sm">{t("Requests.detail.withdrawHint", { company })}</p>
        <WithdrawForm tenant={tenant} locale={locale} target={target} />
      </section>
    </div>
  );
}

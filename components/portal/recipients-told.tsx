import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import type { RecipientTold } from "@/lib/requests/recipients";
import { formatDateTime } from "./format";

/** Art. 19, second sentence: the recipients the company told of the person's rectification, erasure or restriction. */
export function RecipientsTold({ recipients, locale, company }: { recipients: RecipientTold[]; locale: Locale; company: string }) {
  const t = translator(locale);
  return (
    <section aria-labelledby="recipients-told-heading" className="space-y-2" data-testid="recipients-told">
      <h2 id="recipients-told-heading" className="text-xl font-semibold">
        {t("Requests.detail.recipients.title")}
      </h2>
      {recipients.length === 0 ? (
        <p>{t("Requests.detail.recipients.none", { company })}</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm">{t("Requests.detail.recipients.intro", { company })}</p>
          <ul className="list-disc ps-6">
            {recipients.map((r) => (
              <li key={r.recipientName} data-testid="recipient-told">
                {r.recipientName} <span className="text-sm text-muted">({t("Requests.detail.recipients.told", { date: formatDateTime(r.notifiedAt, locale) })})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

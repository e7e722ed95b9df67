import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { requestTypes } from "@/lib/requests/requests";

/** The kinds of request as links with a line of explanation each; works without JavaScript. */
export function RequestTypeChoice({ locale, hrefFor, heading }: { locale: Locale; hrefFor: (type: string) => string; heading: string }) {
  const t = translator(locale);
  return (
    <section aria-labelledby="request-types-heading" className="space-y-3">
      <h2 id="request-types-heading" className="text-2xl font-semibold">
        {heading}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="request-types">
        {requestTypes.map((type) => (
          <li key={type} className="rounded border border-line p-3">
            <a href={hrefFor(type)} className="font-semibold">
              {t(`Requests.types.${type}.title`)}
            </a>
            <p className="text-sm">{t(`Requests.types.${type}.description`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

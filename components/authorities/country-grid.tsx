import { countryName } from "@/lib/geo/countries";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { dashboardHref } from "./display";

export interface CountryGroups {
  eu: readonly string[];
  eea: readonly string[];
  other: readonly string[];
}

/** A compact, flag-free grid of European countries, each a link to "which one is mine?" for it. */
export function CountryGrid({ groups, chosen, locale, t }: { groups: CountryGroups; chosen: string | null; locale: Locale; t: Translator }) {
  const sections = [
    { key: "eu", label: t("Authorities.grid.eu"), codes: groups.eu },
    { key: "eea", label: t("Authorities.grid.eea"), codes: groups.eea },
    { key: "other", label: t("Authorities.grid.other"), codes: groups.other },
  ] as const;
  const collator = new Intl.Collator(locale);
  return (
    <section aria-labelledby="grid-heading" className="no-print space-y-3" data-testid="country-grid">
      <h2 id="grid-heading" className="text-2xl font-semibold">
        {t("Authorities.grid.heading")}
      </h2>
      <p>{t("Authorities.grid.intro")}</p>
      {sections.map((section) => (
        <div key={section.key} className="space-y-2">
          <h3 id={`grid-${section.key}`} className="font-semibold">
            {section.label}
          </h3>
          <ul aria-labelledby={`grid-${section.key}`} className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 md:grid-cols-5">
            {[...section.codes]
              .sort((a, b) => collator.compare(countryName(a, locale), countryName(b, locale)))
              .map((code) => {
                const current = code === chosen;
                return (
                  <li key={code} className="min-w-0">
                    <a
                      href={dashboardHref(locale, { country: code }, "mine")}
                      aria-current={current ? "true" : undefined}
                      className={`flex h-full min-w-0 items-center justify-between gap-2 rounded border px-2 py-1.5 ${
                        current ? "border-2 border-brand bg-blue-50 font-semibold" : "border-line"
                      }`}
                    >
                      <span className="min-w-0 wrap-break-word">{countryName(code, locale)}</span>{" "}
                      <span className="font-mono text-xs text-muted">{code}</span>
                    </a>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

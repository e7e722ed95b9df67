import type { Authority } from "@/lib/authorities/data";
import { groupByCountry, matchesFilter, type AuthorityFilter } from "@/lib/authorities/search";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { AuthorityEntry } from "./authority-entry";
import { dashboardHref, groupLabel } from "./display";
import { LiveFilter } from "./live-filter";

const FORM_ID = "authority-search";
const LIST_ID = "authority-list";
const EMPTY_ID = "authority-none";

/**
 * Every authority grouped by country, with the search form. The server marks what
 * does not match the query string as hidden; the client filter takes over as one types.
 */
export function AuthorityList({
  authorities,
  filter,
  countries,
  locale,
  t,
}: {
  authorities: readonly Authority[];
  filter: { q: string; country: string | null };
  /** The country filter's options: codes, in display order ("EU" for the EU institutions). */
  countries: readonly string[];
  locale: Locale;
  t: Translator;
}) {
  const groups = groupByCountry(authorities, locale);
  const query: AuthorityFilter = { q: filter.q, country: filter.country };
  const shown = authorities.filter((a) => matchesFilter(a, query)).length;
  return (
    <section id="list" aria-labelledby="list-heading" className="scroll-mt-4 space-y-4">
      <h2 id="list-heading" className="text-2xl font-semibold">
        {t("Authorities.list.heading")}
      </h2>
      <form id={FORM_ID} method="get" action={`/${locale}/authorities#list`} role="search" className="no-print space-y-2">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 grow basis-56 flex-col gap-1">
            <label htmlFor="authority-q" className="font-semibold">
              {t("Authorities.list.searchLabel")}
            </label>
            <input
              id="authority-q"
              name="q"
              type="search"
              defaultValue={filter.q}
              maxLength={100}
              autoComplete="off"
              aria-describedby="authority-q-hint"
              className="w-full rounded border border-muted px-2 py-1.5"
            />
          </div>
          <div className="flex min-w-0 grow basis-48 flex-col gap-1">
            <label htmlFor="authority-country" className="font-semibold">
              {t("Authorities.list.countryLabel")}
            </label>
            <select
              id="authority-country"
              name="country"
              defaultValue={filter.country ?? ""}
              className="w-full rounded border border-muted bg-white px-2 py-1.5"
            >
              <option value="">{t("Authorities.list.allCountries")}</option>
              {countries.map((code) => (
                <option key={code} value={code}>
                  {groupLabel(code, locale, t)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
              {t("Authorities.list.submit")}
            </button>
            <a href={dashboardHref(locale, {}, "list")}>{t("Authorities.list.reset")}</a>
          </div>
        </div>
        <p id="authority-q-hint" className="text-sm text-muted">
          {t("Authorities.list.searchHint")}
        </p>
      </form>
      <LiveFilter
        formId={FORM_ID}
        listId={LIST_ID}
        emptyId={EMPTY_ID}
        initialCount={shown}
        total={authorities.length}
        template={t.raw("Authorities.list.status") as string}
      />
      <p id={EMPTY_ID} hidden={shown > 0} className="rounded border border-line p-3">
        {t("Authorities.list.none")}
      </p>
      <div id={LIST_ID} className="space-y-6">
        {groups.map((group) => {
          const visible = group.authorities.filter((a) => matchesFilter(a, query));
          const headingId = `group-${group.country.toLowerCase()}`;
          return (
            <section key={group.country} data-group={group.country} hidden={visible.length === 0} aria-labelledby={headingId}>
              <h3 id={headingId} className="mb-2 text-xl font-semibold">
                {groupLabel(group.country, locale, t)}
              </h3>
              <ul className="grid gap-3 sm:grid-cols-2">
                {group.authorities.map((authority) => (
                  <AuthorityEntry
                    key={authority.id}
                    authority={authority}
                    locale={locale}
                    t={t}
                    hidden={!visible.includes(authority)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

import { countryName } from "@/lib/geo/countries";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

/**
 * "Where do you live or work?": a GET form with a country select that works without
 * JavaScript, preselected with the country guessed from the browser's language when
 * none was chosen, and saying so.
 */
export function CountryPicker({
  id,
  action,
  locale,
  t,
  countries,
  chosen,
  guessed,
}: {
  /** The select's id; the hint's id is derived from it. */
  id: string;
  action: string;
  locale: Locale;
  t: Translator;
  /** The countries one can choose, in display order. */
  countries: readonly string[];
  chosen: string | null;
  guessed: string | null;
}) {
  const showGuess = !chosen && !!guessed;
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3">
      <div className="flex min-w-0 grow basis-64 flex-col gap-1">
        <label htmlFor={id} className="font-semibold">
          {t("Authorities.mine.label")}
        </label>
        <select
          id={id}
          name="country"
          defaultValue={chosen ?? guessed ?? ""}
          aria-describedby={showGuess ? `${id}-guessed` : undefined}
          className="w-full rounded border border-muted bg-white px-2 py-1.5"
        >
          <option value="">{t("Authorities.mine.choose")}</option>
          {countries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
        {t("Authorities.mine.submit")}
      </button>
      {showGuess && (
        <p id={`${id}-guessed`} className="basis-full text-sm text-muted">
          {t("Authorities.mine.guessed")}
        </p>
      )}
    </form>
  );
}

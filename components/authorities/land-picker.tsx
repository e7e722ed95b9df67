import { landAuthority, lands, type Land } from "@/lib/authorities/competence";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

/** Germany: "In which Land do you live or work?", a GET form that works without JavaScript. */
export function LandPicker({ id, action, locale, t, chosen }: { id: string; action: string; locale: Locale; t: Translator; chosen: Land | null }) {
  const collator = new Intl.Collator(locale);
  const options = lands
    .map((land) => ({ land, name: landAuthority(land).region![locale] }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3" data-testid="land-picker">
      <input type="hidden" name="country" value="DE" />
      <div className="flex min-w-0 grow basis-64 flex-col gap-1">
        <label htmlFor={id} className="font-semibold">
          {t("Authorities.mine.landLabel")}
        </label>
        <select id={id} name="land" defaultValue={chosen ?? ""} className="w-full rounded border border-muted bg-white px-2 py-1.5">
          <option value="">{t("Authorities.mine.landChoose")}</option>
          {options.map(({ land, name }) => (
            <option key={land} value={land}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
        {t("Authorities.mine.landSubmit")}
      </button>
    </form>
  );
}

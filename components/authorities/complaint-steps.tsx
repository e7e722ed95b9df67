import type { Authority } from "@/lib/authorities/data";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { displayName, languageList } from "./display";

/** "How to complain": the same steps everywhere, with this authority's channel and languages. */
export function ComplaintSteps({ authority, locale, t }: { authority: Authority; locale: Locale; t: Translator }) {
  const name = authority.acronym ?? displayName(authority, locale).text;
  return (
    <section aria-labelledby="how-heading" className="space-y-3">
      <h2 id="how-heading" className="text-2xl font-semibold">
        {t("Authorities.detail.howHeading")}
      </h2>
      <ol className="max-w-3xl list-decimal space-y-2 ps-6" data-testid="complaint-steps">
        <li>{t("Authorities.detail.stepOrganisation")}</li>
        <li>{t("Authorities.detail.stepGather")}</li>
        <li>
          {authority.complaintUrl ? (
            <a href={authority.complaintUrl}>{t("Authorities.detail.stepForm", { name })}</a>
          ) : (
            t("Authorities.detail.stepNoForm", { name })
          )}
        </li>
        {authority.complaintLanguages.length > 0 && (
          <li>{t("Authorities.detail.stepLanguage", { name, languages: languageList(authority.complaintLanguages, locale) })}</li>
        )}
        <li>{t("Authorities.detail.stepAfter")}</li>
      </ol>
    </section>
  );
}

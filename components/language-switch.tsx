import { getTranslations } from "next-intl/server";
import { pathInLocale } from "@/lib/i18n/paths";
import { routing } from "@/lib/i18n/routing";
import { requestContext } from "@/lib/request";

/** Links to the page the visitor is on, in each other language. */
export async function LanguageSwitch({ locale }: { locale: string }) {
  const t = await getTranslations({ locale: locale as "nl" | "en", namespace: "Common" });
  const { path } = await requestContext();
  const others = routing.locales.filter((l) => l !== locale);
  return (
    <nav aria-label={t("languageSwitch")} className="no-print">
      <ul className="flex gap-3 text-sm">
        {others.map((other) => (
          <li key={other}>
            <a href={pathInLocale(path, other)} hrefLang={other} lang={other} className="inline-block min-h-6" data-testid={`switch-${other}`}>
              {t("switchTo")}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { Authority } from "@/lib/authorities/data";
import { searchText } from "@/lib/authorities/search";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { authorityHref, displayName, hostOf, langAttr, regionName, secondName } from "./display";

/**
 * One authority in the overview. It carries its search text and country, so the
 * client filter can show and hide it without knowing the data; `hidden` is the
 * server's own filtering, for visitors without JavaScript.
 */
export function AuthorityEntry({
  authority,
  locale,
  t,
  hidden,
}: {
  authority: Authority;
  locale: Locale;
  t: Translator;
  hidden: boolean;
}) {
  const name = displayName(authority, locale);
  const other = secondName(authority, locale);
  const region = regionName(authority, locale);
  return (
    <li
      hidden={hidden}
      data-authority={authority.id}
      data-country={authority.country}
      data-search={searchText(authority)}
      className="min-w-0 rounded border border-line p-3 wrap-break-word"
    >
      <h4 className="font-semibold">
        <a href={authorityHref(locale, authority.id)} lang={langAttr(name.lang, locale)}>
          {name.text}
        </a>
        {authority.acronym && <span className="font-normal"> ({authority.acronym})</span>}
      </h4>
      {other && (
        <p className="text-sm text-muted" lang={langAttr(other.lang, locale)}>
          {other.text}
        </p>
      )}
      {(region || authority.scope === "federal") && (
        <p className="text-sm">{region ? t("Authorities.region", { region }) : t("Authorities.federal")}</p>
      )}
      <p className="text-sm wrap-anywhere">
        <a href={authority.website}>{hostOf(authority.website)}</a>
      </p>
    </li>
  );
}

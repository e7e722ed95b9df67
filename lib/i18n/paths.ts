import { routing } from "./routing";

/** The same path in another locale: the first segment is always the locale. */
export function pathInLocale(path: string, locale: string): string {
  const [pathname, query] = splitQuery(path);
  const segments = pathname.split("/");
  if ((routing.locales as readonly string[]).includes(segments[1] ?? "")) segments[1] = locale;
  else segments.splice(1, 0, locale);
  return segments.join("/").replace(/\/$/, "") + (query ? `?${query}` : "");
}

export function localeAlternates(path: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of routing.locales) languages[locale] = pathInLocale(path, locale);
  languages["x-default"] = pathInLocale(path, routing.defaultLocale);
  return languages;
}

function splitQuery(path: string): [string, string] {
  const index = path.indexOf("?");
  if (index < 0) return [path, ""];
  const params = new URLSearchParams(path.slice(index + 1));
  params.delete("_rsc");
  return [path.slice(0, index), params.toString()];
}

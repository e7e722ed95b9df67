import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import type { Locale } from "@/lib/policy/content";

const byLocale = { nl, en } as const;

/** A translator outside React (route handlers, mail, builders of JSON); same messages as the pages. */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: byLocale[locale] });
}

export type Translator = ReturnType<typeof translator>;

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(date);
}

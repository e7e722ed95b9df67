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

/** A date as people read it ("2 maart 2026"), on the calendar of `timeZone` (a tenant's for its deadlines). */
export function formatDate(date: Date, locale: Locale, timeZone = "Europe/Amsterdam"): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

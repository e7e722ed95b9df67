import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/policy/content";
import { routing } from "./routing";

/** The [locale] route parameter, or a 404 for a language Inzage does not offer. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  return locale;
}

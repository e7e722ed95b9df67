import { defineRouting } from "next-intl/routing";
import { locales } from "@/lib/policy/content";

export const routing = defineRouting({
  locales,
  defaultLocale: "nl",
  localePrefix: "always",
});

export function isLocale(value: string | undefined | null): value is (typeof locales)[number] {
  return !!value && (locales as readonly string[]).includes(value);
}

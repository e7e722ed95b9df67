import { isLocale } from "@/lib/i18n/routing";
import type { Locale } from "@/lib/policy/content";
import { db } from "@/lib/db/client";
import { normaliseEmail } from "./adapter";
import { signIn } from "./index";

/** Where to go after signing in: a path of this app in a known locale, never another site. */
export function safeNextPath(next: string | null | undefined, locale: Locale): string {
  if (next && /^\/[a-z]{2}(\/[A-Za-z0-9\-._~%/?=&]*)?$/.test(next) && !next.startsWith("//") && isLocale(next.slice(1, 3))) return next;
  return `/${locale}/admin`;
}

/** Asks Auth.js to mail a sign-in link; whether the address is known does not change the answer. */
export async function requestSignInLink(email: string, locale: Locale, next?: string | null): Promise<void> {
  // The language someone signs in with is the one their reminders and notices use.
  await (await db()).user.updateMany({ where: { email: normaliseEmail(email) }, data: { locale } });
  await signIn("email", { email, redirect: false, redirectTo: safeNextPath(next, locale) });
}

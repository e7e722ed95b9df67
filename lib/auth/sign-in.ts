import { ActionError } from "@/lib/action";
import { isLocale } from "@/lib/i18n/routing";
import type { Locale } from "@/lib/policy/content";
import { db } from "@/lib/db/client";
import { normaliseEmail } from "./adapter";
import { signIn } from "./index";
import { isSignInMailLimited } from "./sign-in-mail";

/** Where to go after signing in: a path of this app in a known locale, never another site. */
export function safeNextPath(next: string | null | undefined, locale: Locale): string {
  if (next && /^\/[a-z]{2}(\/[A-Za-z0-9\-._~%/?=&]*)?$/.test(next) && !next.startsWith("//") && isLocale(next.slice(1, 3))) return next;
  return `/${locale}/admin`;
}

/**
 * Asks Auth.js to mail a sign-in link; whether the address is known does not change the
 * answer. The limits are counted in Auth.js's flow (lib/auth/index.ts), so no way of
 * asking skips them; a refusal comes back here and becomes the form's "rateLimited" message.
 * Asking changes nothing stored: anyone can ask for anyone's address.
 */
export async function requestSignInLink(email: string, locale: Locale, next?: string | null): Promise<void> {
  try {
    await signIn("email", { email, redirect: false, redirectTo: safeNextPath(next, locale) });
  } catch (error) {
    if (isSignInMailLimited(error)) throw new ActionError("rateLimited");
    throw error;
  }
}

/**
 * After Auth.js answered the link from the mail: when it signed the person in (it set a
 * session cookie, which it does only for a valid token of that address), the language
 * of the page the link leads to becomes the one their reminders and notices use. Only
 * the owner of the address gets here, unlike asking for a link.
 */
export async function rememberSignInLocale(request: Request, response: Response): Promise<void> {
  const url = new URL(request.url);
  if (!url.pathname.endsWith("/callback/email")) return;
  const signedIn = response.headers.getSetCookie().some((cookie) => /^(__Secure-)?authjs\.session-token=[^;]+/.test(cookie));
  const email = url.searchParams.get("email");
  if (!signedIn || !email) return;
  const first = new URL(url.searchParams.get("callbackUrl") ?? "/", url).pathname.split("/")[1];
  if (!isLocale(first)) return;
  await (await db()).user.updateMany({ where: { email: normaliseEmail(email) }, data: { locale: first } });
}

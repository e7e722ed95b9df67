import { db } from "@/lib/db/client";
import { withPlatform } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { isLocale, routing } from "@/lib/i18n/routing";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import { publicOrigin } from "@/lib/public-origin";
import { hit, limits } from "@/lib/rate-limit";
import { normaliseEmail } from "./adapter";

export const signInLinkMinutes = 15;

/**
 * A sign-in mail refused by the limits. Thrown from Auth.js's signIn callback (lib/auth/index.ts),
 * which Auth.js wraps in its AccessDenied: its own endpoint (POST /api/auth/signin/email)
 * then answers as for any refused sign-in, a redirect to the error page with
 * ?error=AccessDenied, without a mail and without a 500; called through signIn() on the
 * server, the AccessDenied comes back to the caller (isSignInMailLimited).
 */
export class SignInMailLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in mails for this address or client");
  }
}

/** Whether an error is SignInMailLimited, also as the cause Auth.js wrapped it in. */
export function isSignInMailLimited(error: unknown): boolean {
  if (error instanceof SignInMailLimited) return true;
  const cause = error instanceof Error ? (error.cause as { err?: unknown } | undefined) : undefined;
  return cause?.err instanceof SignInMailLimited;
}

/**
 * Counts one mail that signs someone in or asks them to join a tenant, to the address
 * and to the client's IP address, and refuses it once either has used its share
 * (limits.signInMailPerAddress, limits.signInMailPerIp). Every such mail passes here:
 * Auth.js's links from its signIn callback, whichever page or endpoint asked for them,
 * and sign-up's invitations. Counted before anything is looked up, so known and unknown
 * addresses use their share alike.
 */
export async function countSignInMail(email: string, ip: string | null): Promise<void> {
  for (const [limit, key] of [
    [limits.signInMailPerAddress, normaliseEmail(email)],
    [limits.signInMailPerIp, ip],
  ] as const) {
    if (!key) continue;
    const result = await hit(limit, key);
    if (!result.allowed) throw new SignInMailLimited(result.retryAfterSeconds);
  }
}

/**
 * Auth.js's sendVerificationRequest: sends the magic link, but only to addresses that
 * belong to someone in a tenant or that were invited; the sign-in page says the same
 * thing either way. It must not fail for a refusal: Auth.js starts it before it waits
 * for it, so an early rejection would be unhandled. The limits are counted just before,
 * in the signIn callback.
 */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const email = normaliseEmail(identifier);
  const known =
    (await (await db()).user.count({ where: { email } })) > 0 ||
    // Invitations of any tenant count: this is the platform's sign-in.
    (await withPlatform((tx) => tx.invitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }))) > 0;
  if (!known) return;
  url = linkOnPublicOrigin(url);
  const locale = localeOfLink(url);
  const t = translator(locale);
  await sendMail({
    to: email,
    subject: t("Mail.signIn.subject"),
    ...composeMail({
      paragraphs: [t("Mail.signIn.body", { minutes: signInLinkMinutes }), t("Mail.signIn.ignore")],
      action: { label: t("Mail.signIn.action"), url },
      footer: t("Mail.footer"),
    }),
  });
}

/**
 * Auth.js builds the link from the request's Host and X-Forwarded-Host (trustHost),
 * which the client chooses: whoever asked for a link to someone else's address with
 * `Host: evil.example` would get that person's sign-in token sent to evil.example
 * when they click. The link in the mail therefore always points at the platform's own
 * address (PUBLIC_URL), like every other mail, and so does the page it leads to.
 */
export function linkOnPublicOrigin(url: string, origin = publicOrigin()): string {
  const base = new URL(origin);
  const link = new URL(url);
  const callback = link.searchParams.get("callbackUrl");
  if (callback) {
    const target = new URL(callback, base);
    link.searchParams.set("callbackUrl", `${base.origin}${target.pathname}${target.search}`);
  }
  return `${base.origin}${link.pathname}${link.search}`;
}

/** The language of the page the person will land on, taken from the link's callbackUrl. */
function localeOfLink(url: string) {
  try {
    const callback = new URL(url).searchParams.get("callbackUrl") ?? "";
    const first = new URL(callback, "http://x").pathname.split("/")[1];
    return isLocale(first) ? first : routing.defaultLocale;
  } catch {
    return routing.defaultLocale;
  }
}

import { db } from "@/lib/db/client";
import { withPlatform } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { isLocale, routing } from "@/lib/i18n/routing";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import { publicOrigin } from "@/lib/public-origin";
import { normaliseEmail } from "./adapter";

export const signInLinkMinutes = 15;

/**
 * Sends the magic link, but only to addresses that belong to someone in a tenant or
 * that were invited; the sign-in page says the same thing either way.
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

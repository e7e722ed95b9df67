import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale, LocalizedText } from "@/lib/policy/content";
import { tenantPath } from "@/lib/tenant-host";
import { publicOrigin } from "@/lib/public-origin";

/**
 * Tells everyone who asked to be told that a tenant's statement changed materially,
 * each in their own language: confirmed subscribers of the public page, and portal
 * users who ticked the box (in their preferred language). An address that is both
 * gets one mail. Returns how many were told.
 */
export async function notifyMaterialChange(
  tenant: Pick<Tenant, "id" | "slug" | "name">,
  version: { number: number; changeSummary: LocalizedText },
): Promise<number> {
  const [subscribers, subjects] = await withTenant(tenant.id, (tx) =>
    Promise.all([
      tx.statementSubscription.findMany({ where: { tenantId: tenant.id, confirmedAt: { not: null } }, select: { email: true, locale: true } }),
      tx.subject.findMany({ where: { tenantId: tenant.id, notifyStatementChanges: true }, select: { email: true, preferredLocale: true } }),
    ]),
  );
  const recipients = new Map<string, { locale: Locale; portal: boolean }>();
  for (const subject of subjects) recipients.set(subject.email.toLowerCase(), { locale: subject.preferredLocale === "en" ? "en" : "nl", portal: true });
  for (const subscriber of subscribers) {
    if (!recipients.has(subscriber.email.toLowerCase())) {
      recipients.set(subscriber.email.toLowerCase(), { locale: subscriber.locale === "en" ? "en" : "nl", portal: false });
    }
  }
  for (const [email, { locale, portal }] of recipients) {
    const t = translator(locale);
    await sendMail({
      to: email,
      tenantId: tenant.id,
      subject: t("Mail.statementChanged.subject", { company: tenant.name }),
      ...composeMail({
        paragraphs: [
          t("Mail.statementChanged.body", { company: tenant.name, number: version.number }),
          version.changeSummary[locale],
        ].filter(Boolean),
        action: { label: t("Mail.statementChanged.action"), url: `${publicOrigin()}${tenantPath(locale, tenant.slug)}` },
        footer: portal ? t("PortalMail.statementChangedFooter", { company: tenant.name }) : t("Mail.statementChanged.footer"),
      }),
    });
  }
  return recipients.size;
}

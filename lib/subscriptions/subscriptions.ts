import { randomBytes } from "node:crypto";
import type { Tenant } from "@/generated/prisma/client";
import { hashToken } from "@/lib/console/team";
import { withTenant } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { enforceLimits, limits } from "@/lib/rate-limit";
import { tenantPath } from "@/lib/tenant-host";

/**
 * Anyone may ask, on a tenant's public page, to be told by e-mail when its statement
 * changes materially. The address counts only after its owner confirms by a link.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name">;

/**
 * Mails the confirmation (or, when confirmed already, the link to manage it). Anyone can
 * type anyone's address, so one address gets limits.subscriptionPerAddress of these
 * mails a day over all tenants (ActionError "rateLimited" after that), and the subject
 * does not carry the company's name, which is whatever its sign-up typed.
 */
export async function requestSubscription(tenant: TenantRef, email: string, locale: Locale): Promise<void> {
  await enforceLimits([[limits.subscriptionPerAddress, email.trim().toLowerCase()]]);
  const token = randomBytes(24).toString("base64url");
  const alreadyConfirmed = await withTenant(tenant.id, async (tx) => {
    const existing = await tx.statementSubscription.findUnique({ where: { tenantId_email: { tenantId: tenant.id, email } } });
    await tx.statementSubscription.upsert({
      where: { tenantId_email: { tenantId: tenant.id, email } },
      create: { tenantId: tenant.id, email, locale, tokenHash: hashToken(token) },
      update: { locale, tokenHash: hashToken(token) },
    });
    return Boolean(existing?.confirmedAt);
  });
  const t = translator(locale);
  const manage = `${publicOrigin()}${tenantPath(locale, tenant.slug, "/subscription")}?token=${token}`;
  await sendMail({
    to: email,
    tenantId: tenant.id,
    subject: t("Mail.subscription.subject"),
    ...composeMail({
      paragraphs: [
        alreadyConfirmed ? t("Mail.subscription.already", { company: tenant.name }) : t("Mail.subscription.body", { company: tenant.name }),
        t("Mail.subscription.ignore"),
      ],
      action: { label: alreadyConfirmed ? t("Mail.subscription.manage") : t("Mail.subscription.action"), url: manage },
      footer: t("Mail.footer"),
    }),
  });
}

export type SubscriptionState = "pending" | "confirmed" | "unknown";

export async function subscriptionState(tenant: TenantRef, token: string): Promise<SubscriptionState> {
  const found = await withTenant(tenant.id, (tx) =>
    tx.statementSubscription.findUnique({ where: { tokenHash: hashToken(token) }, select: { tenantId: true, confirmedAt: true } }),
  );
  if (!found || found.tenantId !== tenant.id) return "unknown";
  return found.confirmedAt ? "confirmed" : "pending";
}

export async function confirmSubscription(tenant: TenantRef, token: string): Promise<boolean> {
  const { count } = await withTenant(tenant.id, (tx) =>
    tx.statementSubscription.updateMany({ where: { tenantId: tenant.id, tokenHash: hashToken(token) }, data: { confirmedAt: new Date() } }),
  );
  return count === 1;
}

export async function stopSubscription(tenant: TenantRef, token: string): Promise<boolean> {
  const { count } = await withTenant(tenant.id, (tx) =>
    tx.statementSubscription.deleteMany({ where: { tenantId: tenant.id, tokenHash: hashToken(token) } }),
  );
  return count === 1;
}

import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Subject, Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale, LocalizedText } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { tenantPath } from "@/lib/tenant-host";
import { email, locale, optionalText } from "@/lib/validation";

/**
 * The person's own profile in the portal (art. 16, rectification). Each changed field
 * is appended to ProfileChange with changedBy "subject". A new e-mail address is used
 * only once its owner follows the link sent to it; until then it waits in pendingEmail.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name">;

export const emailChangeHours = 24;

export const phone = z
  .string()
  .trim()
  .max(40, "tooLong")
  .refine((value) => value === "" || (/^\+?[0-9 ()./-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6), "phone")
  .transform((value) => value || null);

export const vatNumber = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/[\s.-]/g, ""))
  .refine((value) => value === "" || /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(value), "vatNumber")
  .transform((value) => value || null);

/** The standard fields; the tenant's own fields come as `custom_<key>` and are checked against its ProfileField rows. */
export const profileSchema = z.looseObject({
  name: optionalText(120),
  email,
  phone,
  postalAddress: optionalText(500),
  companyName: optionalText(200),
  vatNumber,
  preferredLocale: locale,
});

export type ProfileInput = z.output<typeof profileSchema>;

export const customFieldName = (key: string) => `custom_${key}`;
export const customFieldMax = 500;

const standardFields = ["name", "phone", "postalAddress", "companyName", "vatNumber", "preferredLocale"] as const;

export interface ProfileFieldView {
  key: string;
  label: LocalizedText;
}

export async function profileFields(tenant: Pick<Tenant, "id">): Promise<ProfileFieldView[]> {
  const rows = await withTenant(tenant.id, (tx) =>
    tx.profileField.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
  );
  return rows.map((row) => ({ key: row.key, label: row.label as LocalizedText }));
}

export function customValues(stored: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return values;
  for (const [key, value] of Object.entries(stored)) {
    if (value !== null && value !== undefined) values[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return values;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A confirmation token that carries its own expiry; the stored hash covers both, so the expiry cannot be altered. */
function emailToken(now: Date): string {
  const expires = now.getTime() + emailChangeHours * 3_600_000;
  return `${expires.toString(36)}.${randomBytes(24).toString("base64url")}`;
}

function tokenExpired(token: string, now: Date): boolean {
  const expires = parseInt(token.split(".")[0] ?? "", 36);
  return !Number.isFinite(expires) || expires < now.getTime();
}

export interface ProfileUpdate {
  changed: string[];
  /** The new address a confirmation link went to, if any. */
  pendingEmail: string | null;
}

/**
 * Saves the person's corrections. `custom` holds the typed values of the tenant's own
 * fields by key. Throws ActionError("notFound") when the subject is not one of this tenant's.
 */
export async function updateProfile(
  tenant: TenantRef,
  subjectId: string,
  input: ProfileInput,
  custom: Record<string, unknown>,
  pageLocale: Locale,
  now = new Date(),
): Promise<ProfileUpdate> {
  const tenantId = tenant.id;
  let token: string | null = null;
  const result = await withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { id: subjectId, tenantId } });
    if (!subject) throw new ActionError("notFound");
    const fields = await tx.profileField.findMany({ where: { tenantId }, select: { key: true } });
    const changes: Array<{ field: string; oldValue: string | null; newValue: string | null }> = [];
    const data: Partial<Record<(typeof standardFields)[number], string | null>> = {};
    for (const field of standardFields) {
      const next = input[field];
      if ((subject[field] ?? null) !== next) {
        changes.push({ field, oldValue: subject[field] ?? null, newValue: next });
        data[field] = next;
      }
    }
    const stored = customValues(subject.customFields);
    const nextCustom: Record<string, string> = { ...stored };
    for (const { key } of fields) {
      const typed = custom[key];
      const value = typeof typed === "string" ? typed.trim() : "";
      if (value.length > customFieldMax) throw new ActionError("tooLong", customFieldName(key));
      const before = stored[key] ?? null;
      const after = value || null;
      if (before === after) continue;
      changes.push({ field: `customFields.${key}`, oldValue: before, newValue: after });
      if (after === null) delete nextCustom[key];
      else nextCustom[key] = after;
    }
    let pendingEmail: string | null | undefined;
    if (input.email !== subject.email) {
      // A new link each time (asking again for the same address sends it again). Whether another
      // person of this tenant uses the address is told only to its owner, after the link.
      // Saving with the current address leaves a pending change alone; it expires by itself.
      token = emailToken(now);
      pendingEmail = input.email;
    }
    const customChanged = changes.some((c) => c.field.startsWith("customFields."));
    if (changes.length > 0 || pendingEmail !== undefined) {
      await tx.subject.updateMany({
        where: { id: subject.id, tenantId },
        data: {
          ...data,
          preferredLocale: data.preferredLocale ?? undefined,
          ...(customChanged ? { customFields: nextCustom } : {}),
          ...(pendingEmail !== undefined ? { pendingEmail, pendingEmailHash: token ? sha256(token) : null } : {}),
        },
      });
    }
    if (changes.length > 0) {
      await tx.profileChange.createMany({
        data: changes.map((change) => ({ tenantId, subjectId: subject.id, ...change, changedBy: "subject", changedAt: now })),
      });
      await recordAudit(tx, tenantId, {
        actorType: "subject",
        actorId: subject.id,
        actorLabel: "portal",
        action: "profile.update",
        targetType: "Subject",
        targetId: subject.id,
        subjectId: subject.id,
        details: { fields: changes.map((c) => c.field) },
      });
    }
    return { changed: changes.map((c) => c.field), pendingEmail: pendingEmail ?? null };
  });
  if (token && result.pendingEmail) await sendEmailConfirmation(tenant, result.pendingEmail, token, pageLocale);
  return { changed: result.changed, pendingEmail: token ? result.pendingEmail : null };
}

async function sendEmailConfirmation(tenant: TenantRef, address: string, token: string, locale: Locale): Promise<void> {
  const t = translator(locale);
  await sendMail({
    to: address,
    tenantId: tenant.id,
    subject: t("PortalMail.emailChange.subject", { company: tenant.name }),
    ...composeMail({
      paragraphs: [t("PortalMail.emailChange.body", { company: tenant.name, hours: emailChangeHours }), t("PortalMail.emailChange.ignore")],
      action: { label: t("PortalMail.emailChange.action"), url: `${publicOrigin()}${tenantPath(locale, tenant.slug, "/portal/email")}?token=${token}` },
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

export type EmailConfirmation = "confirmed" | "invalid" | "inUse";

/** Follows the link sent to a new address: the address becomes the person's e-mail. */
export async function confirmEmailChange(tenant: TenantRef, token: string, now = new Date()): Promise<EmailConfirmation> {
  if (!token || token.length > 200 || tokenExpired(token, now)) return "invalid";
  const tenantId = tenant.id;
  const outcome = await withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { tenantId, pendingEmailHash: sha256(token) } });
    if (!subject?.pendingEmail) return { status: "invalid" as const };
    const taken = await tx.subject.findFirst({ where: { tenantId, email: subject.pendingEmail, NOT: { id: subject.id } }, select: { id: true } });
    if (taken) {
      await tx.subject.updateMany({ where: { id: subject.id, tenantId }, data: { pendingEmail: null, pendingEmailHash: null } });
      return { status: "inUse" as const };
    }
    await tx.subject.updateMany({
      where: { id: subject.id, tenantId },
      data: { email: subject.pendingEmail, pendingEmail: null, pendingEmailHash: null },
    });
    await tx.profileChange.create({
      data: { tenantId, subjectId: subject.id, field: "email", oldValue: subject.email, newValue: subject.pendingEmail, changedBy: "subject", changedAt: now },
    });
    await recordAudit(tx, tenantId, {
      actorType: "subject",
      actorId: subject.id,
      actorLabel: "portal",
      action: "profile.update",
      targetType: "Subject",
      targetId: subject.id,
      subjectId: subject.id,
      details: { fields: ["email"] },
    });
    return { status: "confirmed" as const, subject };
  });
  if (outcome.status === "confirmed") await sendEmailChangedNotice(tenant, outcome.subject);
  return outcome.status;
}

/** Tells the old address that the account now uses another one. */
async function sendEmailChangedNotice(tenant: TenantRef, subject: Subject): Promise<void> {
  const locale: Locale = subject.preferredLocale === "en" ? "en" : "nl";
  const t = translator(locale);
  await sendMail({
    to: subject.email,
    tenantId: tenant.id,
    subject: t("PortalMail.emailChanged.subject", { company: tenant.name }),
    ...composeMail({
      paragraphs: [t("PortalMail.emailChanged.body", { company: tenant.name, email: subject.pendingEmail ?? "" }), t("PortalMail.emailChanged.notYou", { company: tenant.name })],
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

/** Whether a confirmation link still names a pending address (for the page behind the link). */
export async function pendingEmailFor(tenant: Pick<Tenant, "id">, token: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200 || tokenExpired(token, now)) return null;
  const subject = await withTenant(tenant.id, (tx) =>
    tx.subject.findFirst({ where: { tenantId: tenant.id, pendingEmailHash: sha256(token) }, select: { pendingEmail: true } }),
  );
  return subject?.pendingEmail ?? null;
}

export async function setStatementNotifications(tenant: Pick<Tenant, "id">, subjectId: string, enabled: boolean): Promise<void> {
  await withTenant(tenant.id, async (tx) => {
    const { count } = await tx.subject.updateMany({ where: { id: subjectId, tenantId: tenant.id }, data: { notifyStatementChanges: enabled } });
    if (count !== 1) throw new ActionError("notFound");
    await recordAudit(tx, tenant.id, {
      actorType: "subject",
      actorId: subjectId,
      actorLabel: "portal",
      action: enabled ? "notifications.on" : "notifications.off",
      targetType: "Subject",
      targetId: subjectId,
      subjectId,
    });
  });
}

export async function profileHistory(tenant: Pick<Tenant, "id">, subjectId: string, take = 100) {
  return withTenant(tenant.id, (tx) =>
    tx.profileChange.findMany({ where: { tenantId: tenant.id, subjectId }, orderBy: [{ changedAt: "desc" }, { id: "desc" }], take }),
  );
}

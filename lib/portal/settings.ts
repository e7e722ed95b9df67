import { z } from "zod";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import type { LocalizedText } from "@/lib/policy/content";
import { text } from "@/lib/validation";

/**
 * What a tenant sets up for its portal in the admin console: the purposes people can
 * consent to (title and description in Dutch and English) and extra profile fields.
 * A purpose's key never changes once made, because consent events name it; a purpose
 * that is no longer used is deactivated, not removed.
 */

export interface SettingsActor {
  tenant: Pick<Tenant, "id">;
  user: { id: string; email: string };
}

export const settingKey = z
  .string()
  .trim()
  .min(1, "required")
  .max(40, "tooLong")
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "settingKey");

export const purposeTextSchema = z.object({
  titleNl: text(200),
  titleEn: text(200),
  descriptionNl: text(2000),
  descriptionEn: text(2000),
  /** Art. 21(2)-(3): consent for direct marketing; an objection to it takes effect at once (lib/requests/objection.ts). A checkbox: absent is false. */
  directMarketing: z.literal("true", "invalid").optional().transform((value) => value === "true"),
});

export const newPurposeSchema = purposeTextSchema.extend({ key: settingKey });
export const editPurposeSchema = purposeTextSchema.extend({ id: z.string().min(1).max(60) });
export const purposeActiveSchema = z.object({ id: z.string().min(1).max(60), active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const profileFieldSchema = z.object({ labelNl: text(120), labelEn: text(120) });
export const newProfileFieldSchema = profileFieldSchema.extend({ key: settingKey });
export const editProfileFieldSchema = profileFieldSchema.extend({ id: z.string().min(1).max(60) });

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";

export async function portalSettings(tenant: Pick<Tenant, "id">) {
  return withTenant(tenant.id, async (tx) => {
    const [purposes, fields] = await Promise.all([
      tx.consentPurpose.findMany({ where: { tenantId: tenant.id }, orderBy: [{ active: "desc" }, { position: "asc" }, { key: "asc" }] }),
      tx.profileField.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
    ]);
    return {
      purposes: purposes.map((p) => ({ id: p.id, key: p.key, active: p.active, directMarketing: p.directMarketing, title: p.title as LocalizedText, description: p.description as LocalizedText })),
      fields: fields.map((f) => ({ id: f.id, key: f.key, label: f.label as LocalizedText })),
    };
  });
}

/** A purpose as the forms give it; without directMarketing (callers other than the form) it is false, or left as it was. */
type PurposeInput<S extends z.ZodType> = Omit<z.output<S>, "directMarketing"> & { directMarketing?: boolean };

export async function createConsentPurpose(actor: SettingsActor, input: PurposeInput<typeof newPurposeSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  try {
    await withTenant(tenantId, async (tx) => {
      if (await tx.consentPurpose.findFirst({ where: { tenantId, key: input.key }, select: { id: true } })) throw new ActionError("keyTaken", "key");
      const last = await tx.consentPurpose.aggregate({ where: { tenantId }, _max: { position: true } });
      const purpose = await tx.consentPurpose.create({
        data: {
          tenantId,
          key: input.key,
          title: { nl: input.titleNl, en: input.titleEn },
          description: { nl: input.descriptionNl, en: input.descriptionEn },
          directMarketing: input.directMarketing ?? false,
          position: (last._max.position ?? -1) + 1,
        },
      });
      await recordAudit(tx, tenantId, {
        actorType: "user",
        actorId: actor.user.id,
        actorLabel: actor.user.email,
        action: "consentPurpose.create",
        targetType: "ConsentPurpose",
        targetId: purpose.id,
        details: { key: input.key },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("keyTaken", "key");
    throw error;
  }
}

export async function updateConsentPurpose(actor: SettingsActor, input: PurposeInput<typeof editPurposeSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const { count } = await tx.consentPurpose.updateMany({
      where: { id: input.id, tenantId },
      data: {
        title: { nl: input.titleNl, en: input.titleEn },
        description: { nl: input.descriptionNl, en: input.descriptionEn },
        ...(input.directMarketing === undefined ? {} : { directMarketing: input.directMarketing }),
      },
    });
    if (count !== 1) throw new ActionError("notFound");
    await recordAudit(tx, tenantId, {
      actorType: "user",
      actorId: actor.user.id,
      actorLabel: actor.user.email,
      action: "consentPurpose.update",
      targetType: "ConsentPurpose",
      targetId: input.id,
    });
  });
}

export async function setConsentPurposeActive(actor: SettingsActor, input: z.output<typeof purposeActiveSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const { count } = await tx.consentPurpose.updateMany({ where: { id: input.id, tenantId }, data: { active: input.active } });
    if (count !== 1) throw new ActionError("notFound");
    await recordAudit(tx, tenantId, {
      actorType: "user",
      actorId: actor.user.id,
      actorLabel: actor.user.email,
      action: input.active ? "consentPurpose.activate" : "consentPurpose.deactivate",
      targetType: "ConsentPurpose",
      targetId: input.id,
    });
  });
}

export async function createProfileField(actor: SettingsActor, input: z.output<typeof newProfileFieldSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  try {
    await withTenant(tenantId, async (tx) => {
      if (await tx.profileField.findFirst({ where: { tenantId, key: input.key }, select: { id: true } })) throw new ActionError("keyTaken", "key");
      const last = await tx.profileField.aggregate({ where: { tenantId }, _max: { position: true } });
      const field = await tx.profileField.create({
        data: { tenantId, key: input.key, label: { nl: input.labelNl, en: input.labelEn }, position: (last._max.position ?? -1) + 1 },
      });
      await recordAudit(tx, tenantId, {
        actorType: "user",
        actorId: actor.user.id,
        actorLabel: actor.user.email,
        action: "profileField.create",
        targetType: "ProfileField",
        targetId: field.id,
        details: { key: input.key },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("keyTaken", "key");
    throw error;
  }
}

export async function updateProfileField(actor: SettingsActor, input: z.output<typeof editProfileFieldSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const { count } = await tx.profileField.updateMany({ where: { id: input.id, tenantId }, data: { label: { nl: input.labelNl, en: input.labelEn } } });
    if (count !== 1) throw new ActionError("notFound");
    await recordAudit(tx, tenantId, {
      actorType: "user",
      actorId: actor.user.id,
      actorLabel: actor.user.email,
      action: "profileField.update",
      targetType: "ProfileField",
      targetId: input.id,
    });
  });
}

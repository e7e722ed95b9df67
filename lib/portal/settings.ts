import { z } from "zod";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import type { LocalizedText } from "@/lib/policy/content";
import { consentBasedStatementPurposes } from "./consent";
import { text } from "@/lib/validation";

/**
 * What a tenant sets up for its portal in the admin console: the purposes people can
 * consent to (title and description in Dutch and English) and extra profile fields.
 * A purpose's key never changes once made, because consent events name it; a purpose
 * that is no longer used is deactivated, not removed. Every wording is kept as an
 * immutable ConsentPurposeVersion: changing a title or description adds the next version
 * (art. 7(1)), and the portal asks again whoever consented to an earlier one. Each
 * purpose names the statement purpose with legal basis consent it is asked for.
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
  /** The uid of a consent-based purpose of the statement in force; "" leaves the purpose unasked. Absent (callers other than the form): unchanged. */
  statementPurpose: z.string().max(64).optional().transform((value) => (value === undefined ? undefined : value || null)),
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
    const [purposes, fields, inStatement, versions] = await Promise.all([
      tx.consentPurpose.findMany({ where: { tenantId: tenant.id }, orderBy: [{ active: "desc" }, { position: "asc" }, { key: "asc" }] }),
      tx.profileField.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
      consentBasedStatementPurposes(tx, tenant.id),
      tx.consentPurposeVersion.groupBy({ by: ["purposeId"], where: { tenantId: tenant.id }, _max: { version: true } }),
    ]);
    const versionOf = new Map(versions.map((v) => [v.purposeId, v._max.version ?? 1]));
    return {
      /** The consent-based purposes of the statement in force, to tie consent purposes to. */
      statementPurposes: [...inStatement].map(([uid, p]) => ({ uid, name: p.name })),
      purposes: purposes.map((p) => ({
        id: p.id,
        key: p.key,
        active: p.active,
        directMarketing: p.directMarketing,
        title: p.title as LocalizedText,
        description: p.description as LocalizedText,
        version: versionOf.get(p.id) ?? 1,
        statementPurposeUid: p.statementPurposeUid,
        /** The statement purpose's name, or null when the statement in force does not base it on consent: then the portal does not ask. */
        statementPurposeName: p.statementPurposeUid ? (inStatement.get(p.statementPurposeUid)?.name ?? null) : null,
      })),
      fields: fields.map((f) => ({ id: f.id, key: f.key, label: f.label as LocalizedText })),
    };
  });
}

/** A purpose as the forms give it; without directMarketing (callers other than the form) it is false, or left as it was. */
type PurposeInput<S extends z.ZodType> = Omit<z.output<S>, "directMarketing" | "statementPurpose"> & { directMarketing?: boolean; statementPurpose?: string | null };

/** A statement purpose to tie a consent purpose to must be consent-based in the statement in force. */
async function checkStatementPurpose(tx: TenantTx, tenantId: string, uid: string | null | undefined): Promise<void> {
  if (!uid) return;
  if (!(await consentBasedStatementPurposes(tx, tenantId)).has(uid)) throw new ActionError("notConsentBasedPurpose", "statementPurpose");
}

export async function createConsentPurpose(actor: SettingsActor, input: PurposeInput<typeof newPurposeSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  try {
    await withTenant(tenantId, async (tx) => {
      if (await tx.consentPurpose.findFirst({ where: { tenantId, key: input.key }, select: { id: true } })) throw new ActionError("keyTaken", "key");
      await checkStatementPurpose(tx, tenantId, input.statementPurpose);
      const last = await tx.consentPurpose.aggregate({ where: { tenantId }, _max: { position: true } });
      const title = { nl: input.titleNl, en: input.titleEn };
      const description = { nl: input.descriptionNl, en: input.descriptionEn };
      const purpose = await tx.consentPurpose.create({
        data: {
          tenantId,
          key: input.key,
          title,
          description,
          directMarketing: input.directMarketing ?? false,
          statementPurposeUid: input.statementPurpose ?? null,
          position: (last._max.position ?? -1) + 1,
        },
      });
      await tx.consentPurposeVersion.create({ data: { tenantId, purposeId: purpose.id, version: 1, title, description } });
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

/**
 * Changes a purpose. A different title or description in either language is a new
 * wording: it becomes the next ConsentPurposeVersion, and consent given to the earlier
 * one is asked again (art. 7(1)-(2): consent covers only what the person was shown).
 */
export async function updateConsentPurpose(actor: SettingsActor, input: PurposeInput<typeof editPurposeSchema>): Promise<void> {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const purpose = await tx.consentPurpose.findFirst({ where: { id: input.id, tenantId } });
    if (!purpose) throw new ActionError("notFound");
    if (input.statementPurpose !== undefined && input.statementPurpose !== purpose.statementPurposeUid) await checkStatementPurpose(tx, tenantId, input.statementPurpose);
    const title = { nl: input.titleNl, en: input.titleEn };
    const description = { nl: input.descriptionNl, en: input.descriptionEn };
    const newest = await tx.consentPurposeVersion.findFirst({ where: { tenantId, purposeId: purpose.id }, orderBy: { version: "desc" } });
    const same = (a: unknown, b: LocalizedText) => {
      const value = (a ?? {}) as Partial<LocalizedText>;
      return value.nl === b.nl && value.en === b.en;
    };
    const reworded = !newest || !same(newest.title, title) || !same(newest.description, description);
    if (reworded) await tx.consentPurposeVersion.create({ data: { tenantId, purposeId: purpose.id, version: (newest?.version ?? 0) + 1, title, description } });
    await tx.consentPurpose.updateMany({
      where: { id: purpose.id, tenantId },
      data: {
        title,
        description,
        ...(input.directMarketing === undefined ? {} : { directMarketing: input.directMarketing }),
        ...(input.statementPurpose === undefined ? {} : { statementPurposeUid: input.statementPurpose }),
      },
    });
    await recordAudit(tx, tenantId, {
      actorType: "user",
      actorId: actor.user.id,
      actorLabel: actor.user.email,
      action: "consentPurpose.update",
      targetType: "ConsentPurpose",
      targetId: input.id,
      details: { reworded, ...(reworded ? { version: (newest?.version ?? 0) + 1 } : {}) },
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

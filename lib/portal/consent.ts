import type { ConsentEvent, Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import type { Locale, LocalizedText } from "@/lib/policy/content";
import { emitEvent } from "@/lib/webhooks/events";

/**
 * Consent for the tenant's consent purposes. Each give or withdraw appends a
 * ConsentEvent (the database refuses to change or remove one) with the time, the
 * statement version in force, the wording the person saw and the channel. Whether
 * consent stands now is the latest event per purpose.
 */

export interface ConsentState {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  active: boolean;
  /** Latest event: null when the person never gave nor withdrew consent. */
  given: boolean | null;
  at: Date | null;
}

export function localized(text: unknown, locale: Locale): string {
  const value = (text ?? {}) as Partial<LocalizedText>;
  return value[locale] || value[locale === "nl" ? "en" : "nl"] || "";
}

/** The wording recorded with an event: the purpose's title and description in the page's language. */
export function consentWording(purpose: { title: unknown; description: unknown }, locale: Locale): string {
  return [localized(purpose.title, locale), localized(purpose.description, locale)].filter(Boolean).join("\n\n");
}

async function latestEvents(tx: TenantTx, tenantId: string, subjectId: string): Promise<Map<string, ConsentEvent>> {
  const events = await tx.consentEvent.findMany({ where: { tenantId, subjectId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const latest = new Map<string, ConsentEvent>();
  for (const event of events) if (!latest.has(event.purposeKey)) latest.set(event.purposeKey, event);
  return latest;
}

/** The tenant's active purposes, plus inactive ones the person still consents to (so they can withdraw). */
export async function consentStates(tenant: Pick<Tenant, "id">, subjectId: string): Promise<ConsentState[]> {
  return withTenant(tenant.id, async (tx) => {
    const [purposes, latest] = await Promise.all([
      tx.consentPurpose.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
      latestEvents(tx, tenant.id, subjectId),
    ]);
    return purposes
      .map((purpose) => {
        const event = latest.get(purpose.key);
        return {
          key: purpose.key,
          title: purpose.title as LocalizedText,
          description: purpose.description as LocalizedText,
          active: purpose.active,
          given: event ? event.given : null,
          at: event?.at ?? null,
        };
      })
      .filter((state) => state.active || state.given === true);
  });
}

export async function consentHistory(tenant: Pick<Tenant, "id">, subjectId: string, take = 200): Promise<ConsentEvent[]> {
  return withTenant(tenant.id, (tx) =>
    tx.consentEvent.findMany({ where: { tenantId: tenant.id, subjectId }, orderBy: [{ at: "desc" }, { id: "desc" }], take }),
  );
}

/** The number of the newest published statement version, or null before the first one. */
export async function statementVersionInForce(tx: TenantTx, tenantId: string): Promise<number | null> {
  const version = await tx.policyVersion.findFirst({
    where: { tenantId, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return version?.number ?? null;
}

export interface ConsentChange {
  purposeKey: string;
  given: boolean;
  locale: Locale;
  channel: string;
}

/**
 * Gives or withdraws consent for one purpose. Giving needs an active purpose; withdrawing
 * is always possible. Nothing is appended when the state would not change. The event,
 * its audit entry and the consent.changed webhook event (subject id, never the address)
 * are stored in one transaction.
 */
export async function setConsent(tenant: Pick<Tenant, "id">, subjectId: string, change: ConsentChange, now = new Date()): Promise<{ changed: boolean }> {
  const tenantId = tenant.id;
  return withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { id: subjectId, tenantId }, select: { id: true } });
    if (!subject) throw new ActionError("notFound");
    const purpose = await tx.consentPurpose.findFirst({ where: { tenantId, key: change.purposeKey } });
    if (!purpose) throw new ActionError("notFound");
    if (change.given && !purpose.active) throw new ActionError("consentInactive");
    const current = (await latestEvents(tx, tenantId, subjectId)).get(purpose.key);
    if ((current?.given ?? false) === change.given) return { changed: false };
    await tx.consentEvent.create({
      data: {
        tenantId,
        subjectId,
        purposeKey: purpose.key,
        given: change.given,
        statementVersion: await statementVersionInForce(tx, tenantId),
        wording: consentWording(purpose, change.locale),
        locale: change.locale,
        channel: change.channel,
        at: now,
      },
    });
    await recordAudit(tx, tenantId, {
      actorType: "subject",
      actorId: subjectId,
      actorLabel: "portal",
      action: change.given ? "consent.give" : "consent.withdraw",
      targetType: "ConsentPurpose",
      targetId: purpose.id,
      subjectId,
      details: { purposeKey: purpose.key, channel: change.channel },
    });
    await emitEvent(tx, tenantId, "consent.changed", { subjectId, requestId: null }, {
      subjectId,
      purposeKey: purpose.key,
      given: change.given,
      channel: change.channel,
      at: now.toISOString(),
    });
    return { changed: true };
  });
}

import type { ConsentEvent, ConsentPurpose, ConsentPurposeVersion, Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import type { Locale, LocalizedText } from "@/lib/policy/content";
import { emitEvent } from "@/lib/webhooks/events";

/**
 * Consent for the tenant's consent purposes. Each give or withdraw appends a
 * ConsentEvent (the database refuses to change or remove one) with the time, the
 * statement version in force, the wording version the person saw (ConsentPurposeVersion,
 * immutable) with its exact text, and the channel (art. 7(1): the controller can show
 * what was consented to). Whether consent stands now is the latest event per purpose;
 * consent given to an earlier wording is shown as such and asked again.
 */

export interface ConsentState {
  key: string;
  /** The wording shown now: the purpose's newest version. */
  versionId: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  active: boolean;
  /** Whether the portal asks consent for it: active and a consent-based purpose of the statement in force. */
  asked: boolean;
  /** Latest event: null when the person never gave nor withdrew consent. */
  given: boolean | null;
  at: Date | null;
  /** The wording version the latest event was given or withdrawn to (null: unknown, from before versions). */
  givenVersion: number | null;
  /** Art. 7(1): consent stands but was given to an earlier wording; the portal asks again. */
  earlierWording: boolean;
}

export function localized(text: unknown, locale: Locale): string {
  const value = (text ?? {}) as Partial<LocalizedText>;
  return value[locale] || value[locale === "nl" ? "en" : "nl"] || "";
}

/** The wording recorded with an event: the title and description of the version shown, in the page's language. */
export function consentWording(version: { title: unknown; description: unknown }, locale: Locale): string {
  return [localized(version.title, locale), localized(version.description, locale)].filter(Boolean).join("\n\n");
}

async function latestEvents(tx: TenantTx, tenantId: string, subjectId: string): Promise<Map<string, ConsentEvent>> {
  const events = await tx.consentEvent.findMany({ where: { tenantId, subjectId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const latest = new Map<string, ConsentEvent>();
  for (const event of events) if (!latest.has(event.purposeKey)) latest.set(event.purposeKey, event);
  return latest;
}

/**
 * One source of truth (art. 13(1)(c)): the uids of the purposes the statement in force
 * (the newest published version) bases on consent, with their names. A ConsentPurpose is
 * asked for only while its statementPurposeUid is among them.
 */
export async function consentBasedStatementPurposes(tx: TenantTx, tenantId: string): Promise<Map<string, { name: LocalizedText }>> {
  const version = await tx.policyVersion.findFirst({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true } });
  if (!version) return new Map();
  const purposes = await tx.purpose.findMany({ where: { tenantId, versionId: version.id, legalBasis: "CONSENT" }, orderBy: { position: "asc" } });
  return new Map(purposes.map((p) => [p.uid, { name: p.name as LocalizedText }]));
}

/** The newest version of each of the tenant's purposes. */
async function currentVersions(tx: TenantTx, tenantId: string): Promise<Map<string, ConsentPurposeVersion>> {
  const versions = await tx.consentPurposeVersion.findMany({ where: { tenantId }, orderBy: [{ purposeId: "asc" }, { version: "desc" }], distinct: ["purposeId"] });
  return new Map(versions.map((v) => [v.purposeId, v]));
}

/**
 * The purposes the portal asks consent for, plus those it no longer asks for that the
 * person still consents to (so they can withdraw, art. 7(3)).
 */
export async function consentStates(tenant: Pick<Tenant, "id">, subjectId: string): Promise<ConsentState[]> {
  return withTenant(tenant.id, async (tx) => {
    const [purposes, versions, inStatement, latest] = await Promise.all([
      tx.consentPurpose.findMany({ where: { tenantId: tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
      currentVersions(tx, tenant.id),
      consentBasedStatementPurposes(tx, tenant.id),
      latestEvents(tx, tenant.id, subjectId),
    ]);
    const states: ConsentState[] = [];
    for (const purpose of purposes) {
      const version = versions.get(purpose.id);
      if (!version) continue;
      const event = latest.get(purpose.key);
      const asked = purpose.active && purpose.statementPurposeUid !== null && inStatement.has(purpose.statementPurposeUid);
      const given = event ? event.given : null;
      if (!asked && given !== true) continue;
      states.push({
        key: purpose.key,
        versionId: version.id,
        version: version.version,
        title: version.title as LocalizedText,
        description: version.description as LocalizedText,
        active: purpose.active,
        asked,
        given,
        at: event?.at ?? null,
        givenVersion: event?.purposeVersion ?? null,
        earlierWording: given === true && event?.purposeVersionId !== version.id,
      });
    }
    return states;
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
  /**
   * The ConsentPurposeVersion the form showed. Giving consent to any but the newest is
   * refused (consentWordingChanged); withdrawing is accepted with any version of the
   * purpose (art. 7(3): as easy as giving). Omitted: the newest, for callers that show it.
   */
  versionId?: string;
}

export interface ConsentEventInput {
  purpose: ConsentPurpose;
  version: ConsentPurposeVersion;
  given: boolean;
  locale: Locale;
  channel: string;
  at: Date;
  proofReference?: string | null;
  actor: Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
}

/**
 * Appends one consent event with the exact wording of the version shown, its audit entry
 * and the consent.changed webhook event (subject id, never the address), in the caller's
 * transaction. The one writer of consent events besides objections (lib/requests/objection.ts).
 */
export async function appendConsentEvent(tx: TenantTx, tenantId: string, subjectId: string, input: ConsentEventInput): Promise<ConsentEvent> {
  const { purpose, version } = input;
  const event = await tx.consentEvent.create({
    data: {
      tenantId,
      subjectId,
      purposeKey: purpose.key,
      given: input.given,
      statementVersion: await statementVersionInForce(tx, tenantId),
      wording: consentWording(version, input.locale),
      locale: input.locale,
      channel: input.channel,
      at: input.at,
      purposeVersionId: version.id,
      purposeVersion: version.version,
      proofReference: input.proofReference ?? null,
    },
  });
  await recordAudit(tx, tenantId, {
    ...input.actor,
    action: input.given ? "consent.give" : "consent.withdraw",
    targetType: "ConsentPurpose",
    targetId: purpose.id,
    subjectId,
    details: { purposeKey: purpose.key, channel: input.channel, wordingVersion: version.version },
  });
  await emitEvent(tx, tenantId, "consent.changed", { subjectId, requestId: null }, {
    subjectId,
    purposeKey: purpose.key,
    given: input.given,
    channel: input.channel,
    wordingVersion: version.version,
    at: input.at.toISOString(),
  });
  return event;
}

/** Whether the portal asks consent for the purpose now (active, and consent-based in the statement in force). */
export async function isAsked(tx: TenantTx, tenantId: string, purpose: ConsentPurpose): Promise<boolean> {
  if (!purpose.active || purpose.statementPurposeUid === null) return false;
  return (await consentBasedStatementPurposes(tx, tenantId)).has(purpose.statementPurposeUid);
}

/**
 * Gives or withdraws consent for one purpose from the portal. Giving needs a purpose the
 * portal asks for and the wording it shows now; withdrawing is always possible. Nothing
 * is appended when the state would not change (consent given to an earlier wording and
 * given again to the newest is a change).
 */
export async function setConsent(tenant: Pick<Tenant, "id">, subjectId: string, change: ConsentChange, now = new Date()): Promise<{ changed: boolean }> {
  const tenantId = tenant.id;
  return withTenant(tenantId, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { id: subjectId, tenantId }, select: { id: true } });
    if (!subject) throw new ActionError("notFound");
    const purpose = await tx.consentPurpose.findFirst({ where: { tenantId, key: change.purposeKey } });
    if (!purpose) throw new ActionError("notFound");
    const newest = (await currentVersions(tx, tenantId)).get(purpose.id);
    if (!newest) throw new ActionError("notFound");
    const shown = change.versionId === undefined ? newest : await tx.consentPurposeVersion.findFirst({ where: { id: change.versionId, tenantId, purposeId: purpose.id } });
    if (!shown) throw new ActionError("notFound");
    if (change.given && !(await isAsked(tx, tenantId, purpose))) throw new ActionError("consentInactive");
    if (change.given && shown.id !== newest.id) throw new ActionError("consentWordingChanged");
    const current = (await latestEvents(tx, tenantId, subjectId)).get(purpose.key);
    const unchanged = change.given ? current?.given === true && current.purposeVersionId === shown.id : (current?.given ?? false) === false;
    if (unchanged) return { changed: false };
    await appendConsentEvent(tx, tenantId, subjectId, {
      purpose,
      version: shown,
      given: change.given,
      locale: change.locale,
      channel: change.channel,
      at: now,
      actor: { actorType: "subject", actorId: subjectId, actorLabel: "portal" },
    });
    return { changed: true };
  });
}

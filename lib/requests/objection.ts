import type { DataRequest } from "@/generated/prisma/client";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import type { TenantTx } from "@/lib/db/tenant-db";
import type { Locale } from "@/lib/policy/content";
import { consentWording, statementVersionInForce } from "@/lib/portal/consent";
import { emitEvent } from "@/lib/webhooks/events";

/**
 * Objections (GDPR art. 21).
 *
 * - Art. 21(2)-(3): an objection to processing for direct marketing is absolute. It takes
 *   effect as soon as the request counts (filed from the portal, the address confirmed,
 *   or recorded by staff): the person's consent for every direct-marketing purpose of the
 *   tenant (ConsentPurpose.directMarketing) is withdrawn (a ConsentEvent with channel
 *   "objection"), those purposes are added to Subject.objections (which the API
 *   reports, so the tenant's systems stop the marketing use), and subject.objected says
 *   `directMarketing: true`. Staff cannot refuse it (lib/requests/staff-view.ts).
 * - Art. 21(1): any other objection is weighed by staff; recording it here adds the
 *   purpose to Subject.objections and withdraws that purpose's consent, if any.
 */

/** Who acted: staff (their audit entry is made by the caller's auditor) or the requester filing the request. */
export type ObjectionAuditor = (tx: TenantTx, entry: Omit<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">) => Promise<void>;

/** An audit entry by the person themselves (the request counted on filing or on confirming their address). */
export const auditBySubject =
  (tenantId: string, subjectId: string, label: string): ObjectionAuditor =>
  (tx, entry) =>
    recordAudit(tx, tenantId, { ...entry, actorType: "subject", actorId: subjectId, actorLabel: label });

/** The tenant's direct-marketing purpose the request objects to, if its target names one. */
export async function directMarketingTarget(tx: TenantTx, request: Pick<DataRequest, "tenantId" | "type" | "target">) {
  if (request.type !== "OBJECTION" || !request.target) return null;
  return tx.consentPurpose.findFirst({ where: { tenantId: request.tenantId, key: request.target, directMarketing: true } });
}

/** True when an "objection" event already records the objection (it took effect or staff recorded it). */
async function alreadyRecorded(tx: TenantTx, request: Pick<DataRequest, "id" | "tenantId">): Promise<boolean> {
  return (await tx.requestEvent.count({ where: { tenantId: request.tenantId, requestId: request.id, kind: "objection" } })) > 0;
}

const asLocale = (value: string | null | undefined): Locale => (value === "en" ? "en" : "nl");

/**
 * Records the objection to `purposeKeys` for the request's subject: Subject.objections,
 * the request's "objection" event, the audit entry and subject.objected; withdraws the
 * consent of each purpose among them the person had given. Returns the purpose keys
 * whose consent was withdrawn.
 */
export async function applyObjection(
  tx: TenantTx,
  request: Pick<DataRequest, "id" | "tenantId" | "reference" | "subjectId">,
  options: { purpose: string; purposeKeys: string[]; directMarketing: boolean; actor: "staff" | "requester" | "system"; actorLabel: string | null; audit: ObjectionAuditor; now: Date },
): Promise<{ consentWithdrawn: string[] }> {
  const tenantId = request.tenantId;
  const subject = request.subjectId ? await tx.subject.findFirst({ where: { tenantId, id: request.subjectId } }) : null;
  if (!subject) return { consentWithdrawn: [] };
  const { now } = options;
  const objected = [options.purpose, ...options.purposeKeys];
  const current = Array.isArray(subject.objections) ? (subject.objections as unknown[]).filter((o): o is string => typeof o === "string") : [];
  const added = [...new Set(objected)].filter((key) => !current.includes(key));
  if (added.length) await tx.subject.updateMany({ where: { tenantId, id: subject.id }, data: { objections: [...current, ...added] } });
  await tx.requestEvent.create({
    data: { tenantId, requestId: request.id, kind: "objection", actor: options.actor, actorLabel: options.actorLabel, body: options.purpose, at: now },
  });
  const purposes = await tx.consentPurpose.findMany({ where: { tenantId, key: { in: [...new Set(objected)] } } });
  await options.audit(tx, {
    action: "subject.objection",
    targetType: "Subject",
    targetId: subject.id,
    subjectId: subject.id,
    // Purpose keys, never free text: the audit trail outlives an erasure and must name nobody.
    details: { reference: request.reference, purpose: purposes.some((p) => p.key === options.purpose) ? options.purpose : "other", directMarketing: options.directMarketing },
  });
  await emitEvent(tx, tenantId, "subject.objected", { subjectId: subject.id, requestId: request.id }, {
    subjectId: subject.id,
    reference: request.reference,
    purpose: options.purpose,
    directMarketing: options.directMarketing,
    purposes: purposes.map((p) => p.key),
  });

  const withdrawn: string[] = [];
  const locale = asLocale(subject.preferredLocale);
  const version = purposes.length ? await statementVersionInForce(tx, tenantId) : null;
  for (const purpose of purposes) {
    const latest = await tx.consentEvent.findFirst({ where: { tenantId, subjectId: subject.id, purposeKey: purpose.key }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    if (!latest?.given) continue;
    // Recorded against the purpose's newest wording (art. 7(1)), as the portal shows it.
    const wording = await tx.consentPurposeVersion.findFirst({ where: { tenantId, purposeId: purpose.id }, orderBy: { version: "desc" } });
    await tx.consentEvent.create({
      data: {
        tenantId,
        subjectId: subject.id,
        purposeKey: purpose.key,
        given: false,
        statementVersion: version,
        wording: consentWording(wording ?? purpose, locale),
        locale,
        channel: "objection",
        at: now,
        purposeVersionId: wording?.id ?? null,
        purposeVersion: wording?.version ?? null,
      },
    });
    await options.audit(tx, {
      action: "consent.withdraw",
      targetType: "ConsentPurpose",
      targetId: purpose.id,
      subjectId: subject.id,
      details: { purposeKey: purpose.key, channel: "objection", reference: request.reference },
    });
    await emitEvent(tx, tenantId, "consent.changed", { subjectId: subject.id, requestId: request.id }, { subjectId: subject.id, purposeKey: purpose.key, given: false, channel: "objection", at: now.toISOString() });
    withdrawn.push(purpose.key);
  }
  return { consentWithdrawn: withdrawn };
}

/** Every direct-marketing purpose of the tenant: an objection to one is an objection to marketing (art. 21(3) "such purposes"). */
export async function directMarketingKeys(tx: TenantTx, tenantId: string): Promise<string[]> {
  return (await tx.consentPurpose.findMany({ where: { tenantId, directMarketing: true }, select: { key: true }, orderBy: { key: "asc" } })).map((p) => p.key);
}

/**
 * Art. 21(3): when a request that objects to a direct-marketing purpose starts to count,
 * the objection takes effect at once, once per request. Called where a request is received
 * (lib/requests/requests.ts emitRequestCreated); a no-op for any other request.
 */
export async function objectToDirectMarketingOnReceipt(tx: TenantTx, request: DataRequest, now = new Date()): Promise<boolean> {
  if (!request.subjectId || request.status === "AWAITING_CONFIRMATION") return false;
  const purpose = await directMarketingTarget(tx, request);
  if (!purpose || (await alreadyRecorded(tx, request))) return false;
  const staffRecorded = request.channel === "email" || request.channel === "phone" || request.channel === "letter";
  await applyObjection(tx, request, {
    purpose: purpose.key,
    purposeKeys: await directMarketingKeys(tx, request.tenantId),
    directMarketing: true,
    actor: "system",
    actorLabel: null,
    audit: staffRecorded
      ? (inner, entry) => recordAudit(inner, request.tenantId, { ...entry, actorType: "system", actorLabel: "art. 21(3)" })
      : auditBySubject(request.tenantId, request.subjectId, request.channel),
    now,
  });
  return true;
}

import type { Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { appendConsentEvent, isAsked } from "@/lib/portal/consent";
import { ApiError } from "./route";
import type { ConsentAnswer, ConsentInput } from "./schemas";
import { subjectNotFound, type ApiActor } from "./subjects";

const invalid = (path: string, message: string) => new ApiError(400, "invalid_body", `The body is not valid: ${path}: ${message}`, [{ path, message }]);

/**
 * POST /api/v1/subjects/{email}/consents: consent collected outside the portal (on paper,
 * by phone), appended to the person's consent history like the portal's (art. 7(1): the
 * controller can show who consented to which wording, when and how). The event names the
 * wording version shown and where the proof is kept; it is audited and emits
 * consent.changed. Giving consent needs a purpose the portal asks for now; withdrawing is
 * always recorded (art. 7(3)). Consent to an earlier wording is recorded as such, and the
 * portal asks the person again.
 */
export async function recordConsent(tenant: Pick<Tenant, "id">, email: string, input: ConsentInput, actor: ApiActor, now = new Date()): Promise<ConsentAnswer> {
  const collectedAt = new Date(input.collectedAt);
  if (collectedAt.getTime() > now.getTime()) throw invalid("collectedAt", "may not be in the future");
  return withTenant(tenant.id, async (tx) => {
    const tenantId = tenant.id;
    const subject = await tx.subject.findUnique({ where: { tenantId_email: { tenantId, email } } });
    if (!subject || subject.tenantId !== tenantId) throw subjectNotFound();
    const purpose = await tx.consentPurpose.findFirst({ where: { tenantId, key: input.purposeKey } });
    if (!purpose) throw invalid("purposeKey", "not a consent purpose of this tenant");
    const versions = await tx.consentPurposeVersion.findMany({ where: { tenantId, purposeId: purpose.id }, orderBy: { version: "asc" } });
    const version = versions.find((v) => v.version === input.wordingVersion);
    if (!version) throw invalid("wordingVersion", `this purpose has wording versions 1 to ${versions.length}`);
    if (input.given && !(await isAsked(tx, tenantId, purpose))) {
      throw new ApiError(409, "purpose_not_asked", "Consent cannot be given for this purpose: it is deactivated, or the privacy statement in force does not base it on consent.");
    }
    const event = await appendConsentEvent(tx, tenantId, subject.id, {
      purpose,
      version,
      given: input.given,
      locale: input.locale ?? (subject.preferredLocale === "en" ? "en" : "nl"),
      channel: input.channel,
      at: collectedAt,
      proofReference: input.proofReference,
      actor,
    });
    return {
      id: event.id,
      purposeKey: purpose.key,
      given: event.given,
      wordingVersion: version.version,
      currentWording: version.id === versions.at(-1)!.id,
      at: event.at.toISOString(),
      recordedAt: event.recordedAt.toISOString(),
    };
  });
}

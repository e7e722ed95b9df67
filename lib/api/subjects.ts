import { Prisma, type Subject, type Tenant } from "@/generated/prisma/client";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { currentConsents, customFieldValues, objectionList } from "@/lib/export/queries";
import { ApiError } from "./route";
import type { ProfileInput, ProfileView, RecordsInput, RecordsPage, RequestSummary, SubjectView } from "./schemas";

/** What /api/v1 does with a tenant's subjects and requests. Every query names the tenant. */

export type ApiActor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
type TenantRef = Pick<Tenant, "id">;

export const subjectNotFound = () =>
  new ApiError(404, "subject_not_found", "This tenant holds no subject with this e-mail address. Create one with PUT /api/v1/subjects/{email}.");

const profileColumns = ["name", "phone", "postalAddress", "companyName", "vatNumber", "preferredLocale"] as const;

export function profileOf(subject: Subject): ProfileView {
  return {
    email: subject.email,
    name: subject.name,
    phone: subject.phone,
    postalAddress: subject.postalAddress,
    companyName: subject.companyName,
    vatNumber: subject.vatNumber,
    preferredLocale: subject.preferredLocale === "en" ? "en" : "nl",
    customFields: customFieldValues(subject.customFields),
    createdAt: subject.createdAt.toISOString(),
    updatedAt: subject.updatedAt.toISOString(),
  };
}

async function findSubject(tx: TenantTx, tenantId: string, email: string): Promise<Subject> {
  const subject = await tx.subject.findUnique({ where: { tenantId_email: { tenantId, email } } });
  if (!subject || subject.tenantId !== tenantId) throw subjectNotFound();
  return subject;
}

/**
 * Creates the subject or changes the given fields; each changed field is appended to
 * ProfileChange (changedBy "api"). customFields may only name the tenant's ProfileField keys.
 */
export async function putSubject(
  tenant: TenantRef,
  email: string,
  input: ProfileInput,
  actor: ApiActor,
): Promise<{ created: boolean; changed: string[]; profile: ProfileView }> {
  const attempt = () =>
    withTenant(tenant.id, async (tx) => {
      const tenantId = tenant.id;
      if (input.customFields) {
        const defined = new Set((await tx.profileField.findMany({ where: { tenantId }, select: { key: true } })).map((f) => f.key));
        const unknown = Object.keys(input.customFields).filter((key) => !defined.has(key));
        if (unknown.length > 0) {
          const known = defined.size ? `defined fields: ${[...defined].sort().join(", ")}` : "this tenant defined no profile fields";
          throw new ApiError(
            400,
            "invalid_body",
            `The body is not valid: customFields.${unknown[0]}: not a profile field of this tenant (${known})`,
            unknown.map((key) => ({ path: `customFields.${key}`, message: `not a profile field of this tenant (${known})` })),
          );
        }
      }
      const existing = await tx.subject.findUnique({ where: { tenantId_email: { tenantId, email } } });
      const changes: Array<{ field: string; oldValue: string | null; newValue: string | null }> = [];
      const data: Partial<Record<(typeof profileColumns)[number], string | null>> = {};
      for (const column of profileColumns) {
        const next = input[column];
        if (next === undefined) continue;
        const before = existing ? existing[column] : null;
        if (before !== next) {
          changes.push({ field: column, oldValue: before, newValue: next });
          data[column] = next;
        }
      }
      const custom = customFieldValues(existing?.customFields);
      for (const [key, next] of Object.entries(input.customFields ?? {})) {
        const before = custom[key] ?? null;
        const value = next || null;
        if (before === value) continue;
        changes.push({ field: `customFields.${key}`, oldValue: before, newValue: value });
        if (value === null) delete custom[key];
        else custom[key] = value;
      }
      const customChanged = changes.some((c) => c.field.startsWith("customFields."));
      let subject: Subject;
      if (!existing) {
        subject = await tx.subject.create({
          data: {
            tenantId,
            email,
            ...data,
            preferredLocale: input.preferredLocale ?? "nl",
            customFields: custom,
          },
        });
      } else if (changes.length > 0) {
        await tx.subject.updateMany({
          where: { id: existing.id, tenantId },
          data: { ...data, preferredLocale: data.preferredLocale ?? undefined, ...(customChanged ? { customFields: custom } : {}) },
        });
        subject = await findSubject(tx, tenantId, email);
      } else {
        subject = existing;
      }
      if (changes.length > 0) {
        await tx.profileChange.createMany({
          data: changes.map((change) => ({ tenantId, subjectId: subject.id, ...change, changedBy: "api" })),
        });
      }
      await recordAudit(tx, tenantId, {
        ...actor,
        action: existing ? "subject.update" : "subject.create",
        targetType: "Subject",
        targetId: subject.id,
        subjectId: subject.id,
        details: { fields: changes.map((c) => c.field) },
      });
      return { created: !existing, changed: changes.map((c) => c.field), profile: profileOf(subject) };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two calls created the same subject at once: the second one becomes an update.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return attempt();
    throw error;
  }
}

/** Adds records to an existing subject. */
export async function addRecords(tenant: TenantRef, email: string, input: RecordsInput, actor: ApiActor): Promise<{ created: number; ids: string[] }> {
  return withTenant(tenant.id, async (tx) => {
    const tenantId = tenant.id;
    const subject = await findSubject(tx, tenantId, email);
    const created = await tx.subjectRecord.createManyAndReturn({
      data: input.records.map((record) => ({
        tenantId,
        subjectId: subject.id,
        category: record.category,
        sourceSystem: record.sourceSystem,
        fields: record.fields as Prisma.InputJsonObject,
      })),
      select: { id: true },
    });
    const categories = [...new Set(input.records.map((r) => r.category))].sort();
    await recordAudit(tx, tenantId, {
      ...actor,
      action: "subject.records.add",
      targetType: "Subject",
      targetId: subject.id,
      subjectId: subject.id,
      details: { count: created.length, categories },
    });
    return { created: created.length, ids: created.map((r) => r.id) };
  });
}

async function recordsOf(
  tx: TenantTx,
  tenantId: string,
  subjectId: string,
  options: { cursor?: string; limit: number; category?: string },
): Promise<RecordsPage> {
  if (options.cursor && !(await tx.subjectRecord.findFirst({ where: { tenantId, subjectId, id: options.cursor }, select: { id: true } }))) throw invalidCursor();
  const rows = await tx.subjectRecord.findMany({
    where: { tenantId, subjectId, ...(options.category ? { category: options.category } : {}), ...(options.cursor ? { id: { gt: options.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: options.limit + 1,
  });
  const more = rows.length > options.limit;
  const items = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    category: row.category,
    sourceSystem: row.sourceSystem,
    receivedAt: row.receivedAt.toISOString(),
    fields: (row.fields ?? {}) as Record<string, unknown>,
  }));
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

/** Everything the tenant holds on the person, with the first page of records. */
export async function subjectView(tenant: TenantRef, email: string, actor: ApiActor, recordLimit = 500): Promise<SubjectView> {
  return withTenant(tenant.id, async (tx) => {
    const tenantId = tenant.id;
    const subject = await findSubject(tx, tenantId, email);
    const [records, current, history, requests, changes, purposes] = await Promise.all([
      recordsOf(tx, tenantId, subject.id, { limit: recordLimit }),
      currentConsents(tx, tenantId, subject.id),
      tx.consentEvent.findMany({ where: { tenantId, subjectId: subject.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
      tx.dataRequest.findMany({ where: { tenantId, subjectId: subject.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      tx.profileChange.findMany({ where: { tenantId, subjectId: subject.id }, orderBy: [{ changedAt: "asc" }, { id: "asc" }] }),
      tx.consentPurpose.findMany({ where: { tenantId }, select: { key: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } } }),
    ]);
    // The wording each current choice was made to (the latest event per purpose: history is oldest first), and whether it is the newest.
    const latest = new Map(history.map((e) => [e.purposeKey, e]));
    const newest = new Map(purposes.map((p) => [p.key, p.versions[0]?.id ?? null]));
    await recordAudit(tx, tenantId, { ...actor, action: "subject.read", targetType: "Subject", targetId: subject.id, subjectId: subject.id });
    return {
      profile: profileOf(subject),
      restricted: subject.restricted,
      objections: objectionList(subject.objections),
      records,
      consents: {
        current: current.map((c) => {
          const event = latest.get(c.purposeKey);
          const newestId = newest.get(c.purposeKey) ?? null;
          return {
            purposeKey: c.purposeKey,
            given: c.given,
            at: c.at,
            statementVersion: c.statementVersion,
            wordingVersion: event?.purposeVersion ?? null,
            currentWording: newestId === null ? null : event?.purposeVersionId === newestId,
          };
        }),
        history: history.map((e) => ({
          id: e.id,
          purposeKey: e.purposeKey,
          given: e.given,
          statementVersion: e.statementVersion,
          wording: e.wording,
          wordingVersion: e.purposeVersion,
          locale: e.locale,
          channel: e.channel,
          proofReference: e.proofReference,
          at: e.at.toISOString(),
          recordedAt: e.recordedAt.toISOString(),
        })),
      },
      requests: requests.map(requestSummaryOf),
      profileChanges: changes.map((c) => ({
        field: c.field,
        oldValue: c.oldValue,
        newValue: c.newValue,
        changedBy: c.changedBy,
        changedAt: c.changedAt.toISOString(),
      })),
    };
  });
}

/** A further page of a subject's records. */
export async function subjectRecords(
  tenant: TenantRef,
  email: string,
  options: { cursor?: string; limit: number; category?: string },
  actor: ApiActor,
): Promise<RecordsPage> {
  return withTenant(tenant.id, async (tx) => {
    const subject = await findSubject(tx, tenant.id, email);
    const page = await recordsOf(tx, tenant.id, subject.id, options);
    await recordAudit(tx, tenant.id, {
      ...actor,
      action: "subject.records.read",
      targetType: "Subject",
      targetId: subject.id,
      subjectId: subject.id,
      details: { count: page.items.length },
    });
    return page;
  });
}

type RequestRow = Prisma.DataRequestGetPayload<object>;

/** A cursor this API did not give out for this list (a well-formed one of another list, or made up): 400, not an empty page. */
function invalidCursor(): ApiError {
  return new ApiError(400, "invalid_cursor", "The cursor is not one this list gave out: pass the nextCursor of the previous page unchanged.", [
    { path: "cursor", message: "not a cursor of this list" },
  ]);
}

function requestSummaryOf(request: RequestRow): RequestSummary {
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt?.toISOString() ?? null,
    dueAt: request.dueAt?.toISOString() ?? null,
    extendedDueAt: request.extendedDueAt?.toISOString() ?? null,
    closedAt: request.closedAt?.toISOString() ?? null,
    requesterEmail: request.requesterEmail,
    target: request.target,
    createdAt: request.createdAt.toISOString(),
  };
}

/** The tenant's requests, oldest first, optionally of some statuses. */
export async function listRequests(
  tenant: TenantRef,
  options: { status?: RequestRow["status"][]; cursor?: string; limit: number },
  actor: ApiActor,
): Promise<{ items: RequestSummary[]; nextCursor: string | null }> {
  return withTenant(tenant.id, async (tx) => {
    if (options.cursor && !(await tx.dataRequest.findFirst({ where: { tenantId: tenant.id, id: options.cursor }, select: { id: true } }))) throw invalidCursor();
    const rows = await tx.dataRequest.findMany({
      where: {
        tenantId: tenant.id,
        ...(options.status?.length ? { status: { in: options.status } } : {}),
        ...(options.cursor ? { id: { gt: options.cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: options.limit + 1,
    });
    const more = rows.length > options.limit;
    const page = rows.slice(0, options.limit);
    await recordAudit(tx, tenant.id, { ...actor, action: "requests.list", targetType: "DataRequest", details: { count: page.length } });
    return { items: page.map(requestSummaryOf), nextCursor: more ? page[page.length - 1].id : null };
  });
}

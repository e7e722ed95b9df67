import type { AuditEvent, SubjectRecord, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";

/**
 * What the portal shows of the data the tenant's systems sent in, and of the staff's
 * access to it. A person may have 100,000 records, so groups show counts and the
 * newest few, and each group pages on by id (newest first) through its index.
 */

export const newestPerGroup = 20;
export const recordPageSize = 50;
const maxGroups = 100;

export interface RecordGroup {
  category: string;
  sourceSystem: string;
  count: number;
  latest: Date | null;
  newest: SubjectRecord[];
}

export interface RecordCategory {
  category: string;
  count: number;
  groups: RecordGroup[];
}

/** Records by category, then by source system: counts and the newest entries of each group. */
export async function recordOverview(tenant: Pick<Tenant, "id">, subjectId: string, perGroup = newestPerGroup): Promise<RecordCategory[]> {
  const tenantId = tenant.id;
  return withTenant(tenantId, async (tx) => {
    const groups = await tx.subjectRecord.groupBy({
      by: ["category", "sourceSystem"],
      where: { tenantId, subjectId },
      _count: { _all: true },
      _max: { receivedAt: true },
      orderBy: [{ category: "asc" }, { sourceSystem: "asc" }],
      take: maxGroups,
    });
    const filled = await Promise.all(
      groups.map(async (group) => ({
        category: group.category,
        sourceSystem: group.sourceSystem,
        count: group._count._all,
        latest: group._max.receivedAt,
        newest: await tx.subjectRecord.findMany({
          where: { tenantId, subjectId, category: group.category, sourceSystem: group.sourceSystem },
          orderBy: { id: "desc" },
          take: perGroup,
        }),
      })),
    );
    const categories = new Map<string, RecordCategory>();
    for (const group of filled) {
      const category = categories.get(group.category) ?? { category: group.category, count: 0, groups: [] };
      category.count += group.count;
      category.groups.push(group);
      categories.set(group.category, category);
    }
    return [...categories.values()];
  });
}

export interface RecordPage {
  records: SubjectRecord[];
  count: number;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/** One page of a group's records, newest first; `before` is the id the previous page ended with. */
export async function recordPage(
  tenant: Pick<Tenant, "id">,
  subjectId: string,
  group: { category: string; sourceSystem?: string | null },
  before?: string | null,
  size = recordPageSize,
): Promise<RecordPage> {
  const tenantId = tenant.id;
  const where = { tenantId, subjectId, category: group.category, ...(group.sourceSystem ? { sourceSystem: group.sourceSystem } : {}) };
  return withTenant(tenantId, async (tx) => {
    const [rows, count] = await Promise.all([
      tx.subjectRecord.findMany({ where: { ...where, ...(before ? { id: { lt: before } } : {}) }, orderBy: { id: "desc" }, take: size + 1 }),
      tx.subjectRecord.count({ where }),
    ]);
    const more = rows.length > size;
    const records = rows.slice(0, size);
    return { records, count, nextBefore: more ? records[records.length - 1].id : null };
  });
}

/** Flattens a record's fields for display: nested values as JSON text. */
export function recordFields(fields: unknown): Array<[string, string]> {
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return [["", JSON.stringify(fields)]];
  return Object.entries(fields).map(([key, value]) => [key, value === null ? "" : typeof value === "string" ? value : JSON.stringify(value)]);
}

export const staffActorTypes = ["user", "apiKey"];

export interface AccessLogPage {
  events: AuditEvent[];
  nextBefore: string | null;
}

/** When the tenant's staff or systems viewed or changed this person's data, newest first. */
export async function accessLog(tenant: Pick<Tenant, "id">, subjectId: string, before?: string | null, size = 50): Promise<AccessLogPage> {
  const tenantId = tenant.id;
  return withTenant(tenantId, async (tx) => {
    const where = { tenantId, subjectId, actorType: { in: staffActorTypes } };
    const cursor = before ? await tx.auditEvent.findFirst({ where: { ...where, id: before }, select: { id: true } }) : null;
    const rows = await tx.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
      take: size + 1,
    });
    const more = rows.length > size;
    const events = rows.slice(0, size);
    return { events, nextBefore: more ? events[events.length - 1].id : null };
  });
}

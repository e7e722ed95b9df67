import type { Prisma } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { searchText } from "@/lib/safe-input";

/** Reading the audit trail: filtered, newest first, a page at a time. */

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export const auditPageSize = 50;

function where(tenantId: string, filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    tenantId,
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" as const } } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

export async function auditPage(tenantId: string, filter: AuditFilter, before?: string) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.auditEvent.findMany({
      where: where(tenantId, filter),
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: auditPageSize + 1,
      ...(before ? { cursor: { id: before }, skip: 1 } : {}),
    }),
  );
  return { rows: rows.slice(0, auditPageSize), next: rows.length > auditPageSize ? rows[auditPageSize - 1].id : null };
}

/**
 * Every matching row as CSV lines, fetched in batches so a long log is not held in memory
 * at once. The first batch is read before the header line is yielded, so a caller that
 * waits for the first line before answering 200 learns of a failing query in time.
 */
export async function* auditCsv(tenantId: string, filter: AuditFilter): AsyncGenerator<string> {
  let cursor: string | undefined;
  let header = "time,actor_type,actor,action,target_type,target_id,subject_id,ip,details\n";
  for (;;) {
    const batch = await withTenant(tenantId, (tx) =>
      tx.auditEvent.findMany({
        where: where(tenantId, filter),
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 1000,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      }),
    );
    if (header) yield header;
    header = "";
    for (const row of batch) {
      yield [row.at.toISOString(), row.actorType, row.actorLabel, row.action, row.targetType, row.targetId, row.subjectId, row.ip, JSON.stringify(row.details)]
        .map(csvField)
        .join(",") + "\n";
    }
    if (batch.length < 1000) return;
    cursor = batch[batch.length - 1].id;
  }
}

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  // A leading =, +, - or @ would make a spreadsheet treat the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function parseAuditFilter(query: Record<string, string | string[] | undefined>): AuditFilter {
  const one = (key: string) => (typeof query[key] === "string" ? searchText((query[key] as string).trim().slice(0, 100)) : "");
  const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T00:00:00Z`) : undefined);
  const to = date(one("to"));
  return {
    action: one("action") || undefined,
    actor: one("actor") || undefined,
    from: date(one("from")),
    to: to ? new Date(to.getTime() + 24 * 3600_000) : undefined,
  };
}

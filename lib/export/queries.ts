import { Prisma } from "@/generated/prisma/client";
import type { TenantTx } from "@/lib/db/tenant-db";

/** Readers of one person's data that the API and the export share. */

/**
 * A timestamp column as ISO 8601 text in UTC, made by the database. Plain SQL hands
 * `timestamp` values to JavaScript as local time on some drivers, which shifts them by
 * the server's time zone; Prisma stores UTC, so the text is exact everywhere.
 */
export const isoText = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface CurrentConsent {
  purposeKey: string;
  given: boolean;
  /** ISO 8601 in UTC. */
  at: string;
  statementVersion: number | null;
}

/** The latest consent event per purpose: whether consent stands now. */
export async function currentConsents(tx: TenantTx, tenantId: string, subjectId: string): Promise<CurrentConsent[]> {
  return tx.$queryRaw<CurrentConsent[]>`
    SELECT DISTINCT ON ("purposeKey") "purposeKey", "given", ${isoText(Prisma.raw('"at"'))} AS "at", "statementVersion"
    FROM "ConsentEvent"
    WHERE "tenantId" = ${tenantId} AND "subjectId" = ${subjectId}
    ORDER BY "purposeKey", "ConsentEvent"."at" DESC, "id" DESC`;
}

/** Record categories of a person with their counts, by name. */
export async function recordCategories(tx: TenantTx, tenantId: string, subjectId: string): Promise<Array<{ category: string; count: number }>> {
  const rows = await tx.subjectRecord.groupBy({
    by: ["category"],
    where: { tenantId, subjectId },
    _count: { _all: true },
    orderBy: { category: "asc" },
  });
  return rows.map((row) => ({ category: row.category, count: row._count._all }));
}

/** The union of field names of a person's records in one category, sorted. */
export async function recordFieldNames(tx: TenantTx, tenantId: string, subjectId: string, category: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ name: string }>>`
    SELECT DISTINCT jsonb_object_keys("fields") AS "name"
    FROM "SubjectRecord"
    WHERE "tenantId" = ${tenantId} AND "subjectId" = ${subjectId} AND "category" = ${category} AND jsonb_typeof("fields") = 'object'`;
  return rows.map((row) => row.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The values of the tenant's own profile fields, as stored (Subject.customFields), as texts. */
export function customFieldValues(stored: unknown): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return values;
  for (const [key, value] of Object.entries(stored)) {
    values[key] = value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);
  }
  return values;
}

/** The purposes a person objected to (Subject.objections), as texts. */
export function objectionList(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((item) => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object") {
      const named = (item as Record<string, unknown>).purposeKey ?? (item as Record<string, unknown>).purpose ?? (item as Record<string, unknown>).key;
      if (typeof named === "string") return named;
    }
    return JSON.stringify(item);
  });
}

/**
 * Rows in batches by keyset pagination: `load(after)` gives the rows after the row
 * `after` in a fixed order (or the first ones), at most `size` of them.
 */
export async function* inBatches<T>(load: (after: T | undefined) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let after: T | undefined;
  for (;;) {
    const batch = await load(after);
    if (batch.length > 0) yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1];
  }
}

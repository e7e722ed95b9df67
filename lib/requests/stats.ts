import type { RequestType } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { requestTypes, statusCode } from "./inbox";

/**
 * Figures for the inbox's dashboard, over the last `weeks` weeks (weeks start on Monday,
 * UTC; the current week counts as the last one):
 * - requests received per week and type (a request counts from its receipt; unconfirmed
 *   ones are left out);
 * - of the requests completed in that period, the median number of days from receipt
 *   to completion and the share completed by their deadline (extendedDueAt ?? dueAt).
 */

export const statsWeeks = 12;
const dayMs = 86_400_000;

export interface WeekCount {
  /** Monday 00:00 UTC. */
  start: Date;
  byType: Record<RequestType, number>;
  total: number;
}

export interface RequestStats {
  weeks: WeekCount[];
  /** Completed in the period. */
  completed: number;
  /** Of those, completed no later than their deadline. */
  onTime: number;
  /** onTime / completed, 0..1; null when nothing was completed. */
  onTimeShare: number | null;
  /** Median days from receipt to completion (fractional); null when nothing was completed. */
  medianDays: number | null;
}

/** Monday 00:00 UTC of the week `date` falls in. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * dayMs);
}

/** The median of a list of numbers; null for an empty list. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const emptyTypes = () => Object.fromEntries(requestTypes.map((t) => [t, 0])) as Record<RequestType, number>;

export async function requestStats(tenantId: string, now = new Date(), weeks = statsWeeks): Promise<RequestStats> {
  const from = new Date(weekStart(now).getTime() - (weeks - 1) * 7 * dayMs);
  const fromText = from.toISOString();
  const [perWeek, completion] = await withTenant(tenantId, (tx) =>
    Promise.all([
      tx.$queryRaw<Array<{ week: string; type: RequestType; count: number }>>(Prisma.sql`
        SELECT to_char(date_trunc('week', "receivedAt"), 'YYYY-MM-DD') AS "week", "type"::text AS "type", count(*)::int AS "count"
        FROM "DataRequest"
        WHERE "tenantId" = ${tenantId} AND "receivedAt" >= ${fromText}::timestamp
        GROUP BY 1, 2`),
      tx.$queryRaw<Array<{ completed: number; onTime: number; medianDays: number | null }>>(Prisma.sql`
        SELECT count(*)::int AS "completed",
               (count(*) FILTER (WHERE "closedAt" <= COALESCE("extendedDueAt", "dueAt")))::int AS "onTime",
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("closedAt" - "receivedAt")) / 86400))::float8 AS "medianDays"
        FROM "DataRequest"
        WHERE "tenantId" = ${tenantId} AND "closedAt" >= ${fromText}::timestamp AND "statusCode" = ${statusCode("COMPLETED")}::smallint AND "receivedAt" IS NOT NULL`),
    ]),
  );
  const result: WeekCount[] = Array.from({ length: weeks }, (_, i) => ({ start: new Date(from.getTime() + i * 7 * dayMs), byType: emptyTypes(), total: 0 }));
  const index = new Map(result.map((week, i) => [week.start.toISOString().slice(0, 10), i]));
  for (const row of perWeek) {
    const i = index.get(row.week);
    if (i === undefined) continue;
    result[i].byType[row.type] += Number(row.count);
    result[i].total += Number(row.count);
  }
  const { completed, onTime, medianDays } = completion[0] ?? { completed: 0, onTime: 0, medianDays: null };
  return {
    weeks: result,
    completed: Number(completed),
    onTime: Number(onTime),
    onTimeShare: Number(completed) > 0 ? Number(onTime) / Number(completed) : null,
    medianDays: medianDays === null || medianDays === undefined ? null : Number(medianDays),
  };
}

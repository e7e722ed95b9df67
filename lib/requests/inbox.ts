import type { Prisma } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import { Prisma as PrismaNamespace } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { dueSoonUntil } from "./deadline";
import { normalizeReference, requesterEmailHash } from "./reference";
import { requestStatuses } from "./status";

/**
 * The staff inbox: every request of one tenant, filtered, searched and sorted by the
 * deadline that counts (DataRequest.effectiveDueAt, a generated column: extendedDueAt ??
 * dueAt), a page at a time. Pages are keyset pages on (effectiveDueAt, id), so the 2,000th
 * page costs what the first does; the index (tenantId, statusCode, effectiveDueAt, id)
 * serves them. Statuses are matched on statusCode, not status: under row-level security
 * only leakproof comparisons reach an index, and enum equality is not one. Requests still awaiting the requester's
 * confirmation are not part of the list; they have a view of their own.
 */

export const inboxPageSize = 50;
/** The request types (as in requests.ts, which this module does not import: it pulls in the action layer). */
export const requestTypes = ["ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "PORTABILITY", "AUTOMATED_DECISION"] as const satisfies readonly RequestType[];

/** Confirmed and not closed: these have a running deadline. */
export const activeStatuses = ["RECEIVED", "IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "EXTENDED"] as const satisfies readonly RequestStatus[];
/** The statuses of the default view and of "all" (everything but unconfirmed requests). */
const listedStatuses = requestStatuses.filter((s) => s !== "AWAITING_CONFIRMATION");

export type StatusFilter = "open" | "all" | RequestStatus;
export type DueFilter = "" | "soon" | "overdue";

export interface InboxFilter {
  status: StatusFilter;
  type: RequestType | null;
  due: DueFilter;
  /** A reference, an e-mail address, or part of an address or name. */
  q: string;
}

export interface InboxCursor {
  dir: "after" | "before";
  due: Date;
  id: string;
}

export const defaultFilter: InboxFilter = { status: "open", type: null, due: "", q: "" };

type Query = Record<string, string | string[] | undefined>;
const one = (query: Query, key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");

/** The filter in a page's query string; anything unknown falls back to the default. */
export function parseInboxFilter(query: Query): InboxFilter {
  const status = one(query, "status");
  const type = one(query, "type");
  const due = one(query, "due");
  return {
    status: status === "all" || (requestStatuses as readonly string[]).includes(status) ? (status as StatusFilter) : "open",
    type: (requestTypes as readonly string[]).includes(type) ? (type as RequestType) : null,
    due: due === "soon" || due === "overdue" ? due : "",
    q: one(query, "q").trim().slice(0, 254),
  };
}

export function encodeCursor(cursor: Omit<InboxCursor, "dir">): string {
  return Buffer.from(`${cursor.due.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor of ?after= or ?before=; null when absent or not one of ours. */
export function parseCursor(query: Query): InboxCursor | null {
  for (const dir of ["after", "before"] as const) {
    const raw = one(query, dir);
    if (!raw || raw.length > 200) continue;
    const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
    const due = new Date(iso ?? "");
    if (!id || !/^[a-z0-9]{1,40}$/i.test(id) || Number.isNaN(due.getTime())) return null;
    return { dir, due, id };
  }
  return null;
}

/** The filter as query-string pairs (the defaults left out), for links that keep it. */
export function filterQuery(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status !== "open") params.set("status", filter.status);
  if (filter.type) params.set("type", filter.type);
  if (filter.due) params.set("due", filter.due);
  if (filter.q) params.set("q", filter.q);
  return params;
}

export interface InboxRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  channel: string;
  requesterEmail: string | null;
  requesterName: string | null;
  receivedAt: Date | null;
  createdAt: Date;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  effectiveDueAt: Date;
  erasureDueAt: Date | null;
  erasureCancelledAt: Date | null;
  erasedAt: Date | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursors for the neighbouring pages; null where there is none. */
  next: string | null;
  previous: string | null;
}

const rowSelect = {
  id: true,
  reference: true,
  type: true,
  status: true,
  channel: true,
  requesterEmail: true,
  requesterName: true,
  receivedAt: true,
  createdAt: true,
  dueAt: true,
  extendedDueAt: true,
  effectiveDueAt: true,
  erasureDueAt: true,
  erasureCancelledAt: true,
  erasedAt: true,
} satisfies Prisma.DataRequestSelect;

/** The search: a reference; an address (exactly, through the hash index, which also finds erased requests); else part of an address or name. */
function searchWhere(tenant: { hashSalt: string }, q: string): Prisma.DataRequestWhereInput {
  if (!q) return {};
  const reference = normalizeReference(q);
  if (reference) return { reference };
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return { requesterEmailHash: requesterEmailHash(tenant, q) };
  return { OR: [{ requesterEmail: { contains: q, mode: "insensitive" } }, { requesterName: { contains: q, mode: "insensitive" } }] };
}

/** The statuses a filter lists. */
export function filterStatuses(filter: InboxFilter): RequestStatus[] {
  const statuses: readonly RequestStatus[] = filter.status === "open" ? activeStatuses : filter.status === "all" ? listedStatuses : [filter.status];
  return filter.due ? statuses.filter((s) => (activeStatuses as readonly string[]).includes(s)) : [...statuses];
}

/** The filter's conditions but the status. */
function restWhere(tenant: { id: string; hashSalt: string }, filter: InboxFilter, now: Date): Prisma.DataRequestWhereInput {
  const due: Prisma.DateTimeFilter = {};
  if (filter.due === "overdue") due.lt = now;
  if (filter.due === "soon") {
    due.gte = now;
    due.lte = dueSoonUntil(now);
  }
  return {
    tenantId: tenant.id,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.due ? { effectiveDueAt: due } : {}),
    ...searchWhere(tenant, filter.q),
  };
}

/** DataRequest.statusCode: the status's place in the enum (and in requestStatuses). */
export const statusCode = (status: RequestStatus): number => requestStatuses.indexOf(status);

const before = (a: InboxRow, b: InboxRow) => a.effectiveDueAt.getTime() - b.effectiveDueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One page of the inbox. With a cursor, the rows after (or before) it; the keyset
 * condition is written as `due >= c AND (due > c OR id > i)` so that the index bounds
 * the scan at the cursor rather than filtering from the start.
 *
 * A view of several statuses (the default "open" view has five) reads one ordered
 * page per status through (tenantId, status, effectiveDueAt, id) and merges them: a
 * single query over all of them would have to sort every open request.
 * A search is selective by itself (reference or address hash index) and runs as one query.
 */
export async function inboxPage(
  tenant: { id: string; hashSalt: string },
  filter: InboxFilter,
  cursor: InboxCursor | null = null,
  options: { now?: Date; size?: number } = {},
): Promise<InboxPage> {
  const now = options.now ?? new Date();
  const size = options.size ?? inboxPageSize;
  const statuses = filterStatuses(filter);
  if (statuses.length === 0) return { rows: [], next: null, previous: null };
  const rest = restWhere(tenant, filter, now);
  const backwards = cursor?.dir === "before";
  const keyset: Prisma.DataRequestWhereInput[] = cursor
    ? backwards
      ? [{ effectiveDueAt: { lte: cursor.due } }, { OR: [{ effectiveDueAt: { lt: cursor.due } }, { id: { lt: cursor.id } }] }]
      : [{ effectiveDueAt: { gte: cursor.due } }, { OR: [{ effectiveDueAt: { gt: cursor.due } }, { id: { gt: cursor.id } }] }]
    : [];
  const order: Prisma.SortOrder = backwards ? "desc" : "asc";
  const query = (codes: number[]) => ({
    where: { AND: [rest, { statusCode: codes.length === 1 ? codes[0] : { in: codes } }, ...keyset] },
    orderBy: [{ effectiveDueAt: order }, { id: order }],
    take: size + 1,
    select: rowSelect,
  });
  const found = await withTenant(tenant.id, async (tx) => {
    if (filter.q || statuses.length === 1) return tx.dataRequest.findMany(query(statuses.map(statusCode)));
    const pages: InboxRow[][] = [];
    for (const status of statuses) pages.push(await tx.dataRequest.findMany(query([statusCode(status)])));
    const merged = pages.flat().sort(before);
    if (backwards) merged.reverse();
    return merged.slice(0, size + 1);
  });
  const more = found.length > size;
  const rows = found.slice(0, size);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const key = (row: InboxRow) => encodeCursor({ due: row.effectiveDueAt, id: row.id });
  return {
    rows,
    // Going back, there is always a next page (the one we came from); going forward, a previous one.
    next: last && (backwards || more) ? key(last) : null,
    previous: first && (backwards ? more : cursor !== null) ? key(first) : null,
  };
}

export interface StatusCount {
  status: RequestStatus;
  total: number;
  overdue: number;
  dueSoon: number;
}

export interface InboxCounts {
  byStatus: Record<RequestStatus, number>;
  /** Open requests (received, not closed) past their deadline, and due within dueSoonDays. */
  overdue: number;
  dueSoon: number;
  open: number;
}

/** Counts per status for the whole tenant, and how many open ones are overdue or due soon: one grouped query. */
export async function inboxCounts(tenantId: string, now = new Date()): Promise<InboxCounts> {
  const soon = dueSoonUntil(now);
  const rows = await withTenant(tenantId, (tx) =>
    tx.$queryRaw<StatusCount[]>(PrismaNamespace.sql`
      SELECT "status"::text AS "status",
             count(*)::int AS "total",
             (count(*) FILTER (WHERE "effectiveDueAt" < ${now.toISOString()}::timestamp))::int AS "overdue",
             (count(*) FILTER (WHERE "effectiveDueAt" >= ${now.toISOString()}::timestamp AND "effectiveDueAt" <= ${soon.toISOString()}::timestamp))::int AS "dueSoon"
      FROM "DataRequest"
      WHERE "tenantId" = ${tenantId}
      GROUP BY "status"`),
  );
  const byStatus = Object.fromEntries(requestStatuses.map((s) => [s, 0])) as Record<RequestStatus, number>;
  let overdue = 0;
  let dueSoon = 0;
  let open = 0;
  for (const row of rows) {
    byStatus[row.status] = Number(row.total);
    if ((activeStatuses as readonly string[]).includes(row.status)) {
      overdue += Number(row.overdue);
      dueSoon += Number(row.dueSoon);
      open += Number(row.total);
    }
  }
  return { byStatus, overdue, dueSoon, open };
}

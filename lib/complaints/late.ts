import type { RequestStatus } from "@/generated/prisma/enums";
import { daysLate as calendarDaysLate, effectiveDueAt, endOfLocalDay, localDay, type DeadlineCalendar } from "@/lib/requests/deadline";
import { closedStatuses } from "@/lib/requests/status";

/**
 * Whether the tenant answered a request in time (GDPR art. 12(3)): within one month of
 * receipt, or by the extended date when it extended the deadline in time. A request is
 * late when it was closed after that date, or is still open past it. The deadlines
 * themselves come from lib/requests/deadline.ts (Regulation 1182/71, the tenant's
 * calendar); this file only judges a request against them.
 */

export type Timeliness =
  /** Not received yet (awaiting confirmation of the address): no deadline runs. */
  | "not-started"
  /** Open, and the deadline has not passed. */
  | "open"
  /** Open, and the deadline has passed without an answer. */
  | "open-late"
  /** Closed on or before the deadline. */
  | "closed-on-time"
  /** Closed after the deadline. */
  | "closed-late";

export interface DeadlineFacts {
  status: RequestStatus;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  closedAt: Date | null;
  /** When the deadline was extended (the history's status change to EXTENDED); unknown when absent. */
  extendedAt?: Date | null;
}

export { effectiveDueAt };

/** When the deadline was extended: the history's status change to EXTENDED, if it has one. */
export function extensionMoment(events: ReadonlyArray<{ kind: string; toStatus: string | null; at: Date }>): Date | null {
  return events.find((event) => event.kind === "status" && event.toStatus === "EXTENDED")?.at ?? null;
}

export function isClosed(status: RequestStatus): boolean {
  return (closedStatuses as readonly RequestStatus[]).includes(status);
}

/**
 * Art. 12(3), second sentence: the controller informs the person of an extension
 * "within one month of receipt". An extension decided after the original deadline had
 * passed does not make the request on time: the original deadline keeps counting.
 */
export function extensionTooLate(request: Pick<DeadlineFacts, "dueAt" | "extendedDueAt" | "extendedAt">): boolean {
  return !!(request.dueAt && request.extendedDueAt && request.extendedAt && request.extendedAt.getTime() > request.dueAt.getTime());
}

/**
 * The deadline that counts, as the last instant of its last day in the tenant's
 * calendar (1182/71 art. 3(2)(c): a period ends with the expiry of its last day; a
 * deadline stored at another moment of that day still runs to its end).
 */
export function countingDueAt(request: Pick<DeadlineFacts, "dueAt" | "extendedDueAt" | "extendedAt">, calendar: DeadlineCalendar): Date | null {
  const due = extensionTooLate(request) ? request.dueAt : effectiveDueAt(request);
  return due ? endOfLocalDay(localDay(due, calendar), calendar) : null;
}

export function timeliness(request: DeadlineFacts, calendar: DeadlineCalendar, now = new Date()): Timeliness {
  const due = countingDueAt(request, calendar);
  if (!due) return "not-started";
  if (isClosed(request.status)) {
    // A closed request without a closing moment cannot be shown to be late.
    return request.closedAt && request.closedAt.getTime() > due.getTime() ? "closed-late" : "closed-on-time";
  }
  return now.getTime() > due.getTime() ? "open-late" : "open";
}

export function isLate(request: DeadlineFacts, calendar: DeadlineCalendar, now = new Date()): boolean {
  const state = timeliness(request, calendar, now);
  return state === "open-late" || state === "closed-late";
}

/**
 * The calendar days after the last day until it was closed (or until now, while open),
 * in the tenant's time zone: answered on the ninth day after the last day is nine days
 * late. Null when not late.
 */
export function daysLate(request: DeadlineFacts, calendar: DeadlineCalendar, now = new Date()): number | null {
  if (!isLate(request, calendar, now)) return null;
  const end = isClosed(request.status) ? request.closedAt! : now;
  return calendarDaysLate(countingDueAt(request, calendar)!, end, calendar);
}

export type ComplaintGround = "late" | "rejected";

/**
 * Why this request gives cause to complain to a supervisory authority, if it does:
 * it is (or was answered) late, or it was rejected. Lateness is named first.
 */
export function complaintGround(request: DeadlineFacts, calendar: DeadlineCalendar, now = new Date()): ComplaintGround | null {
  if (isLate(request, calendar, now)) return "late";
  if (request.status === "REJECTED") return "rejected";
  return null;
}

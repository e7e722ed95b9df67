import type { RequestStatus } from "@/generated/prisma/enums";
import { effectiveDueAt, isOverdue } from "@/lib/requests/deadline";
import { closedStatuses } from "@/lib/requests/status";

/**
 * Whether the tenant answered a request in time (GDPR art. 12(3)): within one month of
 * receipt, or by the extended date when it extended the deadline. A request is late
 * when it was closed after that date, or is still open past it.
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
}

const day = 86_400_000;

export { effectiveDueAt };

export function isClosed(status: RequestStatus): boolean {
  return (closedStatuses as readonly RequestStatus[]).includes(status);
}

export function timeliness(request: DeadlineFacts, now = new Date()): Timeliness {
  const due = effectiveDueAt(request);
  if (!due) return "not-started";
  if (isClosed(request.status)) {
    // A closed request without a closing moment cannot be shown to be late.
    return request.closedAt && request.closedAt.getTime() > due.getTime() ? "closed-late" : "closed-on-time";
  }
  return isOverdue(due, now) ? "open-late" : "open";
}

export function isLate(request: DeadlineFacts, now = new Date()): boolean {
  const state = timeliness(request, now);
  return state === "open-late" || state === "closed-late";
}

/** Whole days past the deadline (any part of a day counts as one), or null when not late. */
export function daysLate(request: DeadlineFacts, now = new Date()): number | null {
  if (!isLate(request, now)) return null;
  const due = effectiveDueAt(request)!;
  const end = isClosed(request.status) ? request.closedAt! : now;
  return Math.max(1, Math.ceil((end.getTime() - due.getTime()) / day));
}

export type ComplaintGround = "late" | "rejected";

/**
 * Why this request gives cause to complain to a supervisory authority, if it does:
 * it is (or was answered) late, or it was rejected. Lateness is named first.
 */
export function complaintGround(request: DeadlineFacts, now = new Date()): ComplaintGround | null {
  if (isLate(request, now)) return "late";
  if (request.status === "REJECTED") return "rejected";
  return null;
}

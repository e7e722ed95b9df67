import type { RequestStatus } from "@/generated/prisma/enums";

/**
 * The life of a data-subject request. A request filed without an account waits for
 * its requester to confirm their address; from RECEIVED on it counts and its deadline
 * runs. Staff move it along; the requester may withdraw it while it is open, and
 * answering a question (adding information while WAITING_FOR_REQUESTER) puts it back
 * in progress. COMPLETED, REJECTED and WITHDRAWN are final.
 */

export const requestStatuses = [
  "AWAITING_CONFIRMATION",
  "RECEIVED",
  "IDENTITY_CONFIRMED",
  "IN_PROGRESS",
  "WAITING_FOR_REQUESTER",
  "EXTENDED",
  "COMPLETED",
  "REJECTED",
  "WITHDRAWN",
] as const satisfies readonly RequestStatus[];

export type RequestActor = "requester" | "staff" | "system";

export const closedStatuses = ["COMPLETED", "REJECTED", "WITHDRAWN"] as const satisfies readonly RequestStatus[];

/** Open: not COMPLETED, REJECTED or WITHDRAWN (a request awaiting confirmation is open too). */
export function isOpen(status: RequestStatus): boolean {
  return !(closedStatuses as readonly RequestStatus[]).includes(status);
}

/** Counts for the deadline: confirmed and not closed. */
export function isActive(status: RequestStatus): boolean {
  return status !== "AWAITING_CONFIRMATION" && isOpen(status);
}

const staff: readonly RequestActor[] = ["staff"];
const requester: readonly RequestActor[] = ["requester"];
/** Withdrawal comes from the requester; staff may record one made by phone or letter. */
const withdrawal: readonly RequestActor[] = ["requester", "staff"];
/** Staff complete a request; the erasure job completes an erasure once it has been carried out. */
const completion: readonly RequestActor[] = ["staff", "system"];

/**
 * Every allowed status change, from -> to -> who may make it. Anything not listed is
 * refused. Moving to EXTENDED is allowed once per request (when extendedDueAt is still
 * empty); that rule lives with the extension itself, not in this table.
 */
export const transitions: Record<RequestStatus, Partial<Record<RequestStatus, readonly RequestActor[]>>> = {
  AWAITING_CONFIRMATION: { RECEIVED: requester, WITHDRAWN: requester },
  RECEIVED: {
    IDENTITY_CONFIRMED: staff,
    IN_PROGRESS: staff,
    WAITING_FOR_REQUESTER: staff,
    EXTENDED: staff,
    COMPLETED: completion,
    REJECTED: staff,
    WITHDRAWN: withdrawal,
  },
  IDENTITY_CONFIRMED: {
    IN_PROGRESS: staff,
    WAITING_FOR_REQUESTER: staff,
    EXTENDED: staff,
    COMPLETED: completion,
    REJECTED: staff,
    WITHDRAWN: withdrawal,
  },
  IN_PROGRESS: {
    WAITING_FOR_REQUESTER: staff,
    EXTENDED: staff,
    COMPLETED: completion,
    REJECTED: staff,
    WITHDRAWN: withdrawal,
  },
  WAITING_FOR_REQUESTER: {
    IN_PROGRESS: ["staff", "requester"],
    EXTENDED: staff,
    COMPLETED: completion,
    REJECTED: staff,
    WITHDRAWN: withdrawal,
  },
  EXTENDED: {
    IN_PROGRESS: staff,
    WAITING_FOR_REQUESTER: staff,
    COMPLETED: completion,
    REJECTED: staff,
    WITHDRAWN: withdrawal,
  },
  COMPLETED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

export function canTransition(from: RequestStatus, to: RequestStatus, actor: RequestActor): boolean {
  return transitions[from][to]?.includes(actor) ?? false;
}

/** The statuses this actor may move a request in `from` to. */
export function nextStatuses(from: RequestStatus, actor: RequestActor): RequestStatus[] {
  return requestStatuses.filter((to) => canTransition(from, to, actor));
}

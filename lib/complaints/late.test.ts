import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/generated/prisma/enums";
import { defaultCalendar, dueDate } from "@/lib/requests/deadline";
import { complaintGround, daysLate, effectiveDueAt, isLate, timeliness, type DeadlineFacts } from "./late";

const received = new Date("2026-01-31T09:00:00Z");
const due = dueDate(received, defaultCalendar); // Mon 2 March 2026, 23:59:59.999 in Amsterdam
const extended = new Date("2026-04-28T09:00:00Z");
const at = (iso: string) => new Date(iso);

function request(status: RequestStatus, facts: Partial<DeadlineFacts> = {}): DeadlineFacts {
  return { status, dueAt: due, extendedDueAt: null, closedAt: null, ...facts };
}

describe("the deadline that counts", () => {
  it("is the extended date when there is one, else the due date", () => {
    expect(effectiveDueAt(request("RECEIVED"))).toEqual(due);
    expect(effectiveDueAt(request("EXTENDED", { extendedDueAt: extended }))).toEqual(extended);
    expect(effectiveDueAt(request("AWAITING_CONFIRMATION", { dueAt: null }))).toBeNull();
  });
});

describe("late", () => {
  it("an open request is late only once the due moment has passed", () => {
    expect(timeliness(request("IN_PROGRESS"), at("2026-03-02T15:00:00Z"))).toBe("open");
    expect(timeliness(request("IN_PROGRESS"), at("2026-03-02T22:59:59.999Z"))).toBe("open");
    expect(timeliness(request("IN_PROGRESS"), at("2026-03-02T23:00:00Z"))).toBe("open-late");
    expect(isLate(request("WAITING_FOR_REQUESTER"), at("2026-03-10T00:00:00Z"))).toBe(true);
  });

  it("an extension moves the deadline: open past the due date but before the extended date is not late", () => {
    const r = request("EXTENDED", { extendedDueAt: extended });
    expect(timeliness(r, at("2026-03-15T00:00:00Z"))).toBe("open");
    expect(timeliness(r, at("2026-04-29T00:00:00Z"))).toBe("open-late");
  });

  it("a closed request is late when it was closed after the deadline, however long ago", () => {
    const later = at("2027-01-01T00:00:00Z");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-02-20T00:00:00Z") }), later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: due }), later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-03-02T20:00:00Z") }), later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-03-03T00:00:00Z") }), later)).toBe("closed-late");
    expect(timeliness(request("REJECTED", { closedAt: at("2026-03-03T00:00:00Z") }), later)).toBe("closed-late");
    expect(timeliness(request("COMPLETED", { extendedDueAt: extended, closedAt: at("2026-04-01T00:00:00Z") }), later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { extendedDueAt: extended, closedAt: at("2026-05-01T00:00:00Z") }), later)).toBe("closed-late");
  });

  it("a closed request is never late because of today's date, and one without a closing moment is not shown as late", () => {
    expect(isLate(request("COMPLETED", { closedAt: at("2026-02-01T00:00:00Z") }), at("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isLate(request("WITHDRAWN", { closedAt: null }), at("2030-01-01T00:00:00Z"))).toBe(false);
  });

  it("a request awaiting confirmation has no deadline yet", () => {
    expect(timeliness(request("AWAITING_CONFIRMATION", { dueAt: null }), at("2030-01-01T00:00:00Z"))).toBe("not-started");
  });

  it("counts the days after the last day: answered on the ninth day after it is nine days late", () => {
    expect(daysLate(request("RECEIVED"), at("2026-03-03T09:00:00Z"))).toBe(1);
    expect(daysLate(request("RECEIVED"), at("2026-03-11T09:00:00Z"))).toBe(9);
    expect(daysLate(request("COMPLETED", { closedAt: at("2026-03-05T09:00:00Z") }), at("2027-01-01T00:00:00Z"))).toBe(3);
    expect(daysLate(request("RECEIVED"), at("2026-02-01T00:00:00Z"))).toBeNull();
  });
});

describe("grounds for a complaint", () => {
  const now = at("2026-03-10T00:00:00Z");
  it("are lateness and rejection", () => {
    expect(complaintGround(request("RECEIVED"), now)).toBe("late");
    expect(complaintGround(request("REJECTED", { closedAt: at("2026-02-10T00:00:00Z") }), now)).toBe("rejected");
    expect(complaintGround(request("REJECTED", { closedAt: at("2026-03-05T00:00:00Z") }), now)).toBe("late");
    expect(complaintGround(request("COMPLETED", { closedAt: at("2026-02-10T00:00:00Z") }), now)).toBeNull();
    expect(complaintGround(request("IN_PROGRESS"), at("2026-02-10T00:00:00Z"))).toBeNull();
    expect(complaintGround(request("WITHDRAWN", { closedAt: at("2026-02-10T00:00:00Z") }), now)).toBeNull();
  });
});

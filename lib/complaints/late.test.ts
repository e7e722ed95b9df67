import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/generated/prisma/enums";
import { defaultCalendar, dueDate, latestExtension, type DeadlineCalendar } from "@/lib/requests/deadline";
import { complaintGround, countingDueAt, daysLate, effectiveDueAt, extensionTooLate, isLate, timeliness, type DeadlineFacts } from "./late";

const nl = defaultCalendar;
const received = new Date("2026-01-31T09:00:00Z");
const due = dueDate(received, nl); // Mon 2 March 2026, 23:59:59.999 in Amsterdam (22:59:59.999Z)
const extended = latestExtension(due, nl); // the end of Mon 4 May 2026 (2 May is a Saturday)
const at = (iso: string) => new Date(iso);

function request(status: RequestStatus, facts: Partial<DeadlineFacts> = {}): DeadlineFacts {
  return { status, dueAt: due, extendedDueAt: null, closedAt: null, ...facts };
}

describe("the deadline that counts", () => {
  it("is the extended date when there is one, else the due date", () => {
    expect(effectiveDueAt(request("RECEIVED"))).toEqual(due);
    expect(effectiveDueAt(request("EXTENDED", { extendedDueAt: extended }))).toEqual(extended);
    expect(effectiveDueAt(request("AWAITING_CONFIRMATION", { dueAt: null }))).toBeNull();
    expect(countingDueAt(request("EXTENDED", { extendedDueAt: extended, extendedAt: at("2026-02-20T10:00:00Z") }), nl)).toEqual(extended);
  });

  it("an extension decided after the original deadline does not count: the original deadline does (art. 12(3))", () => {
    const late = request("EXTENDED", { extendedDueAt: extended, extendedAt: at("2026-03-05T10:00:00Z") });
    expect(extensionTooLate(late)).toBe(true);
    expect(countingDueAt(late, nl)).toEqual(due);
    expect(timeliness(late, nl, at("2026-03-15T00:00:00Z"))).toBe("open-late");
    expect(daysLate(late, nl, at("2026-03-15T10:00:00Z"))).toBe(13);
    // Answered within the (late) extension: still late, counted from the original deadline.
    const answered = { ...late, status: "COMPLETED" as const, closedAt: at("2026-04-01T10:00:00Z") };
    expect(timeliness(answered, nl, at("2027-01-01T00:00:00Z"))).toBe("closed-late");
    expect(daysLate(answered, nl, at("2027-01-01T00:00:00Z"))).toBe(30);
    // Extended on the last day itself, before it ended: in time.
    expect(extensionTooLate({ ...late, extendedAt: at("2026-03-02T20:00:00Z") })).toBe(false);
  });

  it("a deadline stored at another moment of its last day runs to that day's end (1182/71 art. 3(2)(c))", () => {
    const midday = request("COMPLETED", { dueAt: at("2026-03-02T11:00:00Z"), closedAt: at("2026-03-02T21:00:00Z") });
    expect(countingDueAt(midday, nl)).toEqual(due);
    expect(timeliness(midday, nl, at("2027-01-01T00:00:00Z"))).toBe("closed-on-time");
  });
});

describe("late", () => {
  it("an open request is late only once the last day has ended in the tenant's time zone", () => {
    expect(timeliness(request("IN_PROGRESS"), nl, at("2026-03-02T15:00:00Z"))).toBe("open");
    expect(timeliness(request("IN_PROGRESS"), nl, at("2026-03-02T22:59:59.999Z"))).toBe("open");
    expect(timeliness(request("IN_PROGRESS"), nl, at("2026-03-02T23:00:00Z"))).toBe("open-late");
    expect(isLate(request("WAITING_FOR_REQUESTER"), nl, at("2026-03-10T00:00:00Z"))).toBe(true);
  });

  it("an extension in time moves the deadline: open past the due date but before the extended date is not late", () => {
    const r = request("EXTENDED", { extendedDueAt: extended, extendedAt: at("2026-02-25T09:00:00Z") });
    expect(timeliness(r, nl, at("2026-03-15T00:00:00Z"))).toBe("open");
    expect(timeliness(r, nl, at("2026-05-06T00:00:00Z"))).toBe("open-late");
  });

  it("a closed request is late when it was closed after the deadline, however long ago", () => {
    const later = at("2027-01-01T00:00:00Z");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-02-20T00:00:00Z") }), nl, later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: due }), nl, later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-03-02T20:00:00Z") }), nl, later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { closedAt: at("2026-03-03T00:00:00Z") }), nl, later)).toBe("closed-late");
    expect(timeliness(request("REJECTED", { closedAt: at("2026-03-03T00:00:00Z") }), nl, later)).toBe("closed-late");
    expect(timeliness(request("COMPLETED", { extendedDueAt: extended, closedAt: at("2026-04-01T00:00:00Z") }), nl, later)).toBe("closed-on-time");
    expect(timeliness(request("COMPLETED", { extendedDueAt: extended, closedAt: at("2026-05-06T00:00:00Z") }), nl, later)).toBe("closed-late");
  });

  it("a closed request is never late because of today's date, and one without a closing moment is not shown as late", () => {
    expect(isLate(request("COMPLETED", { closedAt: at("2026-02-01T00:00:00Z") }), nl, at("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isLate(request("WITHDRAWN", { closedAt: null }), nl, at("2030-01-01T00:00:00Z"))).toBe(false);
  });

  it("a request awaiting confirmation has no deadline yet", () => {
    expect(timeliness(request("AWAITING_CONFIRMATION", { dueAt: null }), nl, at("2030-01-01T00:00:00Z"))).toBe("not-started");
  });

  it("counts the calendar days after the last day: answered on the ninth day after it is nine days late, not ten", () => {
    expect(daysLate(request("RECEIVED"), nl, at("2026-03-03T09:00:00Z"))).toBe(1);
    expect(daysLate(request("RECEIVED"), nl, at("2026-03-11T09:00:00Z"))).toBe(9);
    // Late in the evening of the ninth day: 9 days and 21 hours after the deadline, still nine days late.
    expect(daysLate(request("COMPLETED", { closedAt: at("2026-03-11T20:30:00Z") }), nl, at("2027-01-01T00:00:00Z"))).toBe(9);
    expect(daysLate(request("COMPLETED", { closedAt: at("2026-03-05T09:00:00Z") }), nl, at("2027-01-01T00:00:00Z"))).toBe(3);
    expect(daysLate(request("RECEIVED"), nl, at("2026-02-01T00:00:00Z"))).toBeNull();
  });

  it("counts calendar days, not 24-hour spans: a deadline stored at midday or a change to summer time adds no day", () => {
    // 9 days and 9.5 hours after a deadline stored at noon (UTC) of 2 March: the ninth day after it.
    const midday = request("COMPLETED", { dueAt: at("2026-03-02T11:00:00Z"), closedAt: at("2026-03-11T20:30:00Z") });
    expect(daysLate(midday, nl, at("2027-01-01T00:00:00Z"))).toBe(9);
    // Last day Fri 20 March 2026; answered at 00:30 on Mon 30 March, after the clocks went forward: ten days late.
    const spring = request("COMPLETED", { dueAt: dueDate(at("2026-02-20T09:00:00Z"), nl), closedAt: at("2026-03-29T22:30:00Z") });
    expect(daysLate(spring, nl, at("2027-01-01T00:00:00Z"))).toBe(10);
  });

  it("counts days in the tenant's own time zone", () => {
    const helsinki: DeadlineCalendar = { timeZone: "Europe/Helsinki", country: "FI" };
    const fiDue = dueDate(received, helsinki); // Mon 2 March 2026 ends 21:59:59.999Z in Helsinki
    const r = request("COMPLETED", { dueAt: fiDue, closedAt: at("2026-03-02T22:30:00Z") }); // 00:30 on 3 March in Helsinki
    expect(timeliness(r, helsinki, at("2027-01-01T00:00:00Z"))).toBe("closed-late");
    expect(daysLate(r, helsinki, at("2027-01-01T00:00:00Z"))).toBe(1);
  });
});

describe("grounds for a complaint", () => {
  const now = at("2026-03-10T00:00:00Z");
  it("are lateness and rejection", () => {
    expect(complaintGround(request("RECEIVED"), nl, now)).toBe("late");
    expect(complaintGround(request("REJECTED", { closedAt: at("2026-02-10T00:00:00Z") }), nl, now)).toBe("rejected");
    expect(complaintGround(request("REJECTED", { closedAt: at("2026-03-05T00:00:00Z") }), nl, now)).toBe("late");
    expect(complaintGround(request("COMPLETED", { closedAt: at("2026-02-10T00:00:00Z") }), nl, now)).toBeNull();
    expect(complaintGround(request("IN_PROGRESS"), nl, at("2026-02-10T00:00:00Z"))).toBeNull();
    expect(complaintGround(request("WITHDRAWN", { closedAt: at("2026-02-10T00:00:00Z") }), nl, now)).toBeNull();
  });
});

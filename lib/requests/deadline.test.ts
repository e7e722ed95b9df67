import { describe, expect, it } from "vitest";
import { addCalendarMonths, dueDate, isOverdue, latestExtension } from "./deadline";

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe("dueDate", () => {
  it.each([
    ["2026-01-31", "2026-02-28"],
    ["2028-01-31", "2028-02-29"],
    ["2026-01-15", "2026-02-15"],
    ["2026-03-31", "2026-04-30"],
    ["2026-04-30", "2026-05-30"],
    ["2026-12-31", "2027-01-31"],
    ["2026-12-15", "2027-01-15"],
    ["2024-02-29", "2024-03-29"],
  ])("received %s, due %s", (received, due) => {
    expect(dueDate(d(received)).toISOString().slice(0, 10)).toBe(due);
  });

  it("keeps the time of day", () => {
    expect(dueDate(new Date("2026-05-10T23:15:00Z")).toISOString()).toBe("2026-06-10T23:15:00.000Z");
  });
});

describe("latestExtension", () => {
  it("adds two calendar months to the due date", () => {
    expect(latestExtension(d("2026-02-28")).toISOString().slice(0, 10)).toBe("2026-04-28");
    expect(latestExtension(d("2025-12-31")).toISOString().slice(0, 10)).toBe("2026-02-28");
  });
});

describe("addCalendarMonths and isOverdue", () => {
  it("works backwards too", () => {
    expect(addCalendarMonths(d("2026-03-31"), -1).toISOString().slice(0, 10)).toBe("2026-02-28");
  });

  it("is overdue only after the due moment", () => {
    const due = d("2026-02-28");
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue(null)).toBe(false);
  });
});

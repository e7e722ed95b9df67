import { describe, expect, it } from "vitest";
import { median, weekStart } from "./stats";

describe("the dashboard's arithmetic", () => {
  it("weeks start on Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-06-15T00:00:00Z")).toISOString()).toBe("2026-06-15T00:00:00.000Z");
    expect(weekStart(new Date("2026-06-17T12:00:00Z")).toISOString()).toBe("2026-06-15T00:00:00.000Z");
    expect(weekStart(new Date("2026-06-21T23:59:59Z")).toISOString()).toBe("2026-06-15T00:00:00.000Z");
    // Across a month and a year.
    expect(weekStart(new Date("2027-01-01T08:00:00Z")).toISOString()).toBe("2026-12-28T00:00:00.000Z");
  });

  it("the median is the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([0.5, 0.25])).toBe(0.375);
  });
});

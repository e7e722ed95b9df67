import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  canStillExtend,
  daysLate,
  dueDate,
  endOfLocalDay,
  extensionBounds,
  isOverdue,
  isWorkingDay,
  latestExtension,
  localDay,
  middayOf,
  tenantCalendar,
} from "./deadline";

const amsterdam = { timeZone: "Europe/Amsterdam", country: "NL" };
/** A wall-clock moment in a zone, as the instant it is. */
const at = (local: string, zone = amsterdam.timeZone) => DateTime.fromISO(local, { zone }).toJSDate();
/** The last instant of a local day. */
const endOf = (day: string, zone = amsterdam.timeZone) => DateTime.fromISO(day, { zone }).endOf("day").toJSDate();

// GDPR art. 12(3); Regulation 1182/71 art. 3(2)(c) and 3(4).
describe("dueDate", () => {
  it.each([
    // received (Amsterdam wall clock), last day of the period, why
    ["2026-01-31T10:00", "2026-03-02", "28 Feb 2026 is a Saturday: the next working day, Monday 2 March (art. 3(4))"],
    ["2028-01-31T10:00", "2028-02-29", "no 31 February: the month's last day, 29 Feb 2028, a Tuesday (art. 3(2)(c))"],
    ["2026-03-01T00:30", "2026-04-01", "00:30 in Amsterdam is still 28 Feb in UTC; the local date counts"],
    ["2026-03-31T16:00", "2026-04-30", "no 31 April: 30 April, a Thursday"],
    ["2026-03-27T09:00", "2026-04-28", "27 April 2026 is King's Day, a public holiday in the Netherlands"],
    ["2026-11-25T12:00", "2026-12-28", "25 and 26 December are holidays, 27 December a Sunday"],
    ["2026-01-15T12:00", "2026-02-16", "15 Feb 2026 is a Sunday"],
    ["2026-12-15T23:59", "2027-01-15", "a Friday"],
  ])("received %s → last day %s (%s)", (received, lastDay) => {
    expect(dueDate(at(received), amsterdam)).toEqual(endOf(lastDay));
  });

  it("ends at the last instant of the last day, so an answer at 15:00 that day is on time", () => {
    const due = dueDate(at("2026-03-31T16:00"), amsterdam);
    expect(isOverdue(due, at("2026-04-30T15:00"))).toBe(false);
    expect(isOverdue(due, at("2026-04-30T23:59:59.999"))).toBe(false);
    expect(isOverdue(due, at("2026-05-01T00:00"))).toBe(true);
  });

  it("uses the holidays of the controller's country", () => {
    // 27 April is King's Day in NL, an ordinary Monday in Belgium; 21 July is Belgium's national day.
    expect(dueDate(at("2026-03-27T09:00", "Europe/Brussels"), { timeZone: "Europe/Brussels", country: "BE" })).toEqual(
      endOf("2026-04-27", "Europe/Brussels"),
    );
    expect(dueDate(at("2026-06-21T09:00", "Europe/Brussels"), { timeZone: "Europe/Brussels", country: "BE" })).toEqual(
      endOf("2026-07-22", "Europe/Brussels"),
    );
    // In the UK Boxing Day 2026 falls on a Saturday; its substitute holiday is Monday 28 December.
    expect(dueDate(at("2026-11-25T12:00", "Europe/London"), { timeZone: "Europe/London", country: "GB" })).toEqual(
      endOf("2026-12-29", "Europe/London"),
    );
  });

  it("counts in the controller's time zone", () => {
    const received = new Date("2026-02-28T23:30:00Z"); // 1 March 00:30 in Amsterdam, still 28 Feb in London
    expect(localDay(dueDate(received, amsterdam), amsterdam)).toBe("2026-04-01");
    const london = { timeZone: "Europe/London", country: "GB" };
    expect(localDay(dueDate(received, london), london)).toBe("2026-03-30"); // 28 March is a Saturday
  });
});

describe("latestExtension (art. 12(3): two further months from the original deadline)", () => {
  it.each([
    ["2026-01-31T10:00", "2026-05-04"], // due Mon 2 Mar; 2 May is a Saturday
    ["2028-01-31T10:00", "2028-05-01"], // due 29 Feb 2028; 29 April is a Saturday
    ["2026-03-01T00:30", "2026-06-01"], // due 1 Apr
    ["2026-03-31T16:00", "2026-06-30"], // due 30 Apr
    ["2026-03-27T09:00", "2026-06-29"], // due 28 Apr; 28 June is a Sunday
    ["2026-11-25T12:00", "2027-03-01"], // due 28 Dec; 28 Feb 2027 is a Sunday
  ])("received %s → extended at most to %s", (received, lastDay) => {
    expect(latestExtension(dueDate(at(received), amsterdam), amsterdam)).toEqual(endOf(lastDay));
  });

  it("may only be decided before the first deadline passes", () => {
    const due = dueDate(at("2026-03-31T16:00"), amsterdam);
    expect(canStillExtend(due, at("2026-04-30T22:00"))).toBe(true);
    expect(canStillExtend(due, at("2026-05-01T00:00"))).toBe(false);
  });
});

describe("extension bounds", () => {
  it("runs from the day after the deadline to the latest extension, as the controller's days", () => {
    const due = dueDate(at("2026-01-31T10:00"), amsterdam); // Mon 2 March
    expect(extensionBounds(due, amsterdam)).toEqual({ min: "2026-03-03", max: "2026-05-04" });
    expect(endOfLocalDay("2026-05-04", amsterdam)).toEqual(endOf("2026-05-04"));
    expect(endOfLocalDay("2026-02-30", amsterdam)).toBeNull();
    expect(middayOf("2026-02-12", amsterdam)).toEqual(at("2026-02-12T12:00"));
  });
});

describe("days late", () => {
  it("counts whole days after the last day", () => {
    const due = endOf("2026-04-30");
    expect(daysLate(due, at("2026-04-30T23:00"), amsterdam)).toBe(0);
    expect(daysLate(due, at("2026-05-01T00:10"), amsterdam)).toBe(1);
    expect(daysLate(due, at("2026-05-09T12:00"), amsterdam)).toBe(9);
  });
});

describe("working days and calendars", () => {
  it("knows weekends and public holidays but not observances", () => {
    const day = (iso: string) => DateTime.fromISO(iso, { zone: amsterdam.timeZone });
    expect(isWorkingDay(day("2026-04-27"), amsterdam)).toBe(false); // King's Day
    expect(isWorkingDay(day("2026-05-02"), amsterdam)).toBe(false); // Saturday
    expect(isWorkingDay(day("2026-04-28"), amsterdam)).toBe(true);
  });

  it.each(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB"])(
    "has New Year's Day as a public holiday in %s",
    (country) => {
      const day = DateTime.fromISO("2027-01-01", { zone: "Europe/Amsterdam" });
      expect(isWorkingDay(day, { timeZone: "Europe/Amsterdam", country })).toBe(false);
    },
  );

  it("falls back to Amsterdam for an unknown time zone", () => {
    expect(tenantCalendar({ timeZone: "Mars/Olympus", country: "be" })).toEqual({ timeZone: "Europe/Amsterdam", country: "BE" });
  });
});

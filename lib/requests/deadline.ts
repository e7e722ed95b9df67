import Holidays from "date-holidays";
import { DateTime } from "luxon";

/**
 * The one owner of request deadlines.
 *
 * GDPR art. 12(3): a request is answered "without undue delay and in any event within
 * one month of receipt", which may be extended by two further months. The EDPB
 * (Guidelines 01/2022 on the right of access, par. 157) reads the period by Regulation
 * (EEC, Euratom) No 1182/71:
 * - art. 3(1): the day of receipt itself is not counted; the period starts the next day.
 * - art. 3(2)(c): a period of months ends with the expiry of the last day whose date is the
 *   same as the day of receipt, or, when the last month has no such day, with the expiry
 *   of that month's last day (31 January → 28/29 February).
 * - art. 3(4): when that last day is a public holiday, a Saturday or a Sunday, the period
 *   ends with the expiry of the following working day.
 * Days are those of the controller: its time zone and the public holidays of its
 * country (art. 2(1) of 1182/71: the holidays of the Member State where the act is done).
 */
export interface DeadlineCalendar {
  /** IANA time zone, e.g. "Europe/Amsterdam". */
  timeZone: string;
  /** ISO 3166-1 alpha-2 country code of the controller, e.g. "NL". */
  country: string;
}

export const defaultCalendar: DeadlineCalendar = { timeZone: "Europe/Amsterdam", country: "NL" };

/** The calendar of a tenant: its time zone and its (controller's) country. */
export function tenantCalendar(tenant: { timeZone?: string | null; country?: string | null }): DeadlineCalendar {
  return {
    timeZone: tenant.timeZone && isTimeZone(tenant.timeZone) ? tenant.timeZone : defaultCalendar.timeZone,
    country: tenant.country?.trim().toUpperCase() || defaultCalendar.country,
  };
}

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

const holidayCalendars = new Map<string, Holidays | null>();

/** Public holidays only: bank, school and observance days are working days under 1182/71. */
function isPublicHoliday(day: DateTime, country: string): boolean {
  if (!holidayCalendars.has(country)) {
    const supported = Object.prototype.hasOwnProperty.call(new Holidays().getCountries(), country);
    holidayCalendars.set(country, supported ? new Holidays(country, { types: ["public"] }) : null);
  }
  const holidays = holidayCalendars.get(country);
  if (!holidays) return false;
  const date = day.toISODate();
  return holidays.getHolidays(day.year).some((holiday) => holiday.type === "public" && holiday.date.startsWith(date ?? ""));
}

/** Saturday, Sunday and public holidays are not working days (1182/71 art. 2(2), 3(4)). */
export function isWorkingDay(day: DateTime, calendar: DeadlineCalendar): boolean {
  return day.weekday <= 5 && !isPublicHoliday(day, calendar.country);
}

/** The end of the period of `months` that runs from `from`: last instant of its last day, moved off non-working days. */
function endOfPeriod(from: Date, months: number, calendar: DeadlineCalendar): Date {
  // Luxon adds calendar months in the zone and clamps to the month's last day (art. 3(2)(c)).
  let lastDay = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf("day").plus({ months });
  while (!isWorkingDay(lastDay, calendar)) lastDay = lastDay.plus({ days: 1 }); // art. 3(4)
  return lastDay.endOf("day").toJSDate();
}

/** Art. 12(3); 1182/71 art. 3: the last instant at which an answer is on time. */
export function dueDate(receivedAt: Date, calendar: DeadlineCalendar): Date {
  return endOfPeriod(receivedAt, 1, calendar);
}

/**
 * Art. 12(3), second sentence: the latest instant an extended deadline may reach, two
 * further months counted the same way from the original deadline.
 */
export function latestExtension(dueAt: Date, calendar: DeadlineCalendar): Date {
  return endOfPeriod(dueAt, 2, calendar);
}

/** An extension must be decided and told before the first deadline passes (art. 12(3)). */
export function canStillExtend(dueAt: Date, now = new Date()): boolean {
  return now.getTime() <= dueAt.getTime();
}

/** The deadline that counts: the extended one when it was extended in time, else the original. */
export function effectiveDueAt<T extends Date | string>(request: { dueAt: T | null; extendedDueAt: T | null }): T | null {
  return request.extendedDueAt ?? request.dueAt;
}

/** "Due soon" in the inbox and the reminders: the deadline falls within this many days. */
export const dueSoonDays = 7;

/** The end of the "due soon" window that starts now. */
export function dueSoonUntil(now: Date): Date {
  return DateTime.fromJSDate(now).plus({ days: dueSoonDays }).toJSDate();
}

export function isOverdue(dueAt: Date | null, now = new Date()): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime();
}

/** Whole calendar days the answer came (or is) after the last day, in the controller's zone; 0 when on time. */
export function daysLate(dueAt: Date, answeredAt: Date, calendar: DeadlineCalendar): number {
  if (answeredAt.getTime() <= dueAt.getTime()) return 0;
  const lastDay = DateTime.fromJSDate(dueAt, { zone: calendar.timeZone }).startOf("day");
  const answered = DateTime.fromJSDate(answeredAt, { zone: calendar.timeZone }).startOf("day");
  return Math.round(answered.diff(lastDay, "days").days);
}

/** The calendar day (YYYY-MM-DD) of a moment in the controller's zone: the last day of a period, "today". */
export function localDay(moment: Date, calendar: DeadlineCalendar): string {
  return DateTime.fromJSDate(moment, { zone: calendar.timeZone }).toISODate() ?? "";
}

/** A calendar day (YYYY-MM-DD) of the controller, or null when it is no real date. */
function parseLocalDay(day: string, calendar: DeadlineCalendar): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const parsed = DateTime.fromISO(day, { zone: calendar.timeZone });
  return parsed.isValid ? parsed : null;
}

/** The last instant of a calendar day of the controller, or null when it is no real date. */
export function endOfLocalDay(day: string, calendar: DeadlineCalendar): Date | null {
  return parseLocalDay(day, calendar)?.endOf("day").toJSDate() ?? null;
}

/** A moment in the middle of a calendar day of the controller (noon), for things received "that day". */
export function middayOf(day: string, calendar: DeadlineCalendar): Date | null {
  return parseLocalDay(day, calendar)?.set({ hour: 12 }).toJSDate() ?? null;
}

/** The days an extended deadline may be set to: from the day after the deadline to the latest extension. */
export function extensionBounds(dueAt: Date, calendar: DeadlineCalendar): { min: string; max: string } {
  const firstDay = DateTime.fromJSDate(dueAt, { zone: calendar.timeZone }).plus({ days: 1 });
  return { min: firstDay.toISODate() ?? "", max: localDay(latestExtension(dueAt, calendar), calendar) };
}

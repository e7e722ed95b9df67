/**
 * GDPR art. 12(3): a request is answered within one month of receipt, which can be
 * extended by two further months. A month is a calendar month: 31 January gives
 * 28 February (29 in a leap year), 30 April gives 30 May.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
}

export function dueDate(receivedAt: Date): Date {
  return addCalendarMonths(receivedAt, 1);
}

/** The latest a deadline may be extended to: two further months after the original due date. */
export function latestExtension(dueAt: Date): Date {
  return addCalendarMonths(dueAt, 2);
}

export function isOverdue(dueAt: Date | null, now = new Date()): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime();
}

import type { DurationUnit, LocalizedText, RetentionRuleContent } from "./content";

/**
 * Retention periods as ISO 8601 durations, for machines reading the statement (the JSON's
 * retention[].isoDuration and TILT's storage ttl). A duration is given only where the rule
 * states one fixed period (art. 13(2)(a), 14(2)(a)); criteria without one give null, never
 * a guess. Weeks are written as days (P14D, not P2W): the same period, and the form TILT's
 * schema and most parsers accept.
 */

const designators: Record<Exclude<DurationUnit, "SESSION">, { time: boolean; letter: string; factor: number }> = {
  YEARS: { time: false, letter: "Y", factor: 1 },
  MONTHS: { time: false, letter: "M", factor: 1 },
  WEEKS: { time: false, letter: "D", factor: 7 },
  DAYS: { time: false, letter: "D", factor: 1 },
  HOURS: { time: true, letter: "H", factor: 1 },
  MINUTES: { time: true, letter: "M", factor: 1 },
};

/** `7, YEARS` -> `P7Y`; `2, WEEKS` -> `P14D`; `24, HOURS` -> `PT24H`. null for a session or no positive whole number. */
export function isoDuration(value: number | null, unit: DurationUnit | null): string | null {
  if (unit === null || unit === "SESSION" || value === null || !Number.isInteger(value) || value <= 0) return null;
  const { time, letter, factor } = designators[unit];
  return `P${time ? "T" : ""}${value * factor}${letter}`;
}

/** Unit words in Dutch and English, singular and plural. */
const unitWords: Array<[RegExp, DurationUnit]> = [
  [/^(years?|jaar|jaren)$/i, "YEARS"],
  [/^(months?|maand|maanden)$/i, "MONTHS"],
  [/^(weeks?|weken)$/i, "WEEKS"],
  [/^(days?|dag|dagen)$/i, "DAYS"],
  [/^(hours?|uur|uren)$/i, "HOURS"],
  [/^(minutes?|minuut|minuten)$/i, "MINUTES"],
];
const durationPattern = /(\d+)[\s\u00a0]*-?[\s\u00a0]*(years?|jaar|jaren|months?|maanden|maand|weeks?|weken|days?|dagen|dag|hours?|uren|uur|minutes?|minuten|minuut)(?![\p{L}\d])/giu;
const numberPattern = /\d+/g;

/**
 * The one fixed period a text states ("7 years after the contract ends", "24 maanden"), as
 * an ISO 8601 duration. null when it states none, or more than one ("2 years, or 7 for
 * invoices"), or a number that is not a period ("article 52", "from 2024"), since then
 * which period applies is for a person to read. Only figures count: "zeven jaar" gives null.
 */
export function durationInText(text: string): string | null {
  const found = new Set<string>();
  let periods = 0;
  for (const match of text.matchAll(durationPattern)) {
    const unit = unitWords.find(([pattern]) => pattern.test(match[2]))![1];
    const iso = isoDuration(Number(match[1]), unit);
    if (iso === null) return null;
    found.add(iso);
    periods += 1;
  }
  const numbers = text.match(numberPattern)?.length ?? 0;
  if (found.size !== 1 || numbers !== periods) return null;
  return [...found][0];
}

/**
 * A retention rule's period as an ISO 8601 duration: its structured period when it has one,
 * else the one period its criteria state in every language that has text (both must agree),
 * else null.
 */
export function retentionDuration(rule: Pick<RetentionRuleContent, "periodValue" | "periodUnit" | "criteria">): string | null {
  if (rule.periodValue !== null && rule.periodUnit !== null) return isoDuration(rule.periodValue, rule.periodUnit);
  return agreedDuration(rule.criteria);
}

function agreedDuration(text: LocalizedText): string | null {
  const texts = [text.nl, text.en].filter((value) => value.trim() !== "");
  if (texts.length === 0) return null;
  const durations = texts.map(durationInText);
  return durations.every((duration) => duration !== null && duration === durations[0]) ? durations[0] : null;
}

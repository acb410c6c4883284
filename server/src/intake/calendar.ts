// The shared calendar helpers (shared/src/dates.ts) on the YYYY-MM-DD strings that drafting passes around.
import { addDays as addCalendarDays, DatePrecision, endOfPeriodExclusive, parseIsoDate, toIsoDate } from '@detente/shared';

const parse = (day: string) => {
  const date = parseIsoDate(day);
  if (!date) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return date;
};

/** Adds `days` to a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string => toIsoDate(addCalendarDays(parse(day), days));

/** The last day of the period that `day` opens at `precision` (the day itself for DAY). */
export const lastDayOf = (day: string, precision: DatePrecision): string =>
  toIsoDate(addCalendarDays(endOfPeriodExclusive(parse(day), precision), -1));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

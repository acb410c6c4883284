// Calendar dates ("YYYY-MM-DD") and how an event's date reads at its precision, as server/data/README.md describes them.
// Calendar arithmetic only (no local-time Date objects), so no time zone can shift a day.

import { DatePrecision } from './enums';

/** A calendar date without a time of day. `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** En dash, the typographic range separator. */
const RANGE = '\u2013';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses "YYYY-MM-DD"; returns null for anything else, including impossible days (2021-02-30). */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthName(date: CalendarDate): string {
  return MONTH_ABBREVIATIONS[date.month - 1];
}

function formatSingle(date: CalendarDate, precision: DatePrecision): string {
  switch (precision) {
    case DatePrecision.YEAR:
      return String(date.year);
    case DatePrecision.MONTH:
      return `${monthName(date)} ${date.year}`;
    case DatePrecision.DAY:
      return `${date.day} ${monthName(date)} ${date.year}`;
  }
}

function formatRange(start: CalendarDate, end: CalendarDate, precision: DatePrecision): string {
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  switch (precision) {
    case DatePrecision.YEAR:
      return sameYear ? String(start.year) : `${start.year}${RANGE}${end.year}`;
    case DatePrecision.MONTH:
      if (sameMonth) return formatSingle(start, precision);
      if (sameYear) return `${monthName(start)}${RANGE}${monthName(end)} ${end.year}`;
      return `${formatSingle(start, precision)} ${RANGE} ${formatSingle(end, precision)}`;
    case DatePrecision.DAY:
      if (sameMonth && start.day === end.day) return formatSingle(start, precision);
      if (sameMonth) return `${start.day}${RANGE}${end.day} ${monthName(end)} ${end.year}`;
      if (sameYear) return `${start.day} ${monthName(start)} ${RANGE} ${end.day} ${monthName(end)} ${end.year}`;
      return `${formatSingle(start, precision)} ${RANGE} ${formatSingle(end, precision)}`;
  }
}

/**
 * How an event's date reads: "12 Oct 2021" (DAY), "Oct 2021" (MONTH), "2021" (YEAR);
 * with an end date, a compact range: "11–13 Oct 2021", "Oct–Dec 2021", "2021–2023".
 * Malformed input is returned as it came rather than hidden.
 */
export function formatEventDate(startDate: string, precision: DatePrecision | `${DatePrecision}`, endDate?: string | null): string {
  const start = parseIsoDate(startDate);
  if (!start) return startDate;
  const level = precision as DatePrecision;
  if (!endDate) return formatSingle(start, level);
  const end = parseIsoDate(endDate);
  if (!end) return `${formatSingle(start, level)} ${RANGE} ${endDate}`;
  if (compareDates(end, start) < 0) return formatSingle(start, level);
  return formatRange(start, end, level);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The first day after the period that `date` opens at `precision`: the next day, month or year. */
export function endOfPeriodExclusive(date: CalendarDate, precision: DatePrecision | `${DatePrecision}`): CalendarDate {
  switch (precision as DatePrecision) {
    case DatePrecision.YEAR:
      return { year: date.year + 1, month: 1, day: 1 };
    case DatePrecision.MONTH:
      return date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { year: date.year, month: date.month + 1, day: 1 };
    case DatePrecision.DAY:
      return addDays(date, 1);
  }
}

/** Adds (or, when negative, subtracts) whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  // Day arithmetic in UTC milliseconds is exact: UTC has no daylight-saving jumps.
  const ms = Date.UTC(date.year, date.month - 1, date.day) + days * 86_400_000;
  const shifted = new Date(ms);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Adds (or subtracts) whole days to a YYYY-MM-DD date. */
export function addDaysIso(date: string, days: number): string {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a calendar day: ${date}`);
  return toIsoDate(addDays(parsed, days));
}

/** Days from `from` to `to`, both YYYY-MM-DD: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

import { DatePrecision } from './enums';
import { addDays, addDaysIso, daysBetween, endOfPeriodExclusive, formatEventDate, parseIsoDate, toIsoDate } from './dates';

describe('formatEventDate', () => {
  it('shows a DAY-precision date as day, month and year', () => {
    expect(formatEventDate('2021-10-12', DatePrecision.DAY)).toBe('12 Oct 2021');
  });

  it('shows a MONTH-precision date as month and year', () => {
    expect(formatEventDate('2021-10-01', DatePrecision.MONTH)).toBe('Oct 2021');
  });

  it('shows a YEAR-precision date as the year alone', () => {
    expect(formatEventDate('2021-01-01', DatePrecision.YEAR)).toBe('2021');
  });

  it('accepts the precision as the string the API sends', () => {
    expect(formatEventDate('2021-10-12', 'DAY')).toBe('12 Oct 2021');
  });

  it('collapses a span inside one month to "11–13 Oct 2021"', () => {
    expect(formatEventDate('2021-10-11', DatePrecision.DAY, '2021-10-13')).toBe('11–13 Oct 2021');
  });

  it('names both months for a span across months of one year', () => {
    expect(formatEventDate('2021-09-28', DatePrecision.DAY, '2021-10-03')).toBe('28 Sep – 3 Oct 2021');
  });

  it('names both years for a span across years', () => {
    expect(formatEventDate('2021-12-28', DatePrecision.DAY, '2022-01-03')).toBe('28 Dec 2021 – 3 Jan 2022');
  });

  it('shows a span of months and of years compactly', () => {
    expect(formatEventDate('2021-10-01', DatePrecision.MONTH, '2021-12-31')).toBe('Oct–Dec 2021');
    expect(formatEventDate('2021-12-01', DatePrecision.MONTH, '2022-02-01')).toBe('Dec 2021 – Feb 2022');
    expect(formatEventDate('2021-01-01', DatePrecision.YEAR, '2023-12-31')).toBe('2021–2023');
  });

  it('shows one date when the end equals the start or is missing', () => {
    expect(formatEventDate('2021-10-12', DatePrecision.DAY, '2021-10-12')).toBe('12 Oct 2021');
    expect(formatEventDate('2021-10-12', DatePrecision.DAY, null)).toBe('12 Oct 2021');
  });

  it('returns malformed input unchanged rather than inventing a date', () => {
    expect(formatEventDate('October 2021', DatePrecision.MONTH)).toBe('October 2021');
  });
});

describe('parseIsoDate', () => {
  it('rejects impossible days', () => {
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('endOfPeriodExclusive', () => {
  it('gives the next day, the first of the next month, or the next new year', () => {
    const date = { year: 2021, month: 12, day: 31 };
    expect(toIsoDate(endOfPeriodExclusive(date, DatePrecision.DAY))).toBe('2022-01-01');
    expect(toIsoDate(endOfPeriodExclusive({ year: 2021, month: 10, day: 1 }, 'MONTH'))).toBe('2021-11-01');
    expect(toIsoDate(endOfPeriodExclusive(date, DatePrecision.MONTH))).toBe('2022-01-01');
    expect(toIsoDate(endOfPeriodExclusive(date, DatePrecision.YEAR))).toBe('2022-01-01');
  });
});

describe('addDays', () => {
  it('crosses month and leap-day boundaries', () => {
    expect(toIsoDate(addDays({ year: 2024, month: 2, day: 28 }, 1))).toBe('2024-02-29');
    expect(toIsoDate(addDays({ year: 2021, month: 3, day: 1 }, -1))).toBe('2021-02-28');
  });
});

describe('day arithmetic on YYYY-MM-DD strings', () => {
  it('adds days across a leap day and counts the days between two dates', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2021-03-01', -1)).toBe('2021-02-28');
    expect(daysBetween('2021-01-01', '2021-12-31')).toBe(364);
    expect(daysBetween('2021-01-02', '2021-01-01')).toBe(-1);
  });

  it('refuses a string that is not a calendar day', () => {
    expect(() => addDaysIso('2021-02-30', 1)).toThrow(RangeError);
  });
});

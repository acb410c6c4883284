// A range of days as the fewest rollup rows that cover it: whole months from the monthly rollup, whole weeks of
// the partial months at either end from the weekly one, and the days left at the edges from the daily one
// (tables of the EventDailyRollups and CoarseRollups migrations). 274 days read as about 8 months, a few weeks
// and a few days instead of 274 days.
import { addDaysIso } from '@detente/shared';

export type RollupGrain = 'day' | 'week' | 'month';

/** The periods of one grain whose first days run from `first` to `last`, both included. */
export interface RollupRange {
  grain: RollupGrain;
  first: string;
  last: string;
}

/** Coarser to finer: a coarser grain's edges are split by the next one. */
const FINER: Record<RollupGrain, RollupGrain | undefined> = { month: 'week', week: 'day', day: undefined };

/** The first day of the period holding `day`: itself, its week's Monday (as date_trunc('week') says), its month's 1st. */
export function periodStart(grain: RollupGrain, day: string): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysIso(day, -weekday);
}

/** The first day of the period after the one starting on `start`. */
function nextPeriod(grain: RollupGrain, start: string): string {
  if (grain === 'day') return addDaysIso(start, 1);
  if (grain === 'week') return addDaysIso(start, 7);
  return periodStart('month', addDaysIso(start, 31));
}

/**
 * [from, to] (days, both included) split into rollup ranges in date order, using no grain coarser than
 * `coarsest`. Each day falls in exactly one range's periods, and every period read lies inside [from, to]: a
 * sum over the ranges' rows is the sum over the range's days. Every period read also lies inside one period of
 * `coarsest` (a week read for a month's edge never runs into the next month), so the rows can be grouped into
 * buckets of that grain. Empty when from > to.
 */
export function splitRange(from: string, to: string, coarsest: RollupGrain = 'month'): RollupRange[] {
  if (from > to) return [];
  const grain = coarsest;
  const finer = FINER[grain];
  if (!finer) return [{ grain, first: from, last: to }];
  // Whole periods are [wholeFrom, wholeEnd): the first that starts on or after `from`, up to the one holding to + 1.
  const fromPeriod = periodStart(grain, from);
  const wholeFrom = fromPeriod === from ? from : nextPeriod(grain, fromPeriod);
  const wholeEnd = periodStart(grain, addDaysIso(to, 1));
  // Inside one period: all of it from the finer grain.
  if (wholeFrom > wholeEnd) return splitRange(from, to, finer);
  // The edges, each inside one period, so that no finer period read crosses a boundary of this grain.
  return [
    ...splitRange(from, addDaysIso(wholeFrom, -1), finer),
    ...(wholeFrom < wholeEnd ? [{ grain, first: wholeFrom, last: periodStart(grain, addDaysIso(wholeEnd, -1)) }] : []),
    ...splitRange(wholeEnd, to, finer),
  ];
}

/** The rollup table of a family and grain, and its period column (the daily tables name theirs `day`). */
export const rollupTable = (family: 'count' | 'tone', grain: RollupGrain) => `event_${family}_by_${grain}`;
export const periodColumn = (grain: RollupGrain) => (grain === 'day' ? 'day' : 'period');

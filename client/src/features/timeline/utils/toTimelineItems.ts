// Maps API events to vis-timeline items. Pure: no DOM, no vis import, so it is unit-tested alone.
import { DatePrecision } from '@detente/shared/enums';
import { endOfPeriodExclusive, parseIsoDate, type CalendarDate } from '@detente/shared/dates';
import type { TimelineEvent } from '../api/timeline.queries';
import { kindAppearance } from '../../../domain/eventKinds';
import { toneBand, toneClassNames, type ToneBand } from '../../../domain/tone';

/** One vis-timeline item. `content` is plain text: the item template renders it as a text node. */
export interface EventTimelineItem {
  id: string;
  group: string;
  type: 'point' | 'range';
  start: Date;
  end?: Date;
  /** The title, as text. Never parsed as HTML (see renderItemContent). */
  content: string;
  className: string;
  icon: string;
  kind: string;
  tone: ToneBand;
  importance: number;
}

/** Local midnight of a calendar date: vis-timeline draws its axis in local time. */
export function toLocalDate(date: CalendarDate): Date {
  return new Date(date.year, date.month - 1, date.day);
}

function firstDayOfPeriod(date: CalendarDate, precision: DatePrecision): CalendarDate {
  switch (precision) {
    case DatePrecision.YEAR:
      return { year: date.year, month: 1, day: 1 };
    case DatePrecision.MONTH:
      return { ...date, day: 1 };
    case DatePrecision.DAY:
      return date;
  }
}

/**
 * Where an event sits in time. A day event without an end is a point; an event with an end date
 * is a range through the whole last day; an event known only to the month (or year) is a range
 * covering that month (or year), so it does not pretend to a day it does not have.
 */
export function eventSpan(event: Pick<TimelineEvent, 'startDate' | 'endDate' | 'datePrecision'>): {
  type: 'point' | 'range';
  start: Date;
  end?: Date;
} | null {
  const precision = (event.datePrecision as DatePrecision) ?? DatePrecision.DAY;
  const parsedStart = parseIsoDate(event.startDate);
  if (!parsedStart) return null;
  const start = firstDayOfPeriod(parsedStart, precision);
  const parsedEnd = event.endDate ? parseIsoDate(event.endDate) : null;

  if (precision === DatePrecision.DAY && !parsedEnd) {
    return { type: 'point', start: toLocalDate(start) };
  }
  // The end is exclusive in vis-timeline: the range runs to the start of the following period.
  const endExclusive = parsedEnd
    ? endOfPeriodExclusive(parsedEnd, precision)
    : endOfPeriodExclusive(start, precision);
  const end = toLocalDate(endExclusive);
  const startDate = toLocalDate(start);
  if (end.getTime() <= startDate.getTime()) {
    // An end before the start is a data error; show the event as its first period.
    return { type: 'range', start: startDate, end: toLocalDate(endOfPeriodExclusive(start, precision)) };
  }
  return { type: 'range', start: startDate, end };
}

export interface ToTimelineItemsOptions {
  /**
   * Spans shorter than this (in ms) are drawn as points at their start, so a three-day visit seen
   * across two years is a labelled point, not an unreadable sliver. 0 (the default) keeps every span.
   */
  pointBelowMs?: number;
}

export function toTimelineItem(event: TimelineEvent, options: ToTimelineItemsOptions = {}): EventTimelineItem | null {
  const span = eventSpan(event);
  if (!span) return null;
  const appearance = kindAppearance(event.kind);
  const classNames = ['event-item', `kind-${event.kind}`, ...toneClassNames(event.tone), `importance-${event.importance}`];
  const pointBelowMs = options.pointBelowMs ?? 0;
  const shortSpan = span.type === 'range' && span.end !== undefined && span.end.getTime() - span.start.getTime() < pointBelowMs;
  if (shortSpan) classNames.push('short-span');
  return {
    id: event.id,
    group: event.kind,
    type: shortSpan ? 'point' : span.type,
    start: span.start,
    // Always present, even as undefined: DataSet.update merges, so a range turning into a point
    // must clear its end explicitly.
    end: shortSpan ? undefined : span.end,
    content: event.title,
    className: classNames.join(' '),
    icon: appearance.icon,
    kind: event.kind,
    tone: toneBand(event.tone),
    importance: event.importance,
  };
}

/**
 * Events with an unreadable start date are skipped rather than drawn at the epoch; a repeated id
 * is kept once (vis-data rejects duplicates outright).
 */
export function toTimelineItems(
  events: readonly TimelineEvent[],
  options: ToTimelineItemsOptions = {},
): EventTimelineItem[] {
  const items: EventTimelineItem[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    const item = toTimelineItem(event, options);
    if (!item) continue;
    seen.add(event.id);
    items.push(item);
  }
  return items;
}

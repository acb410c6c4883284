// Maps API events to vis-timeline items. Pure: no DOM, no vis import, so it is unit-tested alone.
import { DatePrecision } from '@detente/shared/enums';
import { endOfPeriodExclusive, formatEventDate, parseIsoDate, type CalendarDate } from '@detente/shared/dates';
import type { OmittedBucket } from '../api/timeline.queries';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import type { LaneMode } from '../../../lib/urlState';
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
  /** "Oct 2021" for an event known only to the month (or year); absent for day-precise events. */
  dateLabel?: string;
  /** For a "+N" marker: how many events of its slice are not drawn. */
  omittedCount?: number;
  /** The widest its label may be drawn, in pixels (itemContent.ts titleRoomPx); the title is cut on a word to fit. */
  titleRoomPx?: number;
}

/** The lane of "+N" markers, above the event lanes. */
export const OMITTED_GROUP = '__omitted';
export const OMITTED_ID_PREFIX = 'omitted:';

/** Lanes by side: who acted. Mutual steps and events without a direction share one lane. */
export type SideLane = 'US' | 'RU' | 'MUTUAL';

export function sideLane(direction: string | null | undefined): SideLane {
  switch (direction) {
    case 'US_TO_RU':
    case 'DOMESTIC_US':
      return 'US';
    case 'RU_TO_US':
    case 'DOMESTIC_RU':
      return 'RU';
    default:
      return 'MUTUAL';
  }
}

/**
 * How an event's date reads on the timeline when it is not a single known day: "Oct 2021",
 * "2019", "Oct–Dec 2021". Day-precise events need no label (their position says it).
 */
export function precisionLabel(event: Pick<TimelineEvent, 'startDate' | 'endDate' | 'datePrecision'>): string | undefined {
  if ((event.datePrecision as string) === DatePrecision.DAY) return undefined;
  return formatEventDate(event.startDate, event.datePrecision as DatePrecision, event.endDate ?? undefined);
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
  const endExclusive = parsedEnd ? endOfPeriodExclusive(parsedEnd, precision) : endOfPeriodExclusive(start, precision);
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
  /** Lanes by kind (the default) or by side. */
  lanes?: LaneMode;
  /**
   * The first day in view: a point event before it has its dot off-screen and only the tail of its title in sight
   * ("ting in Bali, Blinken avoid…"), so it is marked `before-view` and its label is not drawn.
   */
  firstDayInView?: string;
  /** The widest a label may be drawn at this zoom, in pixels (itemContent.ts titleRoomPx). */
  titleRoomPx?: number;
}

export function toTimelineItem(event: TimelineEvent, options: ToTimelineItemsOptions = {}): EventTimelineItem | null {
  const span = eventSpan(event);
  if (!span) return null;
  const appearance = kindAppearance(event.kind);
  const classNames = ['event-item', `kind-${event.kind}`, ...toneClassNames(event.tone), `importance-${event.importance}`];
  const pointBelowMs = options.pointBelowMs ?? 0;
  const shortSpan = span.type === 'range' && span.end !== undefined && span.end.getTime() - span.start.getTime() < pointBelowMs;
  if (shortSpan) classNames.push('short-span');
  const isPoint = shortSpan || span.type === 'point';
  const ends = event.endDate ?? event.startDate;
  if (options.firstDayInView && isPoint && (shortSpan ? event.startDate : ends) < options.firstDayInView) classNames.push('before-view');
  return {
    id: event.id,
    group: options.lanes === 'side' ? sideLane(event.direction) : event.kind,
    type: shortSpan ? 'point' : span.type,
    start: span.start,
    // A point has no `end` key at all: vis-timeline's focus() reads the end of any item that has the
    // key. (A range turning into a point is replaced, not merged: see diffItems.)
    ...(shortSpan || span.end === undefined ? {} : { end: span.end }),
    content: event.title,
    ...(options.titleRoomPx ? { titleRoomPx: options.titleRoomPx } : {}),
    className: classNames.join(' '),
    icon: appearance.icon,
    kind: event.kind,
    tone: toneBand(event.tone),
    importance: event.importance,
    dateLabel: precisionLabel(event),
  };
}

/**
 * Events with an unreadable start date are skipped rather than drawn at the epoch; a repeated id
 * is kept once (vis-data rejects duplicates outright).
 */
export function toTimelineItems(events: readonly TimelineEvent[], options: ToTimelineItemsOptions = {}): EventTimelineItem[] {
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

/**
 * "+N" markers for what the level of detail left out: one range per slice of the window, in its
 * own lane, so they pan and zoom with the events; clicking one zooms into its slice.
 */
export function toOmittedItems(buckets: readonly OmittedBucket[]): EventTimelineItem[] {
  const items: EventTimelineItem[] = [];
  for (const bucket of buckets) {
    const from = parseIsoDate(bucket.from);
    const to = parseIsoDate(bucket.to);
    if (!from || !to || bucket.count <= 0) continue;
    const start = toLocalDate(from);
    const end = toLocalDate(endOfPeriodExclusive(to, DatePrecision.DAY));
    if (end <= start) continue;
    items.push({
      id: `${OMITTED_ID_PREFIX}${bucket.from}:${bucket.to}`,
      group: OMITTED_GROUP,
      type: 'range',
      start,
      end,
      content: `+${bucket.count}`,
      className: 'omitted-item',
      icon: '',
      kind: '',
      tone: 'neutral',
      importance: 0,
      omittedCount: bucket.count,
    });
  }
  return items;
}

export function isOmittedId(id: string): boolean {
  return id.startsWith(OMITTED_ID_PREFIX);
}

// Which dates to ask the API for, given what the user sees, and when asking again is worthwhile.

export interface TimeWindow {
  start: Date;
  end: Date;
}

/** A window the page has asked for (or is asking for), and what came back. */
export interface FetchedWindow {
  from: Date;
  to: Date;
  /** The visible span when it was asked for: zooming well into it may reveal hidden events. */
  visibleSpanMs: number;
  /** True when the API returned every event in it (nothing left out by the level of detail). */
  complete: boolean;
}

/** Fetch this much extra on each side, as a fraction of the visible span, so small pans need no request. */
export const FETCH_MARGIN = 0.5;
/** Zooming in below this fraction of the last visible span asks again when the last answer was partial. */
export const REFETCH_ZOOM_RATIO = 0.6;

const DAY_MS = 86_400_000;

export function spanMs(window: TimeWindow): number {
  return window.end.getTime() - window.start.getTime();
}

function startOfLocalDay(time: number): Date {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** The visible window widened by the margin and snapped outwards to whole days. */
export function fetchWindowFor(visible: TimeWindow, margin = FETCH_MARGIN): { from: Date; to: Date } {
  const extra = spanMs(visible) * margin;
  const from = startOfLocalDay(visible.start.getTime() - extra);
  const to = startOfLocalDay(visible.end.getTime() + extra + DAY_MS - 1);
  return { from, to };
}

export function needsFetch(visible: TimeWindow, last: FetchedWindow | null): boolean {
  if (!last) return true;
  const covered = visible.start.getTime() >= last.from.getTime() && visible.end.getTime() <= last.to.getTime() + DAY_MS;
  if (!covered) return true;
  if (last.complete) return false;
  return spanMs(visible) < last.visibleSpanMs * REFETCH_ZOOM_RATIO;
}

/** "YYYY-MM-DD" of the local calendar day, the API's Date scalar. */
export function toIsoDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The window the page opens on: the last two years of data (or all of it, when it spans less),
 * with a little air at both ends so the first and latest events do not sit on the edges.
 */
export function initialWindowFor(dataRange: { from: string; to: string } | null, today = new Date()): TimeWindow {
  const latest = (dataRange && parseLocalDay(dataRange.to)) ?? startOfLocalDay(today.getTime());
  const twoYearsBefore = new Date(latest.getFullYear() - 2, latest.getMonth(), latest.getDate());
  const earliest = dataRange ? parseLocalDay(dataRange.from) : null;
  const start = earliest && earliest > twoYearsBefore && earliest < latest ? earliest : twoYearsBefore;
  const endExclusive = latest.getTime() + DAY_MS;
  const air = Math.max((endExclusive - start.getTime()) * 0.04, 7 * DAY_MS);
  return { start: new Date(start.getTime() - air), end: new Date(endExclusive + air) };
}

function parseLocalDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A link to one event opens on a year around it (or on the event and a margin, if it is longer). */
export const EVENT_WINDOW_MS = Math.round(365.25 * DAY_MS);

/**
 * The window a link to an event opens on: the event in the middle, a year around it, moved (not shrunk) to stay
 * within `bounds` when they are given. It depends on nothing but the event and the bounds, so every load of the
 * same link opens on the same window.
 */
export function windowAroundEvent(event: { start: Date; end?: Date }, bounds: TimeWindow | null = null): TimeWindow {
  const start = event.start.getTime();
  // A point event is its day.
  const end = event.end ? event.end.getTime() : start + DAY_MS;
  const span = Math.max(EVENT_WINDOW_MS, (end - start) * 1.5);
  let from = (start + end) / 2 - span / 2;
  if (bounds) {
    from = Math.min(from, bounds.end.getTime() - span);
    from = Math.max(from, bounds.start.getTime());
  }
  return { start: new Date(from), end: new Date(from + span) };
}

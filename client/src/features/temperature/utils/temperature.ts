// Pure geometry of the temperature band: which bucket size suits a window, what range to ask
// for, and the SVG path of a line in the timeline's own time-to-pixel mapping.
import type { TemperatureBucket, TemperaturePoint } from '../api/temperature.queries';

const DAY_MS = 86_400_000;

export interface Window {
  start: Date;
  end: Date;
}

/** About 20–120 buckets across the view: days up to two months, weeks up to two years, then months, then years. */
export function bucketForSpan(spanMs: number): TemperatureBucket {
  const days = spanMs / DAY_MS;
  if (days <= 62) return 'DAY';
  if (days <= 2 * 366) return 'WEEK';
  if (days <= 25 * 366) return 'MONTH';
  return 'YEAR';
}

function isoDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The range to ask for: the window and half its width either side, snapped outwards to whole
 * years, so a pan within that reuses the cached answer (the variables stay the same).
 */
export function temperatureRequest(visible: Window): { from: string; to: string; bucket: TemperatureBucket } {
  const span = visible.end.getTime() - visible.start.getTime();
  const bucket = bucketForSpan(span);
  const from = new Date(visible.start.getTime() - span / 2);
  const to = new Date(visible.end.getTime() + span / 2);
  if (bucket === 'DAY') {
    // Days: snap to months, so small pans stay within one request.
    return {
      from: isoDay(new Date(from.getFullYear(), from.getMonth(), 1)),
      to: isoDay(new Date(to.getFullYear(), to.getMonth() + 1, 0)),
      bucket,
    };
  }
  return { from: `${from.getFullYear()}-01-01`, to: `${to.getFullYear()}-12-31`, bucket };
}

export function parseDay(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** Pixel x of a moment in the window drawn across `width` pixels (vis-timeline's linear scale). */
export function xOf(time: number, window: Window, width: number): number {
  const span = window.end.getTime() - window.start.getTime();
  return span > 0 ? ((time - window.start.getTime()) / span) * width : 0;
}

/**
 * The band's vertical scale: tone from −TONE_LIMIT (bottom) to +TONE_LIMIT (top), clamped. Fixed, not fitted to
 * what is in view, so a line's height means the same in every view and a pan or zoom never rescales it.
 */
export const TONE_LIMIT = 8;

export function yOf(tone: number, height: number, limit = TONE_LIMIT): number {
  const clamped = Math.max(-limit, Math.min(limit, tone));
  return ((limit - clamped) / (2 * limit)) * height;
}

/**
 * Buckets apart (at most) that two buckets with events of a direction may be and still be joined by its line.
 * Further apart, the smoothed value only carries one old event forward: a flat line across two years of nothing.
 */
export const MAX_JOINED_GAP = 4;

/** Middle of a bucket, where its value is drawn. */
export function bucketMiddle(point: Pick<TemperaturePoint, 'start' | 'end'>): number {
  return (parseDay(point.start).getTime() + parseDay(point.end).getTime() + DAY_MS) / 2;
}

/**
 * Which buckets one direction's line runs through: from a bucket with events of that direction to the next such
 * bucket, when they are at most MAX_JOINED_GAP buckets apart. A lone event, or the stretch after the last one, is
 * drawn as nothing: one event is not a trend.
 */
export function drawnBuckets(points: readonly TemperaturePoint[], direction: 'usToRu' | 'ruToUs'): boolean[] {
  const drawn = points.map(() => false);
  let previous = -1;
  points.forEach((point, index) => {
    if (point[direction].count === 0) return;
    if (previous >= 0 && index - previous <= MAX_JOINED_GAP) for (let i = previous; i <= index; i++) drawn[i] = true;
    previous = index;
  });
  return drawn;
}

/** What a path needs of an answer that does not change as the view moves: bucket middles and the drawn buckets. */
interface PreparedPoints {
  middles: Float64Array;
  starts: Float64Array;
  /** The first moment after each bucket. */
  ends: Float64Array;
  drawn: Partial<Record<'usToRu' | 'ruToUs', boolean[]>>;
}

// An answer is drawn on every frame of a pan or zoom: its days are parsed once, not per frame.
const prepared = new WeakMap<readonly TemperaturePoint[], PreparedPoints>();

function prepare(points: readonly TemperaturePoint[]): PreparedPoints {
  let found = prepared.get(points);
  if (!found) {
    const starts = Float64Array.from(points, (point) => parseDay(point.start).getTime());
    const ends = Float64Array.from(points, (point) => parseDay(point.end).getTime() + DAY_MS);
    const middles = starts.map((start, index) => (start + ends[index]) / 2);
    found = { middles, starts, ends, drawn: {} };
    prepared.set(points, found);
  }
  return found;
}

/**
 * An SVG path through the smoothed tone of one direction, over the buckets drawnBuckets allows; points far outside
 * the view are dropped, keeping one either side so the line runs to the edges.
 */
export function temperaturePath(
  points: readonly TemperaturePoint[],
  direction: 'usToRu' | 'ruToUs',
  window: Window,
  width: number,
  height: number,
  limit = TONE_LIMIT,
): string {
  const span = window.end.getTime() - window.start.getTime();
  const from = window.start.getTime() - span;
  const to = window.end.getTime() + span;
  const ready = prepare(points);
  const drawn = (ready.drawn[direction] ??= drawnBuckets(points, direction));
  let path = '';
  let penDown = false;
  points.forEach((point, index) => {
    const tone = point[direction].smoothed;
    const time = ready.middles[index];
    if (tone == null || !drawn[index] || time < from || time > to) {
      penDown = false;
      return;
    }
    const x = xOf(time, window, width).toFixed(1);
    const y = yOf(tone, height, limit).toFixed(1);
    path += `${penDown ? 'L' : 'M'}${x} ${y}`;
    penDown = true;
  });
  return path;
}

/** The bucket under a pixel, for the hover read-out. */
export function pointAt(points: readonly TemperaturePoint[], x: number, window: Window, width: number): TemperaturePoint | null {
  const span = window.end.getTime() - window.start.getTime();
  if (width <= 0 || span <= 0) return null;
  const time = window.start.getTime() + (x / width) * span;
  for (const point of points) {
    if (time >= parseDay(point.start).getTime() && time < parseDay(point.end).getTime() + DAY_MS) return point;
  }
  return null;
}

/**
 * Whether either line has anything to draw inside the visible window: events with a direction (US → Russia,
 * Russia → US) in or before it. The answer covers more than the window, so buckets outside it do not count.
 */
export function hasDirectionalTone(points: readonly TemperaturePoint[], visible: Window): boolean {
  const { starts, ends } = prepare(points);
  return points.some(
    (point, index) =>
      (point.usToRu.smoothed != null || point.ruToUs.smoothed != null) &&
      starts[index] <= visible.end.getTime() &&
      ends[index] > visible.start.getTime(),
  );
}

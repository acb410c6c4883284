import type { TemperaturePoint } from '../api/temperature.queries';
import { bucketForSpan, hasDirectionalTone, pointAt, temperaturePath, temperatureRequest, yOf } from './temperature';

const DAY = 86_400_000;
const local = (year: number, month: number, day: number) => new Date(year, month - 1, day);

function point(start: string, end: string, usToRu: number | null, ruToUs: number | null): TemperaturePoint {
  return {
    start,
    end,
    usToRu: { count: usToRu == null ? 0 : 1, meanTone: usToRu, smoothed: usToRu },
    ruToUs: { count: ruToUs == null ? 0 : 1, meanTone: ruToUs, smoothed: ruToUs },
  };
}

describe('bucketForSpan', () => {
  it.each([
    [30 * DAY, 'DAY'],
    [365 * DAY, 'WEEK'],
    [10 * 365 * DAY, 'MONTH'],
    [40 * 365 * DAY, 'YEAR'],
  ])('Given a window of %p ms, it uses %s buckets', (span, bucket) => {
    expect(bucketForSpan(span)).toBe(bucket);
  });
});

describe('temperatureRequest', () => {
  it('asks for whole years around a window of months, so small pans reuse the answer', () => {
    const a = temperatureRequest({ start: local(2021, 3, 1), end: local(2021, 9, 1) });
    const b = temperatureRequest({ start: local(2021, 3, 20), end: local(2021, 9, 20) });
    expect(a).toEqual({ from: '2020-01-01', to: '2021-12-31', bucket: 'WEEK' });
    expect(b).toEqual(a);
  });
});

describe('temperaturePath', () => {
  const window = { start: local(2021, 1, 1), end: local(2021, 4, 1) };
  it('draws one segment per run of known values and lifts the pen over gaps', () => {
    const points = [
      point('2021-01-01', '2021-01-31', null, -2),
      point('2021-02-01', '2021-02-28', -4, -2),
      point('2021-03-01', '2021-03-31', 2, null),
    ];
    const us = temperaturePath(points, 'usToRu', window, 900, 80);
    expect(us.match(/M/g)).toHaveLength(1);
    expect(us.match(/L/g)).toHaveLength(1);
    const ru = temperaturePath(points, 'ruToUs', window, 900, 80);
    expect(ru.startsWith('M')).toBe(true);
    expect(ru.match(/L/g)).toHaveLength(1);
  });

  it('Given one answer drawn in two windows (a pan), Then each path is placed in its own window', () => {
    const points = [point('2021-02-01', '2021-02-28', -4, -2), point('2021-03-01', '2021-03-31', 2, -1)];
    const here = temperaturePath(points, 'usToRu', window, 900, 80);
    const later = { start: local(2021, 1, 15), end: local(2021, 4, 15) };
    const panned = temperaturePath(points, 'usToRu', later, 900, 80);
    const firstX = (path: string) => Number(/^M([\d.-]+)/.exec(path)?.[1]);
    // The February bucket is drawn at its middle, 45 days into the first window and 31 into the second (90 days, 900 px).
    expect(firstX(here)).toBeCloseTo(450, 0);
    expect(firstX(panned)).toBeCloseTo(310, 0);
    expect(temperaturePath(points, 'usToRu', window, 900, 80)).toBe(here);
  });

  it('Given one event and then a year of empty buckets carrying its smoothed value, Then nothing is drawn', () => {
    const months = Array.from({ length: 13 }, (_, index) => {
      const start = `${2021 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
      const lone = index === 0;
      return {
        start,
        end: start,
        usToRu: { count: lone ? 1 : 0, meanTone: lone ? -5 : null, smoothed: -5 },
        ruToUs: { count: 0, meanTone: null, smoothed: null },
      };
    });
    expect(temperaturePath(months, 'usToRu', { start: local(2021, 1, 1), end: local(2022, 2, 1) }, 900, 80)).toBe('');
  });

  it('Given events months apart, Then the line joins them; further apart than the gap it allows, it does not', () => {
    const at = (month: number, count: number) => {
      const start = `2021-${String(month).padStart(2, '0')}-01`;
      return {
        start,
        end: start,
        usToRu: { count, meanTone: count ? -2 : null, smoothed: -2 },
        ruToUs: { count: 0, meanTone: null, smoothed: null },
      };
    };
    const window = { start: local(2021, 1, 1), end: local(2022, 1, 1) };
    const near = [at(1, 1), at(2, 0), at(3, 1)];
    expect(temperaturePath(near, 'usToRu', window, 900, 80).match(/L/g)).toHaveLength(2);
    const far = [at(1, 1), ...[2, 3, 4, 5, 6].map((month) => at(month, 0)), at(7, 1)];
    expect(temperaturePath(far, 'usToRu', window, 900, 80)).toBe('');
  });

  it('puts conflict low and cooperation high', () => {
    expect(yOf(-8, 80)).toBe(80);
    expect(yOf(8, 80)).toBe(0);
    expect(yOf(0, 80)).toBe(40);
    expect(yOf(-20, 80)).toBe(80);
  });
});

describe('pointAt', () => {
  it('finds the bucket under a pixel', () => {
    const points = [point('2021-01-01', '2021-01-31', 1, 1), point('2021-02-01', '2021-02-28', 2, 2)];
    const window = { start: local(2021, 1, 1), end: local(2021, 3, 1) };
    expect(pointAt(points, 10, window, 590)?.start).toBe('2021-01-01');
    expect(pointAt(points, 400, window, 590)?.start).toBe('2021-02-01');
  });
});

describe('hasDirectionalTone', () => {
  const june = { start: local(2021, 6, 1), end: local(2021, 7, 1) };

  it('Given buckets where only mutual or domestic events happened, Then there is no line to draw', () => {
    expect(hasDirectionalTone([point('2021-06-01', '2021-06-07', null, null), point('2021-06-08', '2021-06-14', null, null)], june)).toBe(
      false,
    );
    expect(hasDirectionalTone([], june)).toBe(false);
  });

  it('Given one bucket in the window with a tone either way, Then there is', () => {
    expect(hasDirectionalTone([point('2021-06-01', '2021-06-07', null, null), point('2021-06-08', '2021-06-14', null, -4)], june)).toBe(
      true,
    );
  });

  it('Given a tone only in buckets outside the window (the answer covers more), Then there is none to draw here', () => {
    expect(hasDirectionalTone([point('2021-05-24', '2021-05-30', 3, null), point('2021-07-09', '2021-07-15', null, -4)], june)).toBe(false);
    expect(hasDirectionalTone([point('2021-05-27', '2021-06-02', 3, null)], june)).toBe(true);
  });
});

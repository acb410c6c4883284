import type { TemperaturePoint } from '../api/temperature.queries';
import { bucketForSpan, hasDirectionalTone, pointAt, temperaturePath, temperatureRequest, toneLimitFor, yOf } from './temperature';

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

describe('toneLimitFor', () => {
  it('fits the scale to the largest smoothed tone, within ±2 … ±10', () => {
    expect(toneLimitFor([point('2021-01-01', '2021-01-31', -3.2, 1)])).toBe(4);
    expect(toneLimitFor([point('2021-01-01', '2021-01-31', 0.5, null)])).toBe(2);
    expect(toneLimitFor([point('2021-01-01', '2021-01-31', -12, 1)])).toBe(10);
    expect(yOf(-4, 80, 4)).toBe(80);
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

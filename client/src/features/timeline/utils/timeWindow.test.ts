import {
  EVENT_WINDOW_MS,
  fetchWindowFor,
  initialWindowFor,
  needsFetch,
  toIsoDay,
  windowAroundEvent,
  type FetchedWindow,
} from './timeWindow';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
};

describe('fetchWindowFor', () => {
  it('widens the visible window by half its span on each side, in whole days', () => {
    const { from, to } = fetchWindowFor({ start: day('2021-10-10'), end: day('2021-10-20') });
    expect(toIsoDay(from)).toBe('2021-10-05');
    expect(toIsoDay(to)).toBe('2021-10-25');
  });
});

describe('needsFetch', () => {
  const last: FetchedWindow = {
    from: day('2021-01-01'),
    to: day('2021-12-31'),
    visibleSpanMs: day('2021-09-01').getTime() - day('2021-05-01').getTime(),
    complete: true,
  };

  it('fetches when nothing has been fetched', () => {
    expect(needsFetch({ start: day('2021-05-01'), end: day('2021-06-01') }, null)).toBe(true);
  });

  it('does not fetch again inside a window that came back complete', () => {
    expect(needsFetch({ start: day('2021-06-01'), end: day('2021-06-10') }, last)).toBe(false);
  });

  it('fetches when the view leaves the fetched window', () => {
    expect(needsFetch({ start: day('2021-12-01'), end: day('2022-02-01') }, last)).toBe(true);
  });

  it('fetches when zooming well into a window that was cut down by the level of detail', () => {
    const partial = { ...last, complete: false };
    expect(needsFetch({ start: day('2021-06-01'), end: day('2021-06-10') }, partial)).toBe(true);
    expect(needsFetch({ start: day('2021-05-01'), end: day('2021-08-25') }, partial)).toBe(false);
  });
});

describe('initialWindowFor', () => {
  it('opens on the last two years of data, with a little air at both ends', () => {
    const window = initialWindowFor({ from: '1991-12-26', to: '2021-10-13' });
    expect(window.start.getTime()).toBeLessThan(day('2019-10-13').getTime());
    expect(window.start.getTime()).toBeGreaterThan(day('2019-08-01').getTime());
    expect(window.end.getTime()).toBeGreaterThan(day('2021-10-14').getTime());
    expect(window.end.getTime()).toBeLessThan(day('2022-01-01').getTime());
  });

  it('opens on all of the data when it spans less than two years', () => {
    const window = initialWindowFor({ from: '2021-01-26', to: '2021-12-07' });
    expect(window.start.getTime()).toBeLessThan(day('2021-01-26').getTime());
    expect(window.start.getTime()).toBeGreaterThan(day('2020-12-01').getTime());
    expect(window.end.getTime()).toBeLessThan(day('2022-01-15').getTime());
  });

  it('opens on the two years up to today when the data range is unknown', () => {
    const window = initialWindowFor(null, new Date(2026, 10, 27, 9, 30));
    expect(window.start.getTime()).toBeLessThan(day('2024-11-27').getTime());
    expect(window.start.getTime()).toBeGreaterThan(day('2024-09-01').getTime());
  });
});

describe('windowAroundEvent', () => {
  it('Given a one-day event, Then the window is a year with the event in the middle', () => {
    const window = windowAroundEvent({ start: day('2016-02-11') });
    expect(window.end.getTime() - window.start.getTime()).toBe(EVENT_WINDOW_MS);
    expect((window.start.getTime() + window.end.getTime()) / 2).toBe(day('2016-02-11').getTime() + 43_200_000);
  });

  it('Given an event longer than the year, Then the window holds all of it with a margin', () => {
    const window = windowAroundEvent({ start: day('2014-01-01'), end: day('2016-01-01') });
    expect(window.start < day('2014-01-01') && window.end > day('2016-01-01')).toBe(true);
  });

  it('Given an event near the end of the bounds, Then the window is moved inside them, not shrunk', () => {
    const bounds = { start: day('2013-09-15'), end: day('2026-10-23') };
    const window = windowAroundEvent({ start: day('2026-06-24') }, bounds);
    expect(window.end.getTime()).toBe(bounds.end.getTime());
    expect(window.end.getTime() - window.start.getTime()).toBe(EVENT_WINDOW_MS);
  });
});

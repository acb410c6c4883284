import { fetchWindowFor, initialWindowFor, needsFetch, toIsoDay, type FetchedWindow } from './timeWindow';

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

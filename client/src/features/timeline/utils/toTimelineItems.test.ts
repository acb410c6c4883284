import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { OMITTED_GROUP, isOmittedId, precisionLabel, toOmittedItems, toTimelineItem, toTimelineItems } from './toTimelineItems';

function event(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: 'e1',
    kind: 'MISSION',
    title: 'Russia caps US embassy staff',
    startDate: '2021-10-12',
    endDate: null,
    datePrecision: 'DAY',
    tone: -4,
    importance: 3,
    direction: null,
    ...overrides,
  };
}

const local = (year: number, month: number, day: number) => new Date(year, month - 1, day);

describe('toTimelineItem', () => {
  it('Given a day-precision event without an end, it is a point on that day', () => {
    const item = toTimelineItem(event());
    expect(item).toMatchObject({ id: 'e1', type: 'point', group: 'MISSION', start: local(2021, 10, 12) });
    expect(item?.end).toBeUndefined();
  });

  it('Given an end date, it is a range that covers the whole last day', () => {
    const item = toTimelineItem(event({ startDate: '2021-10-11', endDate: '2021-10-13' }));
    expect(item).toMatchObject({ type: 'range', start: local(2021, 10, 11), end: local(2021, 10, 14) });
  });

  it('Given month precision, it is a range over the whole month, not a point on the 1st', () => {
    const item = toTimelineItem(event({ startDate: '2021-10-01', datePrecision: 'MONTH' }));
    expect(item).toMatchObject({ type: 'range', start: local(2021, 10, 1), end: local(2021, 11, 1) });
  });

  it('Given month precision in December, the range ends at the next new year', () => {
    const item = toTimelineItem(event({ startDate: '2021-12-15', datePrecision: 'MONTH' }));
    expect(item).toMatchObject({ type: 'range', start: local(2021, 12, 1), end: local(2022, 1, 1) });
  });

  it('Given month precision with an end month, the range runs through the end month', () => {
    const item = toTimelineItem(event({ startDate: '2021-10-01', endDate: '2021-12-01', datePrecision: 'MONTH' }));
    expect(item).toMatchObject({ start: local(2021, 10, 1), end: local(2022, 1, 1) });
  });

  it('Given year precision, it is a range over the year', () => {
    const item = toTimelineItem(event({ startDate: '2021-01-01', datePrecision: 'YEAR' }));
    expect(item).toMatchObject({ type: 'range', start: local(2021, 1, 1), end: local(2022, 1, 1) });
  });

  it('Given an end before the start, it falls back to the first day rather than a negative range', () => {
    const item = toTimelineItem(event({ startDate: '2021-10-12', endDate: '2021-10-01' }));
    expect(item).toMatchObject({ type: 'range', start: local(2021, 10, 12), end: local(2021, 10, 13) });
  });

  it.each([
    [-7, 'tone-conflict', true],
    [-4, 'tone-conflict', false],
    [0, 'tone-neutral', false],
    [null, 'tone-neutral', false],
    [3.4, 'tone-cooperation', false],
    [8, 'tone-cooperation', true],
  ])('Given tone %p, the class is %s (strong: %p)', (tone, toneClass, strong) => {
    const classes = toTimelineItem(event({ tone }))!.className.split(' ');
    expect(classes).toContain(toneClass);
    expect(classes.includes('tone-strong')).toBe(strong);
  });

  it('marks every item with event-item and its kind, for styling and browser tests', () => {
    const classes = toTimelineItem(event({ kind: 'STATEMENT' }))!.className.split(' ');
    expect(classes).toEqual(expect.arrayContaining(['event-item', 'kind-STATEMENT']));
  });

  it('carries the title as plain text content, markup and all, never as HTML', () => {
    const title = '<img src=x onerror=alert(1)> Lavrov & Blinken';
    const item = toTimelineItem(event({ title }))!;
    expect(item.content).toBe(title);
    expect(typeof item.content).toBe('string');
    expect(item).not.toHaveProperty('title');
  });

  it('gives each kind its glyph', () => {
    expect(toTimelineItem(event({ kind: 'STATEMENT' }))!.icon).toBe('❝');
    expect(toTimelineItem(event({ kind: 'MISSION' }))!.icon).toBe('⌂');
  });
});

describe('toTimelineItems', () => {
  it('skips events whose start date cannot be read, and repeated ids', () => {
    const items = toTimelineItems([
      event({ id: 'a' }),
      event({ id: 'b', startDate: 'not a date' }),
      event({ id: 'a', title: 'duplicate' }),
      event({ id: 'c' }),
    ]);
    expect(items.map((item) => item.id)).toEqual(['a', 'c']);
    expect(items[0].content).toBe('Russia caps US embassy staff');
  });
});

describe('toTimelineItems with a minimum drawable span', () => {
  const visit = event({ id: 'visit', startDate: '2021-10-11', endDate: '2021-10-13' });
  const month = event({ id: 'month', startDate: '2021-10-01', datePrecision: 'MONTH' });
  const threeDays = 3 * 86_400_000;

  it('draws a span shorter than the minimum as a point at its start, marked short-span', () => {
    const [item] = toTimelineItems([visit], { pointBelowMs: 7 * 86_400_000 });
    expect(item).toMatchObject({ type: 'point', start: local(2021, 10, 11) });
    expect(item.end).toBeUndefined();
    expect(item.className.split(' ')).toContain('short-span');
  });

  it('keeps spans at or above the minimum as ranges', () => {
    const items = toTimelineItems([visit, month], { pointBelowMs: threeDays });
    expect(items.map((item) => item.type)).toEqual(['range', 'range']);
  });

  it('keeps every span by default', () => {
    expect(toTimelineItems([visit])[0].type).toBe('range');
  });
});

describe('lanes and date labels', () => {
  it('Given lanes by side, an event goes to the lane of the side that acted; mutual and undirected share one', () => {
    expect(toTimelineItem(event({ direction: 'US_TO_RU' }), { lanes: 'side' })!.group).toBe('US');
    expect(toTimelineItem(event({ direction: 'DOMESTIC_RU' }), { lanes: 'side' })!.group).toBe('RU');
    expect(toTimelineItem(event({ direction: 'MUTUAL' }), { lanes: 'side' })!.group).toBe('MUTUAL');
    expect(toTimelineItem(event({ direction: null }), { lanes: 'side' })!.group).toBe('MUTUAL');
    expect(toTimelineItem(event({ direction: 'US_TO_RU' }))!.group).toBe('MISSION');
  });

  it.each([
    [{ startDate: '2021-10-01', datePrecision: 'MONTH' as const }, 'Oct 2021'],
    [{ startDate: '2021-10-01', endDate: '2021-12-01', datePrecision: 'MONTH' as const }, 'Oct–Dec 2021'],
    [{ startDate: '2019-01-01', datePrecision: 'YEAR' as const }, '2019'],
    [{ startDate: '2021-10-12', datePrecision: 'DAY' as const }, undefined],
  ])('Given %p, the item is labelled %p', (dates, label) => {
    expect(precisionLabel({ endDate: null, ...dates })).toBe(label);
    expect(toTimelineItem(event(dates))!.dateLabel).toBe(label);
  });
});

describe('toOmittedItems', () => {
  it('turns each left-out slice into a "+N" range in its own lane, through the whole last day', () => {
    const [marker] = toOmittedItems([{ from: '2021-01-01', to: '2021-03-31', count: 37 }]);
    expect(marker).toMatchObject({
      group: OMITTED_GROUP,
      type: 'range',
      start: local(2021, 1, 1),
      end: local(2021, 4, 1),
      content: '+37',
      omittedCount: 37,
    });
    expect(isOmittedId(marker.id)).toBe(true);
    expect(isOmittedId('e1')).toBe(false);
  });

  it('skips empty and unreadable slices', () => {
    expect(
      toOmittedItems([
        { from: '2021-01-01', to: '2021-01-31', count: 0 },
        { from: 'x', to: 'y', count: 3 },
      ]),
    ).toEqual([]);
  });
});

describe('events before the view', () => {
  it('Given a point event before the first day in view, Then it is marked so its cut-off label is not drawn', () => {
    const before = toTimelineItem(event({ startDate: '2021-03-01', endDate: null, datePrecision: 'DAY' }), {
      firstDayInView: '2021-03-10',
    })!;
    const inView = toTimelineItem(event({ startDate: '2021-03-12', endDate: null, datePrecision: 'DAY' }), {
      firstDayInView: '2021-03-10',
    })!;
    expect(before.className.split(' ')).toContain('before-view');
    expect(inView.className.split(' ')).not.toContain('before-view');
  });
});

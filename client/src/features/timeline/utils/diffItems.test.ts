import { diffItems } from './diffItems';
import { toTimelineItems } from './toTimelineItems';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';

const base: TimelineEvent = {
  id: 'x',
  kind: 'SANCTION',
  title: 'Sanction',
  startDate: '2021-10-12',
  endDate: null,
  datePrecision: 'DAY',
  tone: -5,
  importance: 3,
  direction: null,
};

describe('diffItems', () => {
  it('Given the old and the new window, it adds the new, updates the changed and removes the gone', () => {
    const current = toTimelineItems([
      { ...base, id: 'kept' },
      { ...base, id: 'changed' },
      { ...base, id: 'gone' },
    ]);
    const next = toTimelineItems([
      { ...base, id: 'kept' },
      { ...base, id: 'changed', title: 'Sanction, renamed' },
      { ...base, id: 'new' },
    ]);
    const diff = diffItems(current, next);
    expect(diff.add.map((item) => item.id)).toEqual(['new']);
    expect(diff.update.map((item) => item.id)).toEqual(['changed']);
    expect(diff.remove).toEqual(['gone']);
  });

  it('treats equal dates in different Date objects as unchanged', () => {
    const current = toTimelineItems([{ ...base, endDate: '2021-10-20' }]);
    const next = toTimelineItems([{ ...base, endDate: '2021-10-20' }]);
    expect(diffItems(current, next)).toEqual({ add: [], update: [], remove: [] });
  });
});

describe('diffItems when a span becomes a point', () => {
  it('replaces the item (remove and add) instead of merging, so no stale end survives', () => {
    const asRange = toTimelineItems([{ ...base, id: 'visit', endDate: '2021-10-14' }]);
    const asPoint = toTimelineItems([{ ...base, id: 'visit', endDate: '2021-10-14' }], { pointBelowMs: 30 * 86_400_000 });
    expect(asPoint[0]).not.toHaveProperty('end');
    expect(diffItems(asRange, asPoint)).toEqual({ add: asPoint, update: [], remove: ['visit'] });
  });
});

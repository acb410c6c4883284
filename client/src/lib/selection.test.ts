import { adjacentEvent, inTimeOrder } from './selection';

const events = [
  { id: 'c', startDate: '2021-03-01' },
  { id: 'a', startDate: '2021-01-01' },
  { id: 'b2', startDate: '2021-02-01' },
  { id: 'b1', startDate: '2021-02-01' },
];

describe('adjacentEvent', () => {
  it('orders by date, then id for equal dates', () => {
    expect(inTimeOrder(events).map((event) => event.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('Given a selection, the right arrow moves to the next event in time and the left to the previous', () => {
    expect(adjacentEvent(events, 'b1', 1)?.id).toBe('b2');
    expect(adjacentEvent(events, 'b1', -1)?.id).toBe('a');
  });

  it('stays on the first and last event at the ends', () => {
    expect(adjacentEvent(events, 'a', -1)?.id).toBe('a');
    expect(adjacentEvent(events, 'c', 1)?.id).toBe('c');
  });

  it('Given no selection, it starts from the visible window', () => {
    expect(adjacentEvent(events, null, 1, '2021-01-15')?.id).toBe('b1');
    expect(adjacentEvent(events, null, -1, undefined, '2021-02-15')?.id).toBe('b2');
    expect(adjacentEvent([], null, 1)).toBeNull();
  });
});

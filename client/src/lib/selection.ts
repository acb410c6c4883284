// Moving the selection through events in time order (arrow keys), pure so it is unit-tested.

/** What ordering needs of an event: the timeline's and the list's events both have it. */
type Dated = { id: string; startDate: string };

export function inTimeOrder<E extends Dated>(events: readonly E[]): E[] {
  return [...events].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * The event after (+1) or before (−1) the selected one. With nothing selected (or the selection not
 * among the events), the first event on or after the visible window's start going forward, or the last
 * one before its end going back. Stays put at either end.
 */
export function adjacentEvent<E extends Dated>(
  events: readonly E[],
  selectedId: string | null,
  step: 1 | -1,
  visibleFrom?: string,
  visibleTo?: string,
): E | null {
  const ordered = inTimeOrder(events);
  if (ordered.length === 0) return null;
  const index = selectedId ? ordered.findIndex((event) => event.id === selectedId) : -1;
  if (index >= 0) return ordered[Math.max(0, Math.min(ordered.length - 1, index + step))];
  if (step === 1) return ordered.find((event) => !visibleFrom || event.startDate >= visibleFrom) ?? ordered[ordered.length - 1];
  return [...ordered].reverse().find((event) => !visibleTo || event.startDate <= visibleTo) ?? ordered[0];
}

// Turns "the items the window should show" into add/update/remove sets for a vis DataSet,
// so a refetch changes only what changed (no clear-and-reload flicker, selection survives).
import type { EventTimelineItem } from './toTimelineItems';

export interface ItemDiff {
  add: EventTimelineItem[];
  update: EventTimelineItem[];
  remove: string[];
}

function sameTime(a: Date | undefined, b: Date | undefined): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

export function sameItem(a: EventTimelineItem, b: EventTimelineItem): boolean {
  return (
    a.id === b.id &&
    a.group === b.group &&
    a.type === b.type &&
    sameTime(a.start, b.start) &&
    sameTime(a.end, b.end) &&
    a.content === b.content &&
    a.className === b.className &&
    a.icon === b.icon &&
    a.dateLabel === b.dateLabel &&
    a.omittedCount === b.omittedCount &&
    a.titleRoomPx === b.titleRoomPx
  );
}

export function diffItems(current: readonly EventTimelineItem[], next: readonly EventTimelineItem[]): ItemDiff {
  const currentById = new Map(current.map((item) => [item.id, item]));
  const nextIds = new Set<string>();
  const add: EventTimelineItem[] = [];
  const update: EventTimelineItem[] = [];
  const replace: EventTimelineItem[] = [];
  for (const item of next) {
    if (nextIds.has(item.id)) continue;
    nextIds.add(item.id);
    const existing = currentById.get(item.id);
    if (!existing) add.push(item);
    else if (existing.type !== item.type) replace.push(item);
    else if (!sameItem(existing, item)) update.push(item);
  }
  // DataSet.update merges fields, so a range turning into a point would keep its end: replace it.
  const remove = [...current.filter((item) => !nextIds.has(item.id)).map((item) => item.id), ...replace.map((item) => item.id)];
  add.push(...replace);
  return { add, update, remove };
}

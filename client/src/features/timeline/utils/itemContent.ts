// Builds an item's visible content from text nodes only: a title from the data never becomes HTML.
import type { EventTimelineItem } from './toTimelineItems';
import { kindAppearance } from '../../../domain/eventKinds';

const numberFormat = new Intl.NumberFormat('en');
/** About what fits in an item's widest label (TimelineView.module.css caps it at 30rem); the rest is on hover. */
export const MAX_TITLE_CHARS = 64;

/**
 * A title cut to at most `max` characters at a word boundary, with an ellipsis: "Blinken and Lavrov meet…", never
 * "Blinken and Lavrov me…". A single word longer than `max` is cut where it must be.
 */
export function cutAtWord(title: string, max = MAX_TITLE_CHARS): string {
  const text = title.trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  const cut = space > max / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function renderItemContent(
  item: Pick<EventTimelineItem, 'id' | 'content' | 'icon' | 'kind' | 'dateLabel' | 'omittedCount'>,
): HTMLElement {
  if (item.omittedCount !== undefined) {
    // A button, so the keyboard reaches it (Tab) and opens it (Enter, Space) as a click does.
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'omitted-item__content';
    marker.dataset.omittedId = item.id;
    marker.setAttribute('aria-haspopup', 'dialog');
    marker.textContent = `+${numberFormat.format(item.omittedCount)}`;
    const said = `${numberFormat.format(item.omittedCount)} more ${item.omittedCount === 1 ? 'event' : 'events'} here`;
    marker.title = `${said}: list them`;
    marker.setAttribute('aria-label', `${said}${item.dateLabel ? `, ${item.dateLabel}` : ''}: list them`);
    return marker;
  }
  const root = document.createElement('span');
  root.className = 'event-item__content';
  root.dataset.eventId = item.id;
  root.title = `${kindAppearance(item.kind).label}: ${item.content}${item.dateLabel ? ` (${item.dateLabel})` : ''}`;
  const icon = document.createElement('span');
  icon.className = 'event-item__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = item.icon;
  root.append(icon);
  if (item.dateLabel) {
    const date = document.createElement('span');
    date.className = 'event-item__date';
    date.textContent = item.dateLabel;
    root.append(date);
  }
  const title = document.createElement('span');
  title.className = 'event-item__title';
  title.textContent = cutAtWord(item.content);
  root.append(title);
  return root;
}

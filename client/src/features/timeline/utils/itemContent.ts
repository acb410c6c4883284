// Builds an item's visible content from text nodes only: a title from the data never becomes HTML.
import type { EventTimelineItem } from './toTimelineItems';
import { kindAppearance } from '../../../domain/eventKinds';

const numberFormat = new Intl.NumberFormat('en');

export function renderItemContent(
  item: Pick<EventTimelineItem, 'id' | 'content' | 'icon' | 'kind' | 'dateLabel' | 'omittedCount'>,
): HTMLElement {
  const root = document.createElement('span');
  if (item.omittedCount !== undefined) {
    root.className = 'omitted-item__content';
    root.textContent = `+${numberFormat.format(item.omittedCount)}`;
    root.title = `${numberFormat.format(item.omittedCount)} more ${item.omittedCount === 1 ? 'event' : 'events'} here: click to zoom in`;
    return root;
  }
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
  title.textContent = item.content;
  root.append(title);
  return root;
}

// Builds an item's visible content from text nodes only: a title from the data never becomes HTML.
import type { EventTimelineItem } from './toTimelineItems';
import { kindAppearance } from '../../../domain/eventKinds';

export function renderItemContent(item: Pick<EventTimelineItem, 'id' | 'content' | 'icon' | 'kind'>): HTMLElement {
  const root = document.createElement('span');
  root.className = 'event-item__content';
  root.dataset.eventId = item.id;
  root.title = `${kindAppearance(item.kind).label}: ${item.content}`;

  const icon = document.createElement('span');
  icon.className = 'event-item__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = item.icon;

  const title = document.createElement('span');
  title.className = 'event-item__title';
  title.textContent = item.content;

  root.append(icon, title);
  return root;
}

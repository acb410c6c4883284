// Builds an item's visible content from text nodes only: a title from the data never becomes HTML.
import type { EventTimelineItem } from './toTimelineItems';
import { kindAppearance } from '../../../domain/eventKinds';

const numberFormat = new Intl.NumberFormat('en');
/** Characters a title keeps where no text can be measured (jsdom): about what fits in a 30rem label. */
export const MAX_TITLE_CHARS = 64;
const ELLIPSIS = '…';
const TRAILING_PUNCTUATION = /[\s,;:.–—-]+$/;

/**
 * The longest head of `title` that `fits`, cut after a whole word and ended with an ellipsis: "Blinken and Lavrov
 * meet…", never "Blinken and Lavrov me…". A first word too long to fit alone is cut where it must be. `fits` is
 * asked of whole candidate strings (ellipsis included), so it may measure pixels or count characters.
 */
export function fitAtWord(title: string, fits: (text: string) => boolean): string {
  const text = title.trim();
  if (fits(text)) return text;
  const ends: number[] = [];
  for (let i = 1; i < text.length; i++) if (/\s/.test(text[i]) && !/\s/.test(text[i - 1])) ends.push(i);
  const cut = (end: number) => `${text.slice(0, end).replace(TRAILING_PUNCTUATION, '')}${ELLIPSIS}`;
  // Binary search: the widths of word-ended heads grow with their length.
  let low = 0;
  let high = ends.length - 1;
  let best = '';
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = cut(ends[mid]);
    if (fits(candidate)) {
      best = candidate;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (best && best.length > 1) return best;
  // Not even the first word fits: keep as many of its characters as do.
  let chars = 1;
  while (chars < text.length && fits(cut(chars + 1))) chars++;
  return cut(chars);
}

/** A title cut to at most `max` characters at a word boundary (the fallback where text is not measured). */
export function cutAtWord(title: string, max = MAX_TITLE_CHARS): string {
  return fitAtWord(title, (text) => text.length <= max);
}

const REM_PX = 16;
const DAY_MS = 86_400_000;
/** A window this short is "month zoom": items stand far apart, so a label may run longer. */
const WIDE_LABELS_BELOW_DAYS = 62;

/**
 * The widest an item's label may be drawn, in pixels, for a drawing area `widthPx` wide showing `msPerPx` per pixel:
 * half the drawing area, up to 30rem, and up to two thirds of it where the area is narrow (a phone, or the detail
 * panel open beside it), 20rem at most; at month zoom and closer, where items stand far apart, up to 48rem (60%
 * of the area, or 80% of a narrow one). The title is then cut on a word to fit (renderItemContent), never
 * mid-word by the stylesheet.
 */
export function titleRoomPx(widthPx: number, msPerPx: number): number {
  if (!(widthPx > 0)) return 30 * REM_PX;
  const close = msPerPx > 0 && (msPerPx * widthPx) / DAY_MS <= WIDE_LABELS_BELOW_DAYS;
  const narrow = close ? Math.min(widthPx * 0.8, 24 * REM_PX) : Math.min(widthPx * 0.66, 20 * REM_PX);
  const wide = close ? Math.min(widthPx * 0.6, 48 * REM_PX) : Math.min(widthPx * 0.5, 30 * REM_PX);
  return Math.round(Math.max(narrow, wide));
}

/** Measures label text in the timeline's own fonts; null where nothing can be measured (jsdom). */
interface LabelMeasure {
  title: (text: string) => number;
  date: (text: string) => number;
  icon: (text: string) => number;
  /** The label's gap between icon, date and title, in pixels. */
  gap: number;
}

let labelMeasure: LabelMeasure | null = null;
const fitted = new Map<string, string>();

/**
 * Reads the fonts an item's label is drawn in, from a hidden label inside the timeline's container, so that titles
 * can be cut to the pixel (fitTitle). Called each time a timeline is created (hooks/useVisTimeline.ts).
 */
export function measureLabelsIn(container: HTMLElement): void {
  if (typeof OffscreenCanvas === 'undefined') return;
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return;
  const probe = document.createElement('div');
  probe.className = 'vis-item event-item';
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;visibility:hidden;left:-9999px;top:0';
  const content = renderItemContent({ id: 'probe', kind: 'STATEMENT', icon: '❝', content: 'probe', dateLabel: 'Oct 2021' });
  probe.append(content);
  container.append(probe);
  const fontOf = (selector: string) => {
    const style = getComputedStyle(content.querySelector(selector)!);
    return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  };
  const fonts = { title: fontOf('.event-item__title'), date: fontOf('.event-item__date'), icon: fontOf('.event-item__icon') };
  const datePad = (() => {
    const style = getComputedStyle(content.querySelector('.event-item__date')!);
    return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  })();
  const gap = parseFloat(getComputedStyle(content).columnGap) || 0;
  probe.remove();
  const widthIn = (font: string) => (text: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  const date = widthIn(fonts.date);
  labelMeasure = { title: widthIn(fonts.title), icon: widthIn(fonts.icon), date: (text) => date(text) + datePad, gap };
  fitted.clear();
}

/** The title as drawn in a label at most `titleRoomPx` wide: whole if it fits, else cut after the last word that does. */
export function fitTitle(item: Pick<EventTimelineItem, 'content' | 'icon' | 'dateLabel' | 'titleRoomPx'>): string {
  const measure = labelMeasure;
  const roomPx = item.titleRoomPx;
  if (!measure || !roomPx) return cutAtWord(item.content);
  const key = `${roomPx}|${item.icon}|${item.dateLabel ?? ''}|${item.content}`;
  const known = fitted.get(key);
  if (known !== undefined) return known;
  // A pixel to spare each side, so rounding never wakes the stylesheet's own (mid-word) ellipsis.
  const beside = measure.icon(item.icon) + measure.gap + (item.dateLabel ? measure.date(item.dateLabel) + measure.gap : 0);
  const budget = roomPx - beside - 2;
  const title = fitAtWord(item.content, (text) => measure.title(text) <= budget);
  if (fitted.size > 5000) fitted.clear();
  fitted.set(key, title);
  return title;
}

export function renderItemContent(
  item: Pick<EventTimelineItem, 'id' | 'content' | 'icon' | 'kind' | 'dateLabel' | 'omittedCount' | 'titleRoomPx'>,
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
  title.textContent = fitTitle(item);
  if (item.titleRoomPx) root.style.maxWidth = `${item.titleRoomPx}px`;
  root.append(title);
  return root;
}

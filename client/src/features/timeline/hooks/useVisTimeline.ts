// The only place vis-timeline is touched: created and destroyed in one effect, driven through a handle.
import { useCallback, useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { diffItems } from '../utils/diffItems';
import { KIND_APPEARANCE, KIND_ORDER } from '../../../domain/eventKinds';
import { renderItemContent } from '../utils/itemContent';
import type { TimeWindow } from '../utils/timeWindow';
import type { EventTimelineItem } from '../utils/toTimelineItems';

const DAY_MS = 86_400_000;
/** Zoomed in as far as one day, out as far as about forty years. */
export const ZOOM_MIN_MS = DAY_MS;
export const ZOOM_MAX_MS = Math.round(40 * 365.25 * DAY_MS);
/** rangechanged fires at the end of every drag and wheel step; wait for the user to settle. */
export const RANGE_DEBOUNCE_MS = 250;
/** Fraction of the visible span one press of a scroll button moves. */
const SCROLL_STEP = 0.25;
const ZOOM_STEP = 0.5;

declare global {
  interface Window {
    /** Handles for browser tests and benchmarks. */
    __detente?: { timeline: Timeline };
  }
}

interface LaneGroup {
  id: string;
  content: string;
  order: number;
  className: string;
}

export interface UseVisTimelineOptions {
  /** The timeline is created once this is known (it comes from the `dataRange` query). */
  initialWindow: TimeWindow | null;
  /**
   * Called once at creation and then, debounced, after the user pans or zooms, with the width
   * in pixels of the drawing area (so callers know how much time one pixel covers).
   */
  onRangeChanged: (window: TimeWindow, widthPx: number) => void;
  /** An item was clicked (its id) or the selection was cleared (null). */
  onSelect: (eventId: string | null) => void;
}

export interface VisTimelineHandle {
  containerRef: React.RefObject<HTMLDivElement | null>;
  setItems: (items: readonly EventTimelineItem[]) => void;
  setSelection: (eventId: string | null) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Moves the window by a quarter of its width: -1 towards the past, +1 towards the future. */
  scrollBy: (direction: -1 | 1) => void;
  /** Centres the window on a moment or span, widening it only if the span would not fit. */
  focusOn: (start: Date, end?: Date) => void;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function laneGroups(): LaneGroup[] {
  return KIND_ORDER.map((kind, order) => ({
    id: kind,
    content: KIND_APPEARANCE[kind].lane,
    order,
    className: `lane lane-${kind}`,
  }));
}

export function useVisTimeline({ initialWindow, onRangeChanged, onSelect }: UseVisTimelineOptions): VisTimelineHandle {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<EventTimelineItem, 'id'> | null>(null);
  const selectedRef = useRef<string | null>(null);
  // The last items asked for, so a timeline created (or re-created) after they arrived still shows them.
  const wantedItemsRef = useRef<readonly EventTimelineItem[]>([]);
  // Callbacks in refs, so a new closure from the parent never re-creates the timeline.
  const onRangeChangedRef = useRef(onRangeChanged);
  const onSelectRef = useRef(onSelect);
  onRangeChangedRef.current = onRangeChanged;
  onSelectRef.current = onSelect;

  const hasWindow = initialWindow !== null;
  const initialWindowRef = useRef(initialWindow);
  initialWindowRef.current = initialWindow;

  useEffect(() => {
    const container = containerRef.current;
    const window0 = initialWindowRef.current;
    if (!container || !window0) return;

    const items = new DataSet<EventTimelineItem, 'id'>([...wantedItemsRef.current]);
    const groups = new DataSet<LaneGroup, 'id'>(laneGroups());
    const options: TimelineOptions = {
      start: window0.start,
      end: window0.end,
      zoomMin: ZOOM_MIN_MS,
      zoomMax: ZOOM_MAX_MS,
      stack: true,
      groupOrder: 'order',
      orientation: { axis: 'top', item: 'top' },
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      verticalScroll: true,
      maxHeight: '70vh',
      minHeight: 260,
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      dataAttributes: ['id'],
      // Content is built from text nodes; the item's `content` string is never parsed as HTML.
      template: (item?: EventTimelineItem) => (item ? renderItemContent(item) : ''),
      xss: { disabled: false },
      tooltip: { followMouse: false },
    };
    // vis-timeline's typings predate custom item fields; our items are a superset of DataItem.
    const timeline = new Timeline(container, items as never, groups as never, options);
    timelineRef.current = timeline;
    itemsRef.current = items;
    window.__detente = { timeline };

    const drawingWidth = () =>
      container.querySelector<HTMLElement>('.vis-panel.vis-center')?.clientWidth || container.clientWidth;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let redrawnAfterFirstRange = false;
    timeline.on('rangechanged', (props: { start: Date; end: Date }) => {
      if (!redrawnAfterFirstRange) {
        // Small timelines otherwise stay blank until vis's 1-second resize check (STACK.md).
        redrawnAfterFirstRange = true;
        timeline.redraw();
      }
      clearTimeout(debounce);
      debounce = setTimeout(
        () => onRangeChangedRef.current({ start: props.start, end: props.end }, drawingWidth()),
        RANGE_DEBOUNCE_MS,
      );
    });
    timeline.on('select', (props: { items: Array<string | number> }) => {
      const id = props.items.length > 0 ? String(props.items[0]) : null;
      selectedRef.current = id;
      onSelectRef.current(id);
    });

    // vis notices a container resize only on its 1-second poll; a side panel opening should not wait.
    // The same span now covers fewer pixels, so listeners hear about it as a range change too.
    let lastWidth = container.offsetWidth;
    const resizeObserver =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (container.offsetWidth === lastWidth) return;
            lastWidth = container.offsetWidth;
            timeline.redraw();
            const { start, end } = timeline.getWindow();
            clearTimeout(debounce);
            debounce = setTimeout(() => onRangeChangedRef.current({ start, end }, drawingWidth()), RANGE_DEBOUNCE_MS);
          });
    resizeObserver?.observe(container);

    // vis pans by moving its range, never by scrolling; but the browser scrolls its overflow:hidden
    // panels sideways to reveal a clicked or focused item that overhangs the edge, which leaves the
    // drawing offset from the axis. Undo any such scroll (scroll events do not bubble: capture them).
    const undoHorizontalScroll = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.scrollLeft !== 0 && target.classList.contains('vis-panel')) {
        target.scrollLeft = 0;
      }
    };
    container.addEventListener('scroll', undoHorizontalScroll, true);

    onRangeChangedRef.current({ start: window0.start, end: window0.end }, drawingWidth());

    return () => {
      container.removeEventListener('scroll', undoHorizontalScroll, true);
      clearTimeout(debounce);
      resizeObserver?.disconnect();
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
      if (window.__detente?.timeline === timeline) delete window.__detente;
    };
  }, [hasWindow]);

  const setItems = useCallback((next: readonly EventTimelineItem[]) => {
    wantedItemsRef.current = next;
    const items = itemsRef.current;
    const timeline = timelineRef.current;
    if (!items || !timeline) return;
    const wasEmpty = items.length === 0;
    const { add, update, remove } = diffItems(items.get(), next);
    if (remove.length > 0) items.remove(remove);
    if (update.length > 0) items.update(update);
    if (add.length > 0) items.add(add);
    // An item removed while off-screen loses vis's selection; restore it when it comes back.
    const selected = selectedRef.current;
    if (selected && (add.length > 0 || update.length > 0) && items.get(selected)) {
      timeline.setSelection([selected]);
    }
    if (wasEmpty && add.length > 0) timeline.redraw();
  }, []);

  const setSelection = useCallback((eventId: string | null) => {
    selectedRef.current = eventId;
    const timeline = timelineRef.current;
    if (!timeline) return;
    const present = eventId !== null && itemsRef.current?.get(eventId) != null;
    timeline.setSelection(present ? [eventId] : []);
  }, []);

  const zoomIn = useCallback(() => timelineRef.current?.zoomIn(ZOOM_STEP), []);
  const zoomOut = useCallback(() => timelineRef.current?.zoomOut(ZOOM_STEP), []);

  const scrollBy = useCallback((direction: -1 | 1) => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const { start, end } = timeline.getWindow();
    const shift = (end.getTime() - start.getTime()) * SCROLL_STEP * direction;
    const animation = prefersReducedMotion() ? false : { duration: 250, easingFunction: 'easeInOutQuad' as const };
    timeline.setWindow(start.getTime() + shift, end.getTime() + shift, { animation });
  }, []);

  const focusOn = useCallback((start: Date, end?: Date) => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const visible = timeline.getWindow();
    const visibleSpan = visible.end.getTime() - visible.start.getTime();
    const eventStart = start.getTime();
    const eventEnd = end ? end.getTime() : eventStart;
    const eventSpan = eventEnd - eventStart;
    if (eventSpan * 1.2 > visibleSpan) {
      const pad = Math.max(eventSpan * 0.1, DAY_MS);
      timeline.setWindow(eventStart - pad, eventEnd + pad, { animation: !prefersReducedMotion() });
    } else {
      timeline.moveTo(new Date(eventStart + eventSpan / 2), { animation: !prefersReducedMotion() });
    }
  }, []);

  return { containerRef, setItems, setSelection, zoomIn, zoomOut, scrollBy, focusOn };
}

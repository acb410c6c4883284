// The only place vis-timeline is touched: created and destroyed in one effect, driven through a handle.
// The "esnext" builds (the peer builds without their bundled core-js polyfills, ~65 kB smaller
// gzipped) and always as a pair: vis-timeline/esnext imports vis-data/esnext.
import { useCallback, useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { diffItems } from '../utils/diffItems';
import { KIND_APPEARANCE, KIND_ORDER } from '../../../domain/eventKinds';
import { renderItemContent } from '../utils/itemContent';
import type { TimeWindow } from '../utils/timeWindow';
import { OMITTED_GROUP, isOmittedId, type EventTimelineItem, type SideLane } from '../utils/toTimelineItems';
import type { LaneMode } from '../../../lib/urlState';

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
    __detente?: { timeline: Timeline; firstDrawAt?: number };
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
  /** Every frame of a pan or zoom, for what must move with the timeline (the temperature band). */
  onRangeChange?: (window: TimeWindow, layout: TimelineLayout) => void;
}

/** Where the time axis sits inside the container, so other drawings can line up with it. */
export interface TimelineLayout {
  /** Pixels from the container's left edge to the start of the drawing area. */
  left: number;
  width: number;
}

export interface VisTimelineHandle {
  containerRef: React.RefObject<HTMLDivElement | null>;
  setItems: (items: readonly EventTimelineItem[], lanes: LaneMode) => void;
  /** Moves to a window (a preset, a restored URL). */
  setWindow: (start: Date, end: Date, animate?: boolean) => void;
  getWindow: () => TimeWindow | null;
  setSelection: (eventId: string | null) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Moves the window by a quarter of its width: -1 towards the past, +1 towards the future. */
  scrollBy: (direction: -1 | 1) => void;
  /** Centres the window on a moment or span, widening it only if the span would not fit. */
  focusOn: (start: Date, end?: Date) => void;
  /**
   * Brings an event into view, scrolling its lane into sight too: at once when it is drawn, otherwise
   * by moving to its span and revealing it when the window's items arrive (if they do soon).
   */
  revealEvent: (eventId: string, start: Date, end?: Date) => void;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const SIDE_LANES: ReadonlyArray<{ id: SideLane; content: string }> = [
  { id: 'US', content: 'United States' },
  { id: 'RU', content: 'Russia' },
  { id: 'MUTUAL', content: 'Mutual' },
];

// On top, so the markers are in sight however tall the lanes below grow.
const OMITTED_LANE: LaneGroup = { id: OMITTED_GROUP, content: 'More', order: -1, className: 'lane lane-omitted' };

/**
 * Options for timeline.focus(): keep the zoom, and always animate (if only for a millisecond), because
 * vis-timeline scrolls to the item's lane only in its animation frames when the window does not change.
 */
function focusOptions(): never {
  return { zoom: false, animation: { duration: prefersReducedMotion() ? 1 : 300, easingFunction: 'easeInOutQuad' } } as never;
}

/** Centres the window on a moment or span, widening it only if the span would not fit. */
function focusTimeline(timeline: Timeline, start: Date, end?: Date) {
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
}

export function laneGroups(lanes: LaneMode, withOmitted: boolean): LaneGroup[] {
  const groups: LaneGroup[] =
    lanes === 'side'
      ? SIDE_LANES.map((lane, order) => ({ id: lane.id, content: lane.content, order, className: `lane lane-side-${lane.id}` }))
      : KIND_ORDER.map((kind, order) => ({
          id: kind,
          content: KIND_APPEARANCE[kind].lane,
          order,
          className: `lane lane-${kind}`,
        }));
  if (withOmitted) groups.push(OMITTED_LANE);
  return groups;
}

export function useVisTimeline({ initialWindow, onRangeChanged, onSelect, onRangeChange }: UseVisTimelineOptions): VisTimelineHandle {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<EventTimelineItem, 'id'> | null>(null);
  const selectedRef = useRef<string | null>(null);
  const pendingRevealRef = useRef<{ id: string; until: number } | null>(null);
  // vis-timeline sets its window back to the opening one when it first draws (a frame or more after it is
  // created), so a move asked for before then is held until that draw and made after it.
  const firstDrawnRef = useRef(false);
  const heldMovesRef = useRef<Array<() => void>>([]);
  // The last items asked for, so a timeline created (or re-created) after they arrived still shows them.
  const wantedItemsRef = useRef<readonly EventTimelineItem[]>([]);
  // Callbacks in refs, so a new closure from the parent never re-creates the timeline.
  const onRangeChangedRef = useRef(onRangeChanged);
  const onSelectRef = useRef(onSelect);
  const onRangeChangeRef = useRef(onRangeChange);
  const groupsRef = useRef<DataSet<LaneGroup, 'id'> | null>(null);
  const wantedLanesRef = useRef<LaneMode>('kind');
  onRangeChangedRef.current = onRangeChanged;
  onSelectRef.current = onSelect;
  onRangeChangeRef.current = onRangeChange;

  const hasWindow = initialWindow !== null;
  const initialWindowRef = useRef(initialWindow);
  initialWindowRef.current = initialWindow;

  useEffect(() => {
    const container = containerRef.current;
    const window0 = initialWindowRef.current;
    if (!container || !window0) return;

    const items = new DataSet<EventTimelineItem, 'id'>([...wantedItemsRef.current]);
    const groups = new DataSet<LaneGroup, 'id'>(
      laneGroups(
        wantedLanesRef.current,
        wantedItemsRef.current.some((item) => item.group === OMITTED_GROUP),
      ),
    );
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
      maxHeight: '62vh',
      minHeight: 260,
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      dataAttributes: ['id'],
      // Content is built from text nodes; the item's `content` string is never parsed as HTML.
      template: (item?: EventTimelineItem) => (item ? renderItemContent(item) : ''),
      xss: { disabled: false },
      tooltip: { followMouse: false },
      // Observable by the benchmark: navigation to the first drawn timeline.
      onInitialDrawComplete: () => {
        if (window.__detente) window.__detente.firstDrawAt = performance.now();
      },
    };
    // vis-timeline's typings predate custom item fields; our items are a superset of DataItem.
    const timeline = new Timeline(container, items as never, groups as never, options);
    timelineRef.current = timeline;
    itemsRef.current = items;
    groupsRef.current = groups;
    window.__detente = { timeline };
    firstDrawnRef.current = false;
    // Registered after vis-timeline's own first-draw handler (in its constructor), so this runs after its reset.
    const afterFirstDraw = () => {
      timeline.off('changed', afterFirstDraw);
      firstDrawnRef.current = true;
      const held = heldMovesRef.current.splice(0);
      for (const move of held) move();
    };
    timeline.on('changed', afterFirstDraw);

    const drawingWidth = () => container.querySelector<HTMLElement>('.vis-panel.vis-center')?.clientWidth || container.clientWidth;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let redrawnAfterFirstRange = false;
    timeline.on('rangechanged', (props: { start: Date; end: Date }) => {
      if (!redrawnAfterFirstRange) {
        // Small timelines otherwise stay blank until vis's 1-second resize check (STACK.md).
        redrawnAfterFirstRange = true;
        timeline.redraw();
      }
      clearTimeout(debounce);
      debounce = setTimeout(() => onRangeChangedRef.current({ start: props.start, end: props.end }, drawingWidth()), RANGE_DEBOUNCE_MS);
    });
    // vis-timeline's own measurements from its last redraw: reading them forces no layout, which
    // matters because this runs on every frame of a pan.
    const visProps = (timeline as unknown as { props?: { left?: { width?: number }; center?: { width?: number } } }).props;
    const containerBorder = container.clientLeft;
    const layout = (): TimelineLayout => ({
      left: containerBorder + (visProps?.left?.width ?? 0),
      width: visProps?.center?.width ?? container.clientWidth,
    });
    let frame = 0;
    timeline.on('rangechange', (props: { start: Date; end: Date }) => {
      if (!onRangeChangeRef.current || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        onRangeChangeRef.current?.({ start: props.start, end: props.end }, layout());
      });
    });
    // Also after each draw settles (first draw, a resize, lanes coming and going change the layout).
    timeline.on('changed', () => {
      const { start, end } = timeline.getWindow();
      onRangeChangeRef.current?.({ start, end }, layout());
    });
    timeline.on('select', (props: { items: Array<string | number> }) => {
      const id = props.items.length > 0 ? String(props.items[0]) : null;
      if (id && isOmittedId(id)) {
        // A "+N" marker: zoom into its slice instead of selecting it.
        const marker = items.get(id);
        const previous = selectedRef.current;
        timeline.setSelection(previous && items.get(previous) ? [previous] : []);
        if (marker?.end) {
          const pad = (marker.end.getTime() - marker.start.getTime()) * 0.05;
          timeline.setWindow(marker.start.getTime() - pad, marker.end.getTime() + pad, { animation: !prefersReducedMotion() });
        }
        return;
      }
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
      timeline.off('changed', afterFirstDraw);
      heldMovesRef.current = [];
      cancelAnimationFrame(frame);
      container.removeEventListener('scroll', undoHorizontalScroll, true);
      clearTimeout(debounce);
      resizeObserver?.disconnect();
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
      groupsRef.current = null;
      if (window.__detente?.timeline === timeline) delete window.__detente;
    };
  }, [hasWindow]);

  const setItems = useCallback((next: readonly EventTimelineItem[], lanes: LaneMode) => {
    wantedItemsRef.current = next;
    wantedLanesRef.current = lanes;
    const items = itemsRef.current;
    const groups = groupsRef.current;
    const timeline = timelineRef.current;
    if (!items || !timeline || !groups) return;
    const wasEmpty = items.length === 0;
    // Lanes first, so no item is ever in a lane that is not there.
    const wantedGroups = laneGroups(
      lanes,
      next.some((item) => item.group === OMITTED_GROUP),
    );
    const wantedGroupIds = new Set(wantedGroups.map((group) => group.id));
    const staleGroups = groups.getIds().filter((id) => !wantedGroupIds.has(String(id)));
    const missingGroups = wantedGroups.filter((group) => groups.get(group.id) === null);
    if (missingGroups.length > 0) groups.add(missingGroups);
    const { add, update, remove } = diffItems(items.get(), next);
    if (remove.length > 0) items.remove(remove);
    if (update.length > 0) items.update(update);
    if (add.length > 0) items.add(add);
    if (staleGroups.length > 0) groups.remove(staleGroups);
    const pending = pendingRevealRef.current;
    if (pending && items.get(pending.id)) {
      pendingRevealRef.current = null;
      if (Date.now() < pending.until) {
        // Its lane position is known only once vis-timeline has drawn it.
        const revealOnce = () => {
          timeline.off('changed', revealOnce);
          if (itemsRef.current?.get(pending.id)) timeline.focus(pending.id, focusOptions());
        };
        timeline.on('changed', revealOnce);
      }
    }
    // An item removed while off-screen loses vis's selection; restore it when it comes back.
    const selected = selectedRef.current;
    if (selected && (add.length > 0 || update.length > 0) && items.get(selected)) {
      timeline.setSelection([selected]);
    }
    if (wasEmpty && add.length > 0) timeline.redraw();
  }, []);

  /** Runs a window move now, or once vis-timeline has drawn for the first time. */
  const move = useCallback((fn: (timeline: Timeline) => void) => {
    const run = () => {
      const timeline = timelineRef.current;
      if (timeline) fn(timeline);
    };
    if (firstDrawnRef.current) run();
    else heldMovesRef.current.push(run);
  }, []);

  const setSelection = useCallback((eventId: string | null) => {
    selectedRef.current = eventId;
    const timeline = timelineRef.current;
    if (!timeline) return;
    const present = eventId !== null && itemsRef.current?.get(eventId) != null;
    timeline.setSelection(present ? [eventId] : []);
  }, []);

  const zoomIn = useCallback(() => move((timeline) => timeline.zoomIn(ZOOM_STEP)), [move]);
  const zoomOut = useCallback(() => move((timeline) => timeline.zoomOut(ZOOM_STEP)), [move]);

  const scrollBy = useCallback(
    (direction: -1 | 1) =>
      move((timeline) => {
        const { start, end } = timeline.getWindow();
        const shift = (end.getTime() - start.getTime()) * SCROLL_STEP * direction;
        const animation = prefersReducedMotion() ? false : { duration: 250, easingFunction: 'easeInOutQuad' as const };
        timeline.setWindow(start.getTime() + shift, end.getTime() + shift, { animation });
      }),
    [move],
  );

  const focusOn = useCallback((start: Date, end?: Date) => move((timeline) => focusTimeline(timeline, start, end)), [move]);

  const revealEvent = useCallback(
    (eventId: string, start: Date, end?: Date) =>
      move((timeline) => {
        if (itemsRef.current?.get(eventId)) {
          pendingRevealRef.current = null;
          timeline.focus(eventId, focusOptions());
          return;
        }
        // Not drawn (yet): go to its span; the next items to arrive may hold it. A reveal that does not
        // happen within a few seconds is dropped rather than surprising the reader later.
        pendingRevealRef.current = { id: eventId, until: Date.now() + 5_000 };
        focusTimeline(timeline, start, end);
      }),
    [move],
  );

  const setWindow = useCallback(
    (start: Date, end: Date, animate = true) =>
      move((timeline) => timeline.setWindow(start, end, { animation: animate && !prefersReducedMotion() })),
    [move],
  );
  const getWindow = useCallback((): TimeWindow | null => {
    const timeline = timelineRef.current;
    if (!timeline) return null;
    const { start, end } = timeline.getWindow();
    return { start, end };
  }, []);

  return { containerRef, setItems, setSelection, zoomIn, zoomOut, scrollBy, focusOn, revealEvent, setWindow, getWindow };
}

// The only place vis-timeline is touched: created and destroyed in one effect, driven through a handle.
// The "esnext" builds (the peer builds without their bundled core-js polyfills, ~65 kB smaller
// gzipped) and always as a pair: vis-timeline/esnext imports vis-data/esnext.
import { useCallback, useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { diffItems } from '../utils/diffItems';
import { laneHeights } from '../utils/laneHeights';
import { KIND_APPEARANCE, KIND_ORDER } from '../../../domain/eventKinds';
import { measureLabelsIn, renderItemContent } from '../utils/itemContent';
import type { TimeWindow } from '../utils/timeWindow';
import { OMITTED_GROUP, isOmittedId, type EventTimelineItem, type SideLane } from '../utils/toTimelineItems';
import type { LaneMode } from '../../../lib/urlState';
import type { BandItem } from '../bands/bandItems';

const DAY_MS = 86_400_000;
/** Zoomed in as far as a week (day ticks, never hours); out as far as about forty years until the data's range is known. */
export const ZOOM_MIN_MS = 7 * DAY_MS;
export const ZOOM_MAX_MS = Math.round(40 * 365.25 * DAY_MS);
/** How far past the first and last event the timeline may be moved. */
export const BOUNDS_MARGIN_MS = 120 * DAY_MS;
/** rangechanged fires at the end of every drag and wheel step; wait for the user to settle. */
export const RANGE_DEBOUNCE_MS = 250;
/** Fraction of the visible span one press of a scroll button moves. */
const SCROLL_STEP = 0.25;
const ZOOM_STEP = 0.5;
/** A lane is never capped below one row of items. */
const MIN_LANE_PX = 30;
/** The time axis above the lanes, until vis-timeline has measured it. */
const AXIS_PX_GUESS = 46;
/** Where the page does not lay itself out to the window (narrow or short screens), the timeline's own cap. */
const FLOW_MAX_HEIGHT_VH = 0.62;
const MIN_TIMELINE_PX = 260;
/** vis-timeline's vertical margin between stacked items. */
const ITEM_MARGIN_PX = 6;

/**
 * Where the page fills the window without scrolling (styles in app/TimelinePage.module.css and
 * TimelineView.module.css use the same query) and marks itself with data-fits-window, the timeline takes the
 * height its stage is given. The embed marks itself with data-fills-frame and does so at any size.
 */
export const FIT_WINDOW_MEDIA = '(min-width: 1100px) and (min-height: 760px)';
/** The marker of a page that gives the timeline its frame's height at any size (the embed). */
export const FILLS_FRAME_SELECTOR = '[data-fills-frame]';

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
  /** Set while the lane's cap hides some of its rows. */
  title?: string;
}

const CLIPPED_TITLE = 'More events here than this lane has room for: the most important are drawn. Zoom in to see the rest.';

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
  /** Whether any lane's cap hides some of its rows now. */
  onLanesClipped?: (clipped: boolean) => void;
  /** A "+N" marker was clicked or pressed: what it stands for, and its element (to place a list beside it). */
  onOmittedOpen?: (marker: OmittedMarker, element: HTMLElement) => void;
}

export interface OmittedMarker {
  id: string;
  start: Date;
  end: Date;
  count: number;
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
  /** Replaces the background bands (tenures in office) drawn behind every lane. */
  setBands: (bands: readonly BandItem[]) => void;
  /** Moves to a window (a preset, a restored URL). */
  setWindow: (start: Date, end: Date, animate?: boolean) => void;
  getWindow: () => TimeWindow | null;
  setSelection: (eventId: string | null) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Keeps panning and zooming within the data's range (plus a margin) once it is known. */
  setBounds: (range: TimeWindow | null) => void;
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

/** A band's label, from text nodes only; the full office and dates are on hover. */

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

/**
 * The lanes to draw: those that hold an event of the loaded window (a lane with nothing in the current filter and
 * period is dropped), all of them while nothing is loaded, and the "+N" lane when there are markers.
 */
export function laneGroups(lanes: LaneMode, items: readonly EventTimelineItem[]): LaneGroup[] {
  const all: LaneGroup[] =
    lanes === 'side'
      ? SIDE_LANES.map((lane, order) => ({ id: lane.id, content: lane.content, order, className: `lane lane-side-${lane.id}` }))
      : KIND_ORDER.map((kind, order) => ({
          id: kind,
          content: KIND_APPEARANCE[kind].lane,
          order,
          className: `lane lane-${kind}`,
        }));
  const used = new Set(items.map((item) => item.group));
  const withEvents = all.filter((group) => used.has(group.id));
  const groups = withEvents.length > 0 ? withEvents : all;
  return used.has(OMITTED_GROUP) ? [...groups, OMITTED_LANE] : groups;
}

/** vis-timeline's lane object, as far as the lane cap needs it. */
interface VisGroup {
  groupId: string | number;
  itemSet: { body: unknown };
  _calculateHeight: (margin: unknown) => number;
}

/** The height cap of each timeline's lanes, by the timeline's body (one per Timeline instance). */
const laneCaps = new WeakMap<object, (groupId: string) => number | null>();
const patchedGroupClasses = new WeakSet<object>();

/**
 * vis-timeline sizes every lane to all its stacked rows and offers no cap, so one busy lane pushes the others out
 * of sight, and no way to let lanes take spare height. This sets a lane's height where the page gives one (taller
 * or shorter than its rows); rows past it are clipped (the lane's
 * overflow is hidden in TimelineView.module.css) and, because items stack in `stackOrder`, those are the least
 * important ones and never the selected event. Patched once per vis Group class, and only for timelines that
 * registered a cap.
 */
function capLaneHeights(timeline: Timeline, cap: (groupId: string) => number | null) {
  const itemSet = (timeline as unknown as { itemSet?: { body: object; groups: Record<string, VisGroup> } }).itemSet;
  if (!itemSet) return;
  // A lane of ours, not vis's background group (a subclass with its own prototype).
  const anyGroup = Object.entries(itemSet.groups).find(([id]) => id !== '__background__')?.[1];
  laneCaps.set(itemSet.body, cap);
  const proto = anyGroup ? (Object.getPrototypeOf(anyGroup) as VisGroup) : null;
  if (!proto || patchedGroupClasses.has(proto)) return;
  patchedGroupClasses.add(proto);
  const measure = proto._calculateHeight;
  proto._calculateHeight = function cappedHeight(this: VisGroup, margin: unknown) {
    const height = measure.call(this, margin);
    const limit = laneCaps.get(this.itemSet.body as object)?.(String(this.groupId));
    return limit ?? height;
  };
}

/** vis-timeline's limits for a data range: the range plus a margin, and no zooming out past all of it. */
export function boundsOptions(range: TimeWindow | null): Pick<TimelineOptions, 'min' | 'max' | 'zoomMax'> {
  if (!range) return {};
  const min = range.start.getTime() - BOUNDS_MARGIN_MS;
  const max = range.end.getTime() + BOUNDS_MARGIN_MS;
  return { min, max, zoomMax: max - min };
}

/** Stacking order: the selected event first (never clipped), then the most important, then the earliest. */
function stackOrder(selectedId: string | null) {
  return (a: EventTimelineItem, b: EventTimelineItem) => {
    // Events left of the view draw no label (see toTimelineItems): they stack last, in rows of their own.
    const rank = (item: EventTimelineItem) => (item.id === selectedId ? 10 : item.className.includes('before-view') ? -1 : item.importance);
    return rank(b) - rank(a) || a.start.getTime() - b.start.getTime();
  };
}

export function useVisTimeline({
  initialWindow,
  onRangeChanged,
  onSelect,
  onRangeChange,
  onLanesClipped,
  onOmittedOpen,
}: UseVisTimelineOptions): VisTimelineHandle {
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
  const wantedBandsRef = useRef<readonly BandItem[]>([]);
  // Callbacks in refs, so a new closure from the parent never re-creates the timeline.
  const onRangeChangedRef = useRef(onRangeChanged);
  const onSelectRef = useRef(onSelect);
  const onRangeChangeRef = useRef(onRangeChange);
  const groupsRef = useRef<DataSet<LaneGroup, 'id'> | null>(null);
  const wantedLanesRef = useRef<LaneMode>('kind');
  onRangeChangedRef.current = onRangeChanged;
  onSelectRef.current = onSelect;
  onRangeChangeRef.current = onRangeChange;
  const onLanesClippedRef = useRef(onLanesClipped);
  onLanesClippedRef.current = onLanesClipped;
  const onOmittedOpenRef = useRef(onOmittedOpen);
  onOmittedOpenRef.current = onOmittedOpen;

  const boundsRef = useRef<TimeWindow | null>(null);
  const hasWindow = initialWindow !== null;
  const initialWindowRef = useRef(initialWindow);
  initialWindowRef.current = initialWindow;

  useEffect(() => {
    const container = containerRef.current;
    const window0 = initialWindowRef.current;
    if (!container || !window0) return;

    // Bands share the items' DataSet (vis draws type 'background' behind the lanes); setItems leaves them be.
    const items = new DataSet<EventTimelineItem, 'id'>([...wantedItemsRef.current, ...(wantedBandsRef.current as never[])]);
    const groups = new DataSet<LaneGroup, 'id'>(laneGroups(wantedLanesRef.current, wantedItemsRef.current));
    // Where the page fits the window, the timeline takes its stage's height; elsewhere a share of the screen.
    const fitsWindow = () =>
      !!container.closest(FILLS_FRAME_SELECTOR) ||
      (typeof window.matchMedia === 'function' && window.matchMedia(FIT_WINDOW_MEDIA).matches && !!container.closest('[data-fits-window]'));
    const stage = container.parentElement;
    const maxHeight = () =>
      Math.max(MIN_TIMELINE_PX, fitsWindow() && stage ? stage.clientHeight : Math.round(window.innerHeight * FLOW_MAX_HEIGHT_VH));
    let currentMaxHeight = maxHeight();
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
      ...boundsOptions(boundsRef.current),
      // Every lane fits (see capLaneHeights), so the wheel only zooms: nothing scrolls inside the timeline.
      verticalScroll: false,
      maxHeight: currentMaxHeight,
      minHeight: MIN_TIMELINE_PX,
      order: stackOrder(selectedRef.current) as never,
      margin: { item: { horizontal: 6, vertical: ITEM_MARGIN_PX }, axis: 8 },
      dataAttributes: ['id'],
      // Content is built from text nodes; the item's `content` string is never parsed as HTML.
      template: (item?: EventTimelineItem | BandItem) =>
        // A band draws only its shade: its label is in the strip above the timeline (bands/TenureBands.tsx).
        !item ? '' : item.type === 'background' ? '' : renderItemContent(item),
      xss: { disabled: false },
      tooltip: { followMouse: false },
      // Observable by the benchmark: navigation to the first drawn timeline.
      onInitialDrawComplete: () => {
        if (window.__detente) window.__detente.firstDrawAt = performance.now();
      },
    };
    // vis-timeline's typings predate custom item fields; our items are a superset of DataItem.
    const timeline = new Timeline(container, items as never, groups as never, options);
    // Titles are cut to the pixel in the labels' own fonts, read where vis-timeline draws its items.
    measureLabelsIn(container.querySelector<HTMLElement>('.vis-itemset') ?? container);
    timelineRef.current = timeline;
    itemsRef.current = items;
    groupsRef.current = groups;
    window.__detente = { timeline };
    // vis-timeline's own measurements from its last redraw: reading them forces no layout, which
    // matters because some of this runs on every frame of a pan.
    const visProps = (
      timeline as unknown as { props?: { left?: { width?: number }; center?: { width?: number }; top?: { height?: number } } }
    ).props;

    // Each lane's own height at the last draw, and the height it is drawn at (utils/laneHeights.ts) so that all of
    // them fit under the axis and, where the page gives the timeline a height, fill it.
    const naturalHeights = new Map<string, number>();
    const visGroups = (timeline as unknown as { itemSet: { groups: Record<string, VisGroup & { height?: number }> } }).itemSet.groups;
    let drawnHeights = new Map<string, number>();
    // A lane shows whole rows: a row is an item's height plus the vertical margin between items (known after a draw).
    let rowPx = 0;
    const computeHeights = (): Map<string, number> => {
      if (rowPx <= 0) return new Map();
      const axis = visProps?.top?.height || AXIS_PX_GUESS;
      const lanes = groups.getIds().map(String);
      const markers = lanes.includes(OMITTED_GROUP) ? (visGroups[OMITTED_GROUP]?.height ?? MIN_LANE_PX) : 0;
      const eventLanes = lanes.filter((id) => id !== OMITTED_GROUP);
      const heights = laneHeights(
        eventLanes.map((id) => naturalHeights.get(id) ?? MIN_LANE_PX),
        currentMaxHeight - axis - markers - 2,
        { rowPx, edgePx: ITEM_MARGIN_PX / 2, minPx: MIN_LANE_PX, fill: fitsWindow() },
      );
      return new Map(eventLanes.map((id, index) => [id, heights[index]]));
    };
    const sameHeights = (a: Map<string, number>, b: Map<string, number>) =>
      a.size === b.size && [...a].every(([id, height]) => b.get(id) === height);
    const laneCap = (groupId: string): number | null => drawnHeights.get(groupId) ?? null;
    capLaneHeights(timeline, laneCap);
    const recordNatural = () => {
      // vis-timeline keeps each lane's stacked items; their extent is the lane's height before the cap.
      for (const [id, group] of Object.entries(visGroups)) {
        const items = (
          (group as unknown as { visibleItems?: Array<{ top: number; height: number; data?: EventTimelineItem }> }).visibleItems ?? []
        ).filter((item) => !item.data?.className?.includes('before-view'));
        const bottom = items.reduce((max, item) => Math.max(max, item.top + item.height), 0);
        naturalHeights.set(id, Math.max(MIN_LANE_PX, Math.ceil(bottom + ITEM_MARGIN_PX / 2)));
        if (id !== OMITTED_GROUP && items.length > 0) rowPx = Math.max(rowPx, Math.ceil(items[0].height + ITEM_MARGIN_PX));
      }
      const next = computeHeights();
      if (!sameHeights(next, drawnHeights)) {
        drawnHeights = next;
        timeline.redraw();
        return;
      }
      // Say on a lane's label when its cap hides rows, so a reader knows to zoom in (or that "+N" is not all).
      const updates: LaneGroup[] = [];
      let anyClipped = false;
      for (const group of groups.get()) {
        const cap = group.id === OMITTED_GROUP ? null : laneCap(group.id);
        const clipped = cap !== null && (naturalHeights.get(group.id) ?? 0) > cap;
        anyClipped ||= clipped;
        if (clipped !== (group.title !== undefined)) {
          updates.push({
            ...group,
            className: clipped ? `${group.className} lane--clipped` : group.className.replace(' lane--clipped', ''),
            title: clipped ? CLIPPED_TITLE : undefined,
          });
        }
      }
      if (updates.length > 0) groups.update(updates);
      onLanesClippedRef.current?.(anyClipped);
    };
    timeline.on('changed', recordNatural);
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
        // Small timelines otherwise stay blank until vis's 1-second resize check (measured: about 1 s blank, 225–270 ms with this).
        redrawnAfterFirstRange = true;
        timeline.redraw();
      }
      clearTimeout(debounce);
      debounce = setTimeout(() => onRangeChangedRef.current({ start: props.start, end: props.end }, drawingWidth()), RANGE_DEBOUNCE_MS);
    });
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
        // A "+N" marker is not selected: its button's own click lists what it holds (see below).
        const previous = selectedRef.current;
        timeline.setSelection(previous && items.get(previous) ? [previous] : []);
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
    // The stage's height is the timeline's cap where the page fits the window: follow it (a resize, the
    // filters or detail panel changing the layout), and the screen's height elsewhere.
    const followHeight = () => {
      const next = maxHeight();
      if (next === currentMaxHeight) return;
      currentMaxHeight = next;
      drawnHeights = computeHeights();
      timeline.setOptions({ maxHeight: next });
    };
    const stageObserver = typeof ResizeObserver === 'undefined' || !stage ? null : new ResizeObserver(followHeight);
    if (stage) stageObserver?.observe(stage);
    window.addEventListener('resize', followHeight);

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

    // A "+N" marker is a button (itemContent.ts), so a click, Enter or Space on it all arrive as one click; a click
    // anywhere on the marker's box counts too (the button holds only its "+N").
    const openOmitted = (event: MouseEvent) => {
      const box = event.target instanceof Element ? event.target.closest('.vis-item.omitted-item') : null;
      const element = box?.querySelector<HTMLElement>('[data-omitted-id]') ?? null;
      const marker = element?.dataset.omittedId ? items.get(element.dataset.omittedId) : null;
      if (!element || !marker?.end) return;
      const start = new Date(marker.start);
      const end = new Date(marker.end);
      onOmittedOpenRef.current?.({ id: String(marker.id), start, end, count: marker.omittedCount ?? 0 }, element);
    };
    container.addEventListener('click', openOmitted);

    onRangeChangedRef.current({ start: window0.start, end: window0.end }, drawingWidth());

    return () => {
      timeline.off('changed', afterFirstDraw);
      heldMovesRef.current = [];
      cancelAnimationFrame(frame);
      container.removeEventListener('scroll', undoHorizontalScroll, true);
      container.removeEventListener('click', openOmitted);
      clearTimeout(debounce);
      resizeObserver?.disconnect();
      stageObserver?.disconnect();
      window.removeEventListener('resize', followHeight);
      timeline.off('changed', recordNatural);
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
    const wantedGroups = laneGroups(lanes, next);
    const wantedGroupIds = new Set(wantedGroups.map((group) => group.id));
    const staleGroups = groups.getIds().filter((id) => !wantedGroupIds.has(String(id)));
    const missingGroups = wantedGroups.filter((group) => groups.get(group.id) === null);
    if (missingGroups.length > 0) groups.add(missingGroups);
    const { add, update, remove } = diffItems(items.get({ filter: (item) => (item.type as string) !== 'background' }), next);
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

  const setBands = useCallback((next: readonly BandItem[]) => {
    wantedBandsRef.current = next;
    const items = itemsRef.current;
    if (!items) return;
    items.remove(items.getIds({ filter: (item) => (item.type as string) === 'background' }));
    items.add(next as never[]);
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
    // Restacked so the selected event takes its lane's first row, never one clipped by the lane cap.
    timeline.setOptions({ order: stackOrder(eventId) as never });
    timeline.setSelection(present ? [eventId] : []);
  }, []);

  const setBounds = useCallback((range: TimeWindow | null) => {
    boundsRef.current = range;
    if (range) timelineRef.current?.setOptions(boundsOptions(range));
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

  return {
    containerRef,
    setItems,
    setBands,
    setSelection,
    setBounds,
    zoomIn,
    zoomOut,
    scrollBy,
    focusOn,
    revealEvent,
    setWindow,
    getWindow,
  };
}

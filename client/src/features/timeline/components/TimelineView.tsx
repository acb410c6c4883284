// The timeline panel: lanes by kind or side, the visible window fetched as the user pans and zooms,
// "+N" markers for what the level of detail left out, and the temperature band in step with it.
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyResults, SkeletonBar } from '../../../components/Placeholders';
import { roundWindow, type BandGroup, type LaneMode } from '../../../lib/urlState';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { EVENTS_IN_VIEW_QUERY } from '../api/timeline.queries';
import { useTimelineWindow } from '../hooks/useTimelineWindow';
import { useLiveWindow, type LiveWindowStore } from '../hooks/useLiveWindow';
import { useVisTimeline, type OmittedMarker, type TimelineLayout } from '../hooks/useVisTimeline';
import { adjacentEvent } from '../../../lib/selection';
import { spanMs, toIsoDay, type TimeWindow } from '../utils/timeWindow';
import { eventSpan, toOmittedItems, toTimelineItems } from '../utils/toTimelineItems';
import { titleRoomPx } from '../utils/itemContent';
import { ToneLegend } from './ToneLegend';
import { BandsPicker } from '../bands/BandsPicker';
import type { OmittedSlice } from './OmittedPopover';

// The "+N" list is loaded when one is first opened: the timeline page's first JavaScript stays under its budget.
const OmittedPopover = lazy(() => import('./OmittedPopover').then((module) => ({ default: module.OmittedPopover })));
// Likewise the tenure bands, when one is first turned on.
const TenureBands = lazy(() => import('../bands/TenureBands'));
import styles from './TimelineView.module.css';
import ui from '../../../components/ui.module.css';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

export interface TimelineViewHandle {
  /** Brings a moment or span into view (used when following a link between events). */
  focusOn: (start: Date, end?: Date) => void;
  /** Brings an event into view, its lane too (a linked event, a search hit, a shared link). */
  revealEvent: (eventId: string, start: Date, end?: Date) => void;
  /** Moves to a window (a date preset, a restored URL). */
  setWindow: (start: Date, end: Date) => void;
  getWindow: () => TimeWindow | null;
}

export interface TimelineViewProps {
  /** The window to open on (from the URL, or the last two years of data). */
  initialWindow: TimeWindow | null;
  filter: EventFilter;
  lanes: LaneMode;
  onLanesChange?: (lanes: LaneMode) => void;
  /** Tenure bands drawn behind the events (none in the embed), and their picker when this can change them. */
  bands?: readonly BandGroup[];
  onBandsChange?: (bands: BandGroup[]) => void;
  selectedEventId: string | null;
  /** An event was chosen by click or key; `open` says whether its details should open. */
  onSelectEvent: (event: TimelineEvent | null, how: { open: boolean }) => void;
  /** Enter on the selected event. */
  onOpenSelected: () => void;
  /** The window settled after a pan or zoom (debounced). */
  onWindowSettled?: (window: TimeWindow) => void;
  onClearFilters?: () => void;
  filtersActive?: boolean;
  /** Said when the window is empty under active filters (where the matches are instead). */
  renderEmptyHint?: () => ReactNode;
  /** The first and last day of the data, to keep panning and zooming near it. */
  dataRange?: TimeWindow | null;
  /** Drawn under the timeline in step with every frame of a pan or zoom (the temperature band); none in the embed. */
  renderBand?: (window: TimeWindow, layout: TimelineLayout) => ReactNode;
  ref?: Ref<TimelineViewHandle>;
}

const numberFormat = new Intl.NumberFormat('en');
/** A span drawn narrower than this is a sliver with no readable title: draw it as a point instead. */
const MIN_RANGE_WIDTH_PX = 48;

export function TimelineView({
  initialWindow,
  filter,
  lanes,
  onLanesChange,
  bands = [],
  onBandsChange,
  selectedEventId,
  onSelectEvent,
  onOpenSelected,
  onWindowSettled,
  onClearFilters,
  filtersActive = false,
  renderBand,
  dataRange = null,
  renderEmptyHint,
  ref,
}: TimelineViewProps) {
  const windowData = useTimelineWindow(filter);
  const { requestWindow } = windowData;
  const [msPerPx, setMsPerPx] = useState(0);
  const [drawingWidthPx, setDrawingWidthPx] = useState(0);
  const [visibleDays, setVisibleDays] = useState<{ from: string; to: string } | null>(null);
  const live = useLiveWindow();

  const onRangeChanged = useCallback(
    (visible: TimeWindow, widthPx: number) => {
      requestWindow(visible);
      onWindowSettled?.(visible);
      if (widthPx > 0) {
        setMsPerPx(spanMs(visible) / widthPx);
        setDrawingWidthPx(widthPx);
      }
      setVisibleDays(daysOf(visible));
    },
    [requestWindow, onWindowSettled],
  );
  const onRangeChange = live.publish;
  const eventsById = useMemo(() => new Map(windowData.events.map((event) => [event.id, event])), [windowData.events]);
  const onVisSelect = useCallback(
    (eventId: string | null) => onSelectEvent(eventId ? (eventsById.get(eventId) ?? null) : null, { open: true }),
    [eventsById, onSelectEvent],
  );
  const [lanesClipped, setLanesClipped] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const [openSlice, setOpenSlice] = useState<OmittedSlice | null>(null);
  const onOmittedOpen = useCallback((marker: OmittedMarker, element: HTMLElement) => {
    const stage = stageRef.current?.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (!stage) return;
    // Beside the marker, kept inside the stage (the list is at most 24rem wide).
    const left = Math.max(0, Math.min(box.left - stage.left, stage.width - 390));
    setOpenSlice({ ...marker, left, top: box.bottom - stage.top + 4, marker: element });
  }, []);
  const closeSlice = useCallback(() => setOpenSlice(null), []);
  const vis = useVisTimeline({
    initialWindow,
    onRangeChanged,
    onSelect: onVisSelect,
    // Followed frame by frame only where something is drawn in step (the temperature band, the bands' labels).
    onRangeChange: renderBand || bands.length > 0 ? onRangeChange : undefined,
    onLanesClipped: setLanesClipped,
    onOmittedOpen,
  });
  const { setItems, setBands, setSelection, setBounds, focusOn, revealEvent, setWindow, getWindow } = vis;
  useEffect(() => setBounds(dataRange), [dataRange, setBounds]);
  const bandsEnd = useMemo(() => dataRange?.end ?? new Date(), [dataRange]);
  const inView = useQuery(EVENTS_IN_VIEW_QUERY, {
    variables: { filter: { ...filter, from: visibleDays?.from, to: visibleDays?.to } },
    skip: !visibleDays,
    context: SUPERSEDES_PREVIOUS,
  });
  const inViewCount = inView.data?.events.totalCount ?? inView.previousData?.events.totalCount;
  const drawnInView = useMemo(() => {
    if (!visibleDays) return 0;
    return windowData.events.filter((event) => {
      const end = event.endDate ?? event.startDate;
      return event.startDate <= visibleDays.to && end >= visibleDays.from;
    }).length;
  }, [windowData.events, visibleDays]);

  // Labels run as long as the zoom leaves room for (longer at month zoom), cut on a word (utils/itemContent.ts).
  const roomPx = drawingWidthPx > 0 ? titleRoomPx(drawingWidthPx, msPerPx) : undefined;
  const items = useMemo(
    () => [
      ...toTimelineItems(windowData.events, {
        pointBelowMs: msPerPx * MIN_RANGE_WIDTH_PX,
        lanes,
        firstDayInView: visibleDays?.from,
        titleRoomPx: roomPx,
      }),
      ...toOmittedItems(windowData.omitted),
    ],
    [windowData.events, windowData.omitted, msPerPx, lanes, visibleDays?.from, roomPx],
  );
  useEffect(() => setItems(items, lanes), [items, lanes, setItems]);
  useEffect(() => setSelection(selectedEventId), [selectedEventId, setSelection, items]);
  // Where the page scrolls (a phone), a newly selected event's timeline is brought into sight, not left above the fold.
  const containerRef = vis.containerRef;
  useEffect(() => {
    const container = containerRef.current;
    if (!selectedEventId || !container) return;
    const box = container.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) container.scrollIntoView({ block: 'nearest' });
  }, [selectedEventId, containerRef]);
  useImperativeHandle(ref, () => ({ focusOn, revealEvent, setWindow: (start, end) => setWindow(start, end), getWindow }), [
    focusOn,
    revealEvent,
    setWindow,
    getWindow,
  ]);

  const moveSelection = (step: 1 | -1) => {
    const visible = getWindow();
    const next = adjacentEvent(
      windowData.events,
      selectedEventId,
      step,
      visible ? toIsoDay(visible.start) : undefined,
      visible ? toIsoDay(visible.end) : undefined,
    );
    if (!next) return;
    onSelectEvent(next, { open: false });
    const span = eventSpan(next);
    if (span && visible && (span.start < visible.start || span.start > visible.end)) revealEvent(next.id, span.start, span.end);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a "+N" marker's button are its own (Enter, Space open its list).
    if (event.target !== event.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => (event.shiftKey ? vis.scrollBy(-1) : moveSelection(-1)),
      ArrowRight: () => (event.shiftKey ? vis.scrollBy(1) : moveSelection(1)),
      PageUp: () => vis.scrollBy(-1),
      PageDown: () => vis.scrollBy(1),
      Enter: onOpenSelected,
      '+': vis.zoomIn,
      '=': vis.zoomIn,
      '-': vis.zoomOut,
      '\u2212': vis.zoomOut,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  // The events a "+N" list must not name: those of its slice that are drawn.
  const drawnInSlice = useMemo(() => {
    if (!openSlice) return new Set<string>();
    const from = toIsoDay(openSlice.start);
    const to = toIsoDay(new Date(openSlice.end.getTime() - 1));
    return new Set(
      windowData.events.filter((event) => event.startDate <= to && (event.endDate ?? event.startDate) >= from).map((event) => event.id),
    );
  }, [openSlice, windowData.events]);

  // Empty is what the reader sees: the answer also holds a margin beyond the screen (useTimelineWindow), so events
  // just outside the window must not hide "No events match" and where the matches are.
  const nothingInView = !inView.loading && inView.data?.events.totalCount === 0 && drawnInView === 0;
  const empty = windowData.settled && !windowData.loading && !windowData.error && (windowData.events.length === 0 || nothingInView);

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <div className={styles.controls} role="group" aria-label="Move and zoom the timeline">
          <button type="button" onClick={() => vis.scrollBy(-1)} aria-label="Scroll back in time" title="Earlier (Shift+←)">
            <span aria-hidden="true">&#x2190;</span>
          </button>
          <button type="button" onClick={() => vis.scrollBy(1)} aria-label="Scroll forward in time" title="Later (Shift+→)">
            <span aria-hidden="true">&#x2192;</span>
          </button>
          <button type="button" onClick={vis.zoomOut} aria-label="Zoom out" title="Zoom out (−)">
            <span aria-hidden="true">&#x2212;</span>
          </button>
          <button type="button" onClick={vis.zoomIn} aria-label="Zoom in" title="Zoom in (+)">
            <span aria-hidden="true">+</span>
          </button>
        </div>
        {onLanesChange && (
          <div className={ui.segmented} role="group" aria-label="Lanes">
            <button type="button" aria-pressed={lanes === 'kind'} onClick={() => onLanesChange('kind')}>
              By kind
            </button>
            <button type="button" aria-pressed={lanes === 'side'} onClick={() => onLanesChange('side')}>
              By side
            </button>
          </div>
        )}
        {onBandsChange && <BandsPicker bands={bands} onChange={onBandsChange} />}
        <ToneLegend />
      </div>
      {bands.length > 0 && (
        <Suspense fallback={null}>
          <TenureBands bands={bands} setBands={setBands} openEnd={bandsEnd} live={live} />
        </Suspense>
      )}

      <div className={empty ? `${styles.stage} ${styles.stageEmpty}` : styles.stage} ref={stageRef}>
        <div
          className={styles.canvas}
          data-testid="timeline"
          ref={vis.containerRef}
          tabIndex={0}
          role="application"
          aria-roledescription="timeline"
          aria-label="Timeline of events. Left and right arrows move between events, Enter opens one, Shift+arrows scroll, plus and minus zoom."
          aria-busy={windowData.loading || !initialWindow}
          onKeyDown={onKeyDown}
        />
        {!windowData.settled && !windowData.error && (
          <div className={styles.skeleton} aria-hidden="true" data-testid="timeline-skeleton">
            <SkeletonBar />
            <SkeletonBar />
            <SkeletonBar />
          </div>
        )}
        {openSlice && (
          <Suspense fallback={null}>
            <OmittedPopover
              key={openSlice.id}
              slice={openSlice}
              filter={filter}
              drawnIds={drawnInSlice}
              onClose={closeSlice}
              onSelect={(event) => {
                setOpenSlice(null);
                onSelectEvent(event, { open: true });
              }}
              onZoom={(slice) => {
                setOpenSlice(null);
                const pad = (slice.end.getTime() - slice.start.getTime()) * 0.05;
                setWindow(new Date(slice.start.getTime() - pad), new Date(slice.end.getTime() + pad));
              }}
            />
          </Suspense>
        )}
        {empty && (
          <EmptyResults filtersActive={filtersActive} onClearFilters={onClearFilters} testId="timeline-empty">
            {filtersActive && renderEmptyHint?.()}
          </EmptyResults>
        )}
      </div>

      {windowData.error ? (
        <ErrorMessage what="the events for this period" error={windowData.error} onRetry={windowData.retry} />
      ) : (
        <p className={styles.status} role="status" data-testid="timeline-status">
          {!windowData.settled || inViewCount === undefined ? 'Loading events…' : inViewStatus(inViewCount, drawnInView, lanesClipped)}
        </p>
      )}

      {renderBand && <LiveBand live={live} render={renderBand} />}
    </div>
  );
}

/** The days the view covers, as the URL records them (so a reload counts the same days). */
function daysOf(visible: TimeWindow): { from: string; to: string } {
  const rounded = roundWindow(visible);
  return { from: toIsoDay(rounded.start), to: toIsoDay(new Date(rounded.end.getTime() - 1)) };
}

function inViewStatus(inView: number, drawn: number, lanesClipped: boolean): string {
  if (inView === 0) return '';
  const events = `${numberFormat.format(inView)} ${inView === 1 ? 'event' : 'events'} in view`;
  const lanes = lanesClipped ? ' Lanes marked “…” show their most important events: zoom in for the rest.' : '';
  if (drawn >= inView) return `${events}.${lanes}`;
  return `${events}; the ${numberFormat.format(drawn)} most important are drawn, and “+N” marks the rest — select one to list them.${lanes}`;
}

function LiveBand({ live, render }: { live: LiveWindowStore; render: NonNullable<TimelineViewProps['renderBand']> }) {
  const current = useSyncExternalStore(live.subscribe, live.get, live.get);
  return current ? render(current.window, current.layout) : null;
}

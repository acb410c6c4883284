// The timeline panel: lanes by kind, the visible window fetched as the user pans and zooms.
import { useCallback, useEffect, useImperativeHandle, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useQuery } from '@apollo/client/react';
import { DATA_RANGE_QUERY } from '../api/timeline.queries';
import { useTimelineWindow } from '../hooks/useTimelineWindow';
import { useVisTimeline } from '../hooks/useVisTimeline';
import { initialWindowFor, spanMs, type TimeWindow } from '../utils/timeWindow';
import { toTimelineItems } from '../utils/toTimelineItems';
import { ToneLegend } from './ToneLegend';

export interface TimelineViewHandle {
  /** Brings a moment or span into view (used when following a link between events). */
  focusOn: (start: Date, end?: Date) => void;
}

export interface TimelineViewProps {
  selectedEventId: string | null;
  onSelectEvent: (eventId: string | null) => void;
  ref?: Ref<TimelineViewHandle>;
}

const numberFormat = new Intl.NumberFormat('en');
/** A span drawn narrower than this is a sliver with no readable title: draw it as a point instead. */
const MIN_RANGE_WIDTH_PX = 48;

export function TimelineView({ selectedEventId, onSelectEvent, ref }: TimelineViewProps) {
  const dataRange = useQuery(DATA_RANGE_QUERY);
  const rangeSettled = dataRange.data !== undefined || dataRange.error !== undefined;
  const initialWindow = useMemo(
    // Without a data range (an empty or unreachable API) the page still opens on the last two years.
    () => (rangeSettled ? initialWindowFor(dataRange.data?.dataRange ?? null) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opening window is computed once
    [rangeSettled],
  );

  const windowData = useTimelineWindow();
  const { requestWindow } = windowData;
  const [msPerPx, setMsPerPx] = useState(0);
  const onRangeChanged = useCallback(
    (visible: TimeWindow, widthPx: number) => {
      requestWindow(visible);
      if (widthPx > 0) setMsPerPx(spanMs(visible) / widthPx);
    },
    [requestWindow],
  );
  const vis = useVisTimeline({ initialWindow, onRangeChanged, onSelect: onSelectEvent });
  const { setItems, setSelection, focusOn } = vis;

  const items = useMemo(
    () => toTimelineItems(windowData.events, { pointBelowMs: msPerPx * MIN_RANGE_WIDTH_PX }),
    [windowData.events, msPerPx],
  );
  useEffect(() => setItems(items), [items, setItems]);
  useEffect(() => setSelection(selectedEventId), [selectedEventId, setSelection, items]);
  useImperativeHandle(ref, () => ({ focusOn }), [focusOn]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => vis.scrollBy(-1),
      ArrowRight: () => vis.scrollBy(1),
      '+': vis.zoomIn,
      '=': vis.zoomIn,
      '-': vis.zoomOut,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const shown = windowData.events.length;
  const truncated = windowData.totalCount > shown;

  return (
    <div className="timeline-panel">
      <div className="timeline-toolbar">
        <div className="timeline-controls" role="group" aria-label="Move and zoom the timeline">
          <button type="button" onClick={() => vis.scrollBy(-1)} aria-label="Scroll back in time" title="Earlier (←)">
            <span aria-hidden="true">&#x2190;</span>
          </button>
          <button type="button" onClick={() => vis.scrollBy(1)} aria-label="Scroll forward in time" title="Later (→)">
            <span aria-hidden="true">&#x2192;</span>
          </button>
          <button type="button" onClick={vis.zoomOut} aria-label="Zoom out" title="Zoom out (−)">
            <span aria-hidden="true">&#x2212;</span>
          </button>
          <button type="button" onClick={vis.zoomIn} aria-label="Zoom in" title="Zoom in (+)">
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <ToneLegend />
      </div>

      <div
        className="timeline-canvas"
        data-testid="timeline"
        ref={vis.containerRef}
        tabIndex={0}
        role="region"
        aria-label="Timeline of events. Arrow keys scroll, plus and minus zoom."
        aria-busy={windowData.loading || !initialWindow}
        onKeyDown={onKeyDown}
      />

      <p className="timeline-status" role="status" aria-live="polite">
        {windowData.error
          ? 'Could not load events for this period. Move the timeline to try again.'
          : windowData.loading && shown === 0
            ? 'Loading events…'
            : truncated
              ? `Showing the ${numberFormat.format(shown)} most important of ${numberFormat.format(windowData.totalCount)} events around this view. Zoom in for more.`
              : !windowData.loading && initialWindow && shown === 0
                ? 'No events in this period.'
                : `${numberFormat.format(shown)} ${shown === 1 ? 'event' : 'events'} around this view.`}
      </p>
    </div>
  );
}

// Fetches the level-of-detail `timeline` window for what the user is looking at.
import { useCallback, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { TIMELINE_WINDOW_QUERY, type OmittedBucket, type TimelineEvent } from '../api/timeline.queries';
import { fetchWindowFor, needsFetch, spanMs, toIsoDay, type FetchedWindow, type TimeWindow } from '../utils/timeWindow';

/** The API's level of detail keeps the drawn set small; vis-timeline slows past a few hundred items. */
export const TIMELINE_MAX_ITEMS = 200;

export interface TimelineWindowState {
  events: readonly TimelineEvent[];
  totalCount: number;
  omitted: readonly OmittedBucket[];
  loading: boolean;
  error: Error | null;
}

const INITIAL_STATE: TimelineWindowState = { events: [], totalCount: 0, omitted: [], loading: false, error: null };

export function useTimelineWindow(): TimelineWindowState & { requestWindow: (visible: TimeWindow) => void } {
  const client = useApolloClient();
  const [state, setState] = useState<TimelineWindowState>(INITIAL_STATE);
  const lastRef = useRef<FetchedWindow | null>(null);
  const latestVisibleRef = useRef<TimeWindow | null>(null);
  const requestSeq = useRef(0);

  const requestWindow = useCallback(
    (visible: TimeWindow) => {
      latestVisibleRef.current = visible;
      if (!needsFetch(visible, lastRef.current)) return;
      const { from, to } = fetchWindowFor(visible);
      // Recorded before the answer, so the same window asked twice in a row is fetched once.
      const asked: FetchedWindow = { from, to, visibleSpanMs: spanMs(visible), complete: true };
      lastRef.current = asked;
      const seq = ++requestSeq.current;
      setState((previous) => ({ ...previous, loading: true }));

      client
        .query({
          query: TIMELINE_WINDOW_QUERY,
          variables: { from: toIsoDay(from), to: toIsoDay(to), maxItems: TIMELINE_MAX_ITEMS },
          // A window is not an entity: caching every pan would only grow the cache.
          fetchPolicy: 'no-cache',
        })
        .then(({ data }) => {
          if (seq !== requestSeq.current || !data) return;
          const { events, totalCount, omitted } = data.timeline;
          asked.complete = totalCount <= events.length;
          setState({ events, totalCount, omitted, loading: false, error: null });
          // The user may have zoomed in while this was in flight, into what turned out partial.
          const latest = latestVisibleRef.current;
          if (!asked.complete && latest && latest !== visible) requestWindow(latest);
        })
        .catch((error: unknown) => {
          if (seq !== requestSeq.current) return;
          lastRef.current = null;
          setState((previous) => ({
            ...previous,
            loading: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        });
    },
    [client],
  );

  return { ...state, requestWindow };
}

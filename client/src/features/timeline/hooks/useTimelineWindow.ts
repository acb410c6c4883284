// Fetches the level-of-detail `timeline` window for what the user is looking at, under the filters.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { fetchTimelineWindow, windowVariables } from '../api/openingWindow';
import type { OmittedBucket } from '../api/timeline.queries';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { fetchWindowFor, needsFetch, spanMs, type FetchedWindow, type TimeWindow } from '../utils/timeWindow';
import type { EventFilter } from '../../../graphql/types';

export interface TimelineWindowState {
  events: readonly TimelineEvent[];
  totalCount: number;
  omitted: readonly OmittedBucket[];
  loading: boolean;
  error: Error | null;
  /** True once an answer for the current filters has arrived. */
  settled: boolean;
}

const INITIAL_STATE: TimelineWindowState = { events: [], totalCount: 0, omitted: [], loading: false, error: null, settled: false };

export interface TimelineWindowHandle extends TimelineWindowState {
  requestWindow: (visible: TimeWindow) => void;
  retry: () => void;
}

export function useTimelineWindow(filter: EventFilter): TimelineWindowHandle {
  const client = useApolloClient();
  const [state, setState] = useState<TimelineWindowState>(INITIAL_STATE);
  const lastRef = useRef<FetchedWindow | null>(null);
  const latestVisibleRef = useRef<TimeWindow | null>(null);
  const requestSeq = useRef(0);
  const filterKey = JSON.stringify(filter);
  const filterRef = useRef(filter);
  filterRef.current = filter;

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

      fetchTimelineWindow(client, windowVariables(visible, filterRef.current))
        .then(({ data }) => {
          if (seq !== requestSeq.current || !data) return;
          const { events, totalCount, omitted } = data.timeline;
          asked.complete = totalCount <= events.length;
          setState({ events, totalCount, omitted, loading: false, error: null, settled: true });
          // The user may have zoomed in while this was in flight, into what turned out partial.
          const latest = latestVisibleRef.current;
          if (!asked.complete && latest && latest !== visible) requestWindow(latest);
        })
        .catch((error: unknown) => {
          if (seq !== requestSeq.current) return;
          lastRef.current = null;
          // What is drawn stays drawn; the status line says what failed, with a Retry. The Apollo client has
          // already tried again with backoff (RETRY_POLICY in lib/apollo.ts), so nothing retries on top here.
          setState((previous) => ({
            ...previous,
            loading: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        });
    },
    [client],
  );

  const retry = useCallback(() => {
    lastRef.current = null;
    const latest = latestVisibleRef.current;
    if (latest) requestWindow(latest);
  }, [requestWindow]);

  // New filters: everything drawn may be wrong; ask again for the current window.
  const firstFilter = useRef(true);
  useEffect(() => {
    if (firstFilter.current) {
      firstFilter.current = false;
      return;
    }
    lastRef.current = null;
    setState((previous) => ({ ...previous, settled: false }));
    const latest = latestVisibleRef.current;
    if (latest) requestWindow(latest);
  }, [filterKey, requestWindow]);

  return { ...state, requestWindow, retry };
}

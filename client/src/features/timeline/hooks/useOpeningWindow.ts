// The window the timeline opens on: the link's own; else, for a link to an event alone, a year around that event;
// else the last two years of data. Worked out once, when what it needs has arrived, and never from a race.
import { useMemo, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { OPENING_EVENT_QUERY } from '../api/timeline.queries';
import { BOUNDS_MARGIN_MS } from './useVisTimeline';
import { initialWindowFor, windowAroundEvent, type TimeWindow } from '../utils/timeWindow';
import { eventSpan } from '../utils/toTimelineItems';

export interface OpeningWindowInput {
  /** The window the URL names, if any. */
  urlWindow: TimeWindow | null;
  /** The event the URL names (id or slug), if any. */
  eventId: string | null;
  /** The first and last day of the data, once known (`null` when the range query failed). */
  range: { from: string; to: string } | null;
  rangeSettled: boolean;
  /** The data's extent as the timeline draws it (local midnights), to keep the window within its bounds. */
  dataWindow: TimeWindow | null;
}

/** `null` until the window can be worked out. */
export function useOpeningWindow({ urlWindow, eventId, range, rangeSettled, dataWindow }: OpeningWindowInput): TimeWindow | null {
  // Decided by the URL the page was opened with: later selections do not move the opening.
  const openingEventId = useRef(urlWindow === null ? eventId : null).current;
  const openingEvent = useQuery(OPENING_EVENT_QUERY, { variables: { id: openingEventId ?? '' }, skip: openingEventId === null });
  const eventSettled = openingEventId === null || openingEvent.data !== undefined || openingEvent.error !== undefined;
  const event = openingEvent.data?.event ?? null;
  return useMemo(() => {
    if (urlWindow) return urlWindow;
    // Both answers are awaited, so which comes first cannot change the window.
    if (!rangeSettled || !eventSettled) return null;
    const span = event ? eventSpan(event) : null;
    if (span) {
      const bounds = dataWindow && {
        start: new Date(dataWindow.start.getTime() - BOUNDS_MARGIN_MS),
        end: new Date(dataWindow.end.getTime() + BOUNDS_MARGIN_MS),
      };
      return windowAroundEvent(span, bounds);
    }
    return initialWindowFor(range);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opening window is computed once it can be
  }, [rangeSettled, eventSettled]);
}

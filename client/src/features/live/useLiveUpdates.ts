// Live updates: listens to `eventChanged` (over the Apollo client's WebSocket link) and brings what the page shows up
// to date, so two open pages stay in step while editors work. The socket reconnects by itself after a server restart.
import { useEffect, useRef } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { possibleTypes } from '../../lib/apollo';
import { LIVE_EVENT_CHANGES, type EventChange } from './api/live.queries';

/** Several changes in a burst (an import, a merge) cost one refetch. */
export const REFETCH_DELAY_MS = 300;

/** Drops the changed event from the cache, whatever its kind, so nothing stale is shown while refetching. */
export function forgetEvent(client: Pick<ApolloClient, 'cache'>, eventId: string): void {
  for (const __typename of possibleTypes.Event) {
    const id = client.cache.identify({ __typename, id: eventId });
    if (id) client.cache.evict({ id });
  }
  client.cache.gc();
}

export function useLiveUpdates(onChange?: (change: EventChange) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useSubscription(LIVE_EVENT_CHANGES, {
    // Nothing renders from the subscription itself: each change refetches what is on screen.
    ignoreResults: true,
    onData: ({ client, data }) => {
      const change = data.data?.eventChanged;
      if (!change) return;
      forgetEvent(client, change.eventId);
      callback.current?.(change);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void client.refetchQueries({ include: 'active' }), REFETCH_DELAY_MS);
    },
    // The socket retries by itself; the page keeps working on what it has meanwhile.
    onError: () => undefined,
  });
}

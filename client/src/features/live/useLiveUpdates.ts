// Live updates: listens to `eventChanged` over graphql-ws and brings what the page shows up to date, so two open
// pages stay in step while editors work. The socket reconnects by itself after a server restart.
import { useEffect, useRef } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { createClient } from 'graphql-ws';
import { possibleTypes } from '../../lib/apollo';

export interface EventChange {
  type: 'CREATED' | 'UPDATED' | 'DELETED' | 'RESTORED';
  eventId: string;
  version: number;
}

const SUBSCRIPTION = 'subscription LiveEventChanges { eventChanged { type eventId version } }';
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

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function useLiveUpdates(onChange?: (change: EventChange) => void): void {
  const client = useApolloClient();
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (typeof WebSocket === 'undefined') return undefined;
    const socket = createClient({ url: liveUrl(), retryAttempts: Number.POSITIVE_INFINITY, shouldRetry: () => true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = socket.subscribe<{ eventChanged: EventChange }>(
      { query: SUBSCRIPTION },
      {
        next: ({ data }) => {
          const change = data?.eventChanged;
          if (!change) return;
          forgetEvent(client, change.eventId);
          callback.current?.(change);
          clearTimeout(timer);
          timer = setTimeout(() => void client.refetchQueries({ include: 'active' }), REFETCH_DELAY_MS);
        },
        error: () => undefined, // retried by the client; the page keeps working on what it has
        complete: () => undefined,
      },
    );
    return () => {
      clearTimeout(timer);
      unsubscribe();
      void socket.dispose();
    };
  }, [client]);
}

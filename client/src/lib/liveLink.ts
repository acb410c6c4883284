// The WebSocket side of the one Apollo client, in its own chunk: graphql-ws is about 3 kB gzipped that the first view
// does not need, so it loads with the first subscription (the live-updates hook, right after the page renders).
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

/** Reconnects (and resubscribes) for as long as the page is open: a live view that silently stopped would be worse than one that waits. */
export function createLiveLink(url: string): GraphQLWsLink {
  return new GraphQLWsLink(createClient({ url, retryAttempts: Number.POSITIVE_INFINITY, shouldRetry: () => true }));
}

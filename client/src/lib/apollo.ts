// The page's one Apollo Client: queries and mutations over HTTP to same-origin /graphql (Vite proxies it in
// development), subscriptions over a WebSocket on the same path.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { readApiKey } from './apiKey';

/** Concrete types of the `Event` interface, so fragments on Event match in the cache. */
export const possibleTypes = {
  Event: ['Statement', 'Meeting', 'Sanction', 'MissionAction', 'Agreement'],
};

/**
 * The page's one retry policy for reads: a server restarting or a dropped connection should cost a short wait, not
 * an error on screen. Network failures and 5xx answers are tried again with backoff, up to about 15 s in all; a
 * 4xx (bad input, rate limited) would only fail again, and GraphQL errors in a 200 answer never reach this link.
 * After the last attempt the error is shown with a Retry button (components/ErrorMessage.tsx); nothing retries on top.
 */
export const RETRY_POLICY = { attempts: 6, initialDelayMs: 500, maxDelayMs: 8_000 } as const;

export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes });
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/** While an editor is signed in (a key kept for this tab), every HTTP request carries it; readers send nothing. */
export const authorization = new SetContextLink((prevContext) => {
  const key = readApiKey();
  if (!key) return {};
  // A request that names its own key (the desk checking a pasted key before keeping it) keeps that one.
  return { headers: { authorization: `Bearer ${key}`, ...(prevContext.headers as Record<string, string> | undefined) } };
});

export function createApolloClient(uri = '/graphql'): ApolloClient {
  const retry = new RetryLink({
    delay: { initial: RETRY_POLICY.initialDelayMs, max: RETRY_POLICY.maxDelayMs, jitter: true },
    attempts: { max: RETRY_POLICY.attempts, retryIf: (error) => !!error && !(ServerError.is(error) && error.statusCode < 500) },
  });
  // HttpLink posts `content-type: application/json`, which satisfies Apollo Server's CSRF prevention.
  const http = ApolloLink.from([retry, authorization, new HttpLink({ uri })]);
  // The socket opens with the first subscription and, after a server restart, reconnects (and resubscribes) for as
  // long as the page is open: a live view that silently stopped would be worse than one that waits.
  const live =
    typeof WebSocket === 'undefined'
      ? null
      : new GraphQLWsLink(createClient({ url: liveUrl(), retryAttempts: Number.POSITIVE_INFINITY, shouldRetry: () => true }));
  return new ApolloClient({
    link: live ? ApolloLink.split(({ query }) => isSubscriptionOperation(query), live, http) : http,
    cache: createApolloCache(),
  });
}

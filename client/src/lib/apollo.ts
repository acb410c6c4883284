// The page's one Apollo Client: queries and mutations over HTTP to same-origin /graphql (Vite proxies it in
// development), subscriptions over a WebSocket on the same path.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { EMPTY, Observable, type Subscription } from 'rxjs';
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

/**
 * Context for queries that follow the view (the window, the search, the filters): a newer request of the same
 * operation supersedes this one. Pass as `context: SUPERSEDES_PREVIOUS` to useQuery or client.query.
 */
export const SUPERSEDES_PREVIOUS = { supersedesPrevious: true } as const;

/** What a superseded client.query rejects with (its answer would be for a view the reader has left). */
export class SupersededError extends Error {
  constructor(operationName: string) {
    super(`${operationName} was superseded by a newer request`);
    this.name = 'SupersededError';
  }
}

/**
 * Keeps at most one request in flight per operation marked SUPERSEDES_PREVIOUS: a new one aborts the previous
 * fetch before its own starts. Apollo's useQuery lets go of the old request only after the new one has started, and
 * client.query never does, so a run of wheel turns or a typed search left several open at once on a slow line.
 * Sits before the retry link, so a superseded request is not retried either.
 */
export function supersedingLink(): ApolloLink {
  const inFlight = new Map<string, () => void>();
  return new ApolloLink((operation, forward) => {
    if (!operation.getContext().supersedesPrevious) return forward(operation);
    const kind = operation.operationName ?? '';
    return new Observable<ApolloLink.Result>((observer) => {
      // The previous request of this kind is aborted before this one starts.
      inFlight.get(kind)?.();
      const release = () => {
        if (inFlight.get(kind) === supersede) inFlight.delete(kind);
      };
      const subscription: Subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        error: (error: unknown) => {
          release();
          observer.error(error);
        },
        complete: () => {
          release();
          observer.complete();
        },
      });
      function supersede() {
        inFlight.delete(kind);
        subscription.unsubscribe();
        // useQuery lets go of the old request in the same tick; a client.query promise is told, so it settles.
        queueMicrotask(() => {
          if (!observer.closed) observer.error(new SupersededError(kind));
        });
      }
      if (!subscription.closed) inFlight.set(kind, supersede);
      return () => {
        release();
        subscription.unsubscribe();
      };
    });
  });
}

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

/** A terminating link that loads the WebSocket link on the first subscription and hands every subscription to it. */
function lazyLiveLink(url: string): ApolloLink {
  let loading: Promise<ApolloLink> | undefined;
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        let subscription: Subscription | undefined;
        let closed = false;
        loading ??= import('./liveLink').then(({ createLiveLink }) => createLiveLink(url));
        loading.then(
          (link) => {
            if (!closed) subscription = link.request(operation, () => EMPTY).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  const retry = new RetryLink({
    delay: { initial: RETRY_POLICY.initialDelayMs, max: RETRY_POLICY.maxDelayMs, jitter: true },
    attempts: { max: RETRY_POLICY.attempts, retryIf: (error) => !!error && !(ServerError.is(error) && error.statusCode < 500) },
  });
  // HttpLink posts `content-type: application/json`, which satisfies Apollo Server's CSRF prevention.
  const http = ApolloLink.from([supersedingLink(), retry, authorization, new HttpLink({ uri })]);
  // The socket opens with the first subscription (its code loads then too: lib/liveLink.ts).
  const live = typeof WebSocket === 'undefined' ? null : lazyLiveLink(liveUrl());
  return new ApolloClient({
    link: live ? ApolloLink.split(({ query }) => isSubscriptionOperation(query), live, http) : http,
    cache: createApolloCache(),
  });
}

// The page's one Apollo Client: same-origin /graphql (Vite proxies it in development).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';

/** Concrete types of the `Event` interface, so fragments on Event match in the cache. */
export const possibleTypes = {
  Event: ['Statement', 'Meeting', 'Sanction', 'MissionAction', 'Agreement'],
};

export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes });
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  // A server restarting or a dropped connection should cost a short wait, not an error on screen:
  // network failures and 5xx answers are retried a few times with backoff; a 4xx (bad input, rate
  // limited) would only fail again, and GraphQL errors in a 200 answer never reach this link.
  const retry = new RetryLink({
    delay: { initial: 400, max: 3_000, jitter: true },
    attempts: { max: 4, retryIf: (error) => !!error && !(ServerError.is(error) && error.statusCode < 500) },
  });
  return new ApolloClient({
    // HttpLink posts `content-type: application/json`, which satisfies Apollo Server's CSRF prevention.
    link: ApolloLink.from([retry, new HttpLink({ uri })]),
    cache: createApolloCache(),
  });
}

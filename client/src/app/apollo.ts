// The page's one Apollo Client: same-origin /graphql (Vite proxies it in development).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
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
  // network failures are retried a few times with backoff; GraphQL errors (bad input) are not.
  const retry = new RetryLink({
    delay: { initial: 400, max: 3_000, jitter: true },
    attempts: { max: 4, retryIf: (error) => !!error && !('errors' in (error as object)) },
  });
  return new ApolloClient({
    // HttpLink posts `content-type: application/json`, which satisfies Apollo Server's CSRF prevention.
    link: ApolloLink.from([retry, new HttpLink({ uri })]),
    cache: createApolloCache(),
  });
}

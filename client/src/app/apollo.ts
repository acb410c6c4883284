// The page's one Apollo Client: same-origin /graphql (Vite proxies it in development).
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Concrete types of the `Event` interface, so fragments on Event match in the cache. */
export const possibleTypes = {
  Event: ['Statement', 'Meeting', 'Sanction', 'MissionAction', 'Agreement'],
};

export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes });
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    // HttpLink posts `content-type: application/json`, which satisfies Apollo Server's CSRF prevention.
    link: new HttpLink({ uri }),
    cache: createApolloCache(),
  });
}

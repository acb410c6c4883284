import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { liveUrl, possibleTypes } from '../../lib/apollo';
import { forgetEvent } from './useLiveUpdates';

describe('live updates', () => {
  it('Given a page served over https, Then the socket is wss on the same host', () => {
    expect(liveUrl({ protocol: 'https:', host: 'detente.example' })).toBe('wss://detente.example/graphql');
    expect(liveUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
  });

  it('Given a cached event of any kind, When it changes, Then it is dropped from the cache', () => {
    const client = new ApolloClient({ cache: new InMemoryCache({ possibleTypes }), link: undefined as never });
    const query = gql`
      query {
        event(id: "x") {
          id
          title
        }
      }
    `;
    client.cache.writeQuery({ query, data: { event: { __typename: 'Meeting', id: 'e-1', title: 'Before' } } });
    const cached = () => client.cache.extract() as Record<string, unknown>;
    expect(cached()['Meeting:e-1']).toBeDefined();
    forgetEvent(client, 'e-1');
    expect(cached()['Meeting:e-1']).toBeUndefined();
  });
});

// The superseding link: at most one request in flight per operation that follows the view.
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { SupersededError, SUPERSEDES_PREVIOUS, supersedingLink } from './apollo';

const WINDOW = gql`
  query Window($from: String!) {
    window(from: $from)
  }
`;

/** A server that answers only when told, and writes down when each request starts and is let go. */
function slowServer() {
  const log: string[] = [];
  const answers = new Map<string, () => void>();
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const from = String(operation.variables.from);
        log.push(`start ${from}`);
        answers.set(from, () => {
          observer.next({ data: { window: from } });
          observer.complete();
        });
        return () => log.push(`end ${from}`);
      }),
  );
  return { log, answers, link };
}

describe('supersedingLink', () => {
  it('Given a request in flight, When a newer one of the same operation starts, Then the older is let go first and its promise rejects', async () => {
    const server = slowServer();
    const client = new ApolloClient({ link: ApolloLink.from([supersedingLink(), server.link]), cache: new InMemoryCache() });
    const ask = (from: string) =>
      client.query({ query: WINDOW, variables: { from }, fetchPolicy: 'no-cache', context: SUPERSEDES_PREVIOUS });
    const first = ask('2021');
    await Promise.resolve();
    const second = ask('2022');
    await Promise.resolve();
    expect(server.log.slice(0, 3)).toEqual(['start 2021', 'end 2021', 'start 2022']);
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    server.answers.get('2022')!();
    expect((await second).data).toEqual({ window: '2022' });
  });

  it('Given requests not marked to supersede, Then they run side by side', async () => {
    const server = slowServer();
    const client = new ApolloClient({ link: ApolloLink.from([supersedingLink(), server.link]), cache: new InMemoryCache() });
    const ask = (from: string) => client.query({ query: WINDOW, variables: { from }, fetchPolicy: 'no-cache' });
    const both = [ask('2021'), ask('2022')];
    await Promise.resolve();
    expect(server.log).toEqual(['start 2021', 'start 2022']);
    server.answers.get('2021')!();
    server.answers.get('2022')!();
    expect((await Promise.all(both)).map((result) => result.data)).toEqual([{ window: '2021' }, { window: '2022' }]);
  });
});

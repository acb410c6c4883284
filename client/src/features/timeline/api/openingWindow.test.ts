// The opening requests: the data range and the first window's events leave together, not one after the other.
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { initialWindowFor } from '../utils/timeWindow';
import { fetchTimelineWindow, startOpeningWindowFetch, windowVariables } from './openingWindow';

function recordingClient() {
  const asked: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  // Answers nothing: what counts is what was asked before any answer came back.
  const link = new ApolloLink((operation) => {
    asked.push({ operationName: operation.operationName ?? '', variables: operation.variables });
    return new Observable(() => undefined);
  });
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), asked };
}

describe('startOpeningWindowFetch', () => {
  beforeEach(() => localStorage.clear());

  it('given no window in the URL, asks for the data range and the opening events at once', async () => {
    const range = { from: '2014-01-13', to: '2024-12-27' };
    localStorage.setItem('detente:dataRange', JSON.stringify(range));
    const { client, asked } = recordingClient();
    startOpeningWindowFetch(client, { search: '?kind=SANCTION' });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked.map((a) => a.operationName).sort()).toEqual(['DataRange', 'TimelineWindow']);
    const expected = windowVariables(initialWindowFor(range), { kinds: ['SANCTION'] });
    expect(asked.find((a) => a.operationName === 'TimelineWindow')?.variables).toEqual(expected);
    // The timeline's own first ask for that window is answered by the request already in flight.
    fetchTimelineWindow(client, expected).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked.filter((a) => a.operationName === 'TimelineWindow')).toHaveLength(1);
  });

  it('given a window in the URL, asks for that window with the range, whatever was remembered', async () => {
    localStorage.setItem('detente:dataRange', JSON.stringify({ from: '2014-01-13', to: '2024-12-27' }));
    const { client, asked } = recordingClient();
    startOpeningWindowFetch(client, { search: '?from=2021-01-01&to=2021-12-31' });
    await new Promise((r) => setTimeout(r, 0));
    const timeline = asked.find((a) => a.operationName === 'TimelineWindow');
    expect(timeline?.variables).toEqual(windowVariables({ start: new Date(2021, 0, 1), end: new Date(2021, 11, 31) }, {}));
    expect(asked.some((a) => a.operationName === 'DataRange')).toBe(true);
  });

  it('given the list view, asks only for the range (the list asks for its own events)', async () => {
    const { client, asked } = recordingClient();
    startOpeningWindowFetch(client, { search: '?view=list' });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked.map((a) => a.operationName)).toEqual(['DataRange']);
  });
});

// The timeline window's request, and a head start for the first one: as the script starts, in parallel with React's
// first render and vis-timeline's creation, the page asks for the data range and for the opening window's events at
// once. A shared link or a reload names its window in the URL; otherwise the opening window is the last two years of
// data, worked out from the data range this browser saw last time (remembered), so the events need not wait for the
// range to come back. The timeline takes the answer when it asks the same question; a wrong guess costs one request.
import type { ApolloClient } from '@apollo/client';
import { decodeViewState, filtersOf, toEventFilter } from '../../../lib/urlState';
import { fetchWindowFor, initialWindowFor, toIsoDay, type TimeWindow } from '../utils/timeWindow';
import { DATA_RANGE_QUERY, TIMELINE_WINDOW_QUERY, type TimelineWindowVariables } from './timeline.queries';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

/** The API's level of detail keeps the drawn set small; vis-timeline slows past a few hundred items. */
export const TIMELINE_MAX_ITEMS = 200;

type WindowAnswer = ReturnType<typeof queryWindow>;

let headStart: { key: string; answer: WindowAnswer } | null = null;

export function windowVariables(visible: TimeWindow, filter: EventFilter): TimelineWindowVariables {
  const { from, to } = fetchWindowFor(visible);
  return { from: toIsoDay(from), to: toIsoDay(to), maxItems: TIMELINE_MAX_ITEMS, filter };
}

function queryWindow(client: ApolloClient, variables: TimelineWindowVariables) {
  // A window is not an entity: caching every pan would only grow the cache.
  return client.query({ query: TIMELINE_WINDOW_QUERY, variables, fetchPolicy: 'no-cache', context: SUPERSEDES_PREVIOUS });
}

/** Asks for a window's events; the first ask may be answered by the head start, if it asked the same. */
export function fetchTimelineWindow(client: ApolloClient, variables: TimelineWindowVariables): WindowAnswer {
  const started = headStart;
  headStart = null;
  if (started && started.key === JSON.stringify(variables)) return started.answer;
  return queryWindow(client, variables);
}

const REMEMBERED_RANGE_KEY = 'detente:dataRange';

interface DayRange {
  from: string;
  to: string;
}

function rememberedRange(): DayRange | null {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED_RANGE_KEY) ?? 'null') as Partial<DayRange> | null;
    const day = /^\d{4}-\d{2}-\d{2}$/;
    return value && typeof value.from === 'string' && typeof value.to === 'string' && day.test(value.from) && day.test(value.to)
      ? { from: value.from, to: value.to }
      : null;
  } catch {
    // No storage (private mode, blocked): guess from today.
    return null;
  }
}

function rememberRange(range: DayRange): void {
  try {
    localStorage.setItem(REMEMBERED_RANGE_KEY, JSON.stringify({ from: range.from, to: range.to }));
  } catch {
    // Not remembered: the next visit guesses from today.
  }
}

/** Starts the data range and the opening window's events together (nothing for the list view's events). */
export function startOpeningWindowFetch(client: ApolloClient, location: Pick<Location, 'search'>): void {
  const state = decodeViewState(location.search);
  // The window's events go first: they are what the reader waits for, and the guess needs no answer to the range.
  if (state.view === 'timeline') {
    const opening = state.window ?? initialWindowFor(rememberedRange());
    const variables = windowVariables(opening, toEventFilter(filtersOf(state)));
    const answer = queryWindow(client, variables);
    // Whoever takes it handles a failure (and retries); untaken, it must not be an unhandled rejection.
    answer.catch(() => undefined);
    headStart = { key: JSON.stringify(variables), answer };
  }
  // Cached on arrival, so the page's own query for it is answered by this request, not a second one.
  const range = client.query({ query: DATA_RANGE_QUERY });
  range.then(({ data }) => data?.dataRange && rememberRange(data.dataRange)).catch(() => undefined);
}

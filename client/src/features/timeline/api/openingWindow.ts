// The timeline window's request, and a head start for the first one: a shared link or a reload names its window
// in the URL, so the page asks for those events as its script starts, in parallel with React's first render and
// vis-timeline's creation, instead of after them. The timeline takes the answer when it asks the same question.
import type { ApolloClient } from '@apollo/client';
import { decodeViewState, filtersOf, toEventFilter } from '../../../lib/urlState';
import { fetchWindowFor, toIsoDay, type TimeWindow } from '../utils/timeWindow';
import { TIMELINE_WINDOW_QUERY, type TimelineWindowVariables } from './timeline.queries';
import type { EventFilter } from '../../../graphql/types';

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
  return client.query({ query: TIMELINE_WINDOW_QUERY, variables, fetchPolicy: 'no-cache' });
}

/** Asks for a window's events; the first ask may be answered by the head start, if it asked the same. */
export function fetchTimelineWindow(client: ApolloClient, variables: TimelineWindowVariables): WindowAnswer {
  const started = headStart;
  headStart = null;
  if (started && started.key === JSON.stringify(variables)) return started.answer;
  return queryWindow(client, variables);
}

/** Starts the request for the window a timeline page's URL names (nothing for the list view or no window). */
export function startOpeningWindowFetch(client: ApolloClient, location: Pick<Location, 'search'>): void {
  const state = decodeViewState(location.search);
  if (state.view !== 'timeline' || !state.window) return;
  const variables = windowVariables(state.window, toEventFilter(filtersOf(state)));
  const answer = queryWindow(client, variables);
  // Whoever takes it handles a failure (and retries); untaken, it must not be an unhandled rejection.
  answer.catch(() => undefined);
  headStart = { key: JSON.stringify(variables), answer };
}

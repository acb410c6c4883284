// The queries behind the timeline: the extent of the data, and the level-of-detail window.
import { gql, type ApolloClient, type TypedDocumentNode } from '@apollo/client';
import type {
  DataRangeQuery,
  DataRangeQueryVariables,
  EventsInViewQuery,
  EventsInViewQueryVariables,
  EventFilter,
  FilteredOnDayQuery,
  FilteredOnDayQueryVariables,
  HiddenInSliceQuery,
  HiddenInSliceQueryVariables,
  OpeningEventQuery,
  OpeningEventQueryVariables,
  TimelineWindowQuery,
  TimelineWindowQueryVariables,
} from '../../../graphql/types';
import { TIMELINE_EVENT_FIELDS } from '../../../graphql/timelineEvent.queries';

export type OmittedBucket = TimelineWindowQuery['timeline']['omitted'][number];
export type TimelineWindowVariables = TimelineWindowQueryVariables;

export const DATA_RANGE_QUERY: TypedDocumentNode<DataRangeQuery, DataRangeQueryVariables> = gql`
  query DataRange {
    dataRange {
      from
      to
      latestEventDate
    }
  }
`;

/** The dates of the event a link opens on (by id or slug), to open the timeline around it. */
export const OPENING_EVENT_QUERY: TypedDocumentNode<OpeningEventQuery, OpeningEventQueryVariables> = gql`
  query OpeningEvent($id: ID!) {
    event(id: $id) {
      id
      startDate
      endDate
      datePrecision
    }
  }
`;

export const TIMELINE_WINDOW_QUERY: TypedDocumentNode<TimelineWindowQuery, TimelineWindowQueryVariables> = gql`
  query TimelineWindow($from: Date!, $to: Date!, $maxItems: Int = 200, $filter: EventFilter) {
    timeline(from: $from, to: $to, maxItems: $maxItems, filter: $filter) {
      from
      to
      totalCount
      events {
        ...TimelineEventFields
      }
      omitted {
        from
        to
        count
      }
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`;

/** How many events the filters leave in exactly the visible days (the status line's one number). */
export const EVENTS_IN_VIEW_QUERY: TypedDocumentNode<EventsInViewQuery, EventsInViewQueryVariables> = gql`
  query EventsInView($filter: EventFilter!) {
    events(filter: $filter, first: 1) {
      totalCount
    }
  }
`;

/** The most important events of a "+N" marker's slice; the list leaves out those already drawn. */
export const HIDDEN_IN_SLICE_QUERY: TypedDocumentNode<HiddenInSliceQuery, HiddenInSliceQueryVariables> = gql`
  query HiddenInSlice($filter: EventFilter!, $first: Int!) {
    events(filter: $filter, first: $first, orderBy: IMPORTANCE_DESC) {
      nodes {
        ...TimelineEventFields
      }
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`;

/** The events on one day that the filters leave: whether a given event is among them says if the filters hide it. */
export const FILTERED_ON_DAY_QUERY: TypedDocumentNode<FilteredOnDayQuery, FilteredOnDayQueryVariables> = gql`
  query FilteredOnDay($filter: EventFilter!) {
    events(filter: $filter, first: 100) {
      nodes {
        id
      }
    }
  }
`;

/** True when the filters leave this event out (a linked event followed from the detail panel, say). */
export async function hiddenByFilter(
  client: ApolloClient,
  filter: EventFilter,
  event: { id: string; startDate: string },
): Promise<boolean> {
  const { data } = await client.query({
    query: FILTERED_ON_DAY_QUERY,
    variables: { filter: { ...filter, from: event.startDate, to: event.startDate } },
  });
  return !!data && !data.events.nodes.some((node) => node.id === event.id);
}

// The list view: the same filtered events as the timeline, a page at a time in date order.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { TIMELINE_EVENT_FIELDS, type TimelineEvent } from '../../timeline/api/timeline.queries';

export interface EventListData {
  events: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: TimelineEvent[];
  };
}

export interface EventListVariables {
  filter: Record<string, unknown>;
  first: number;
  after?: string | null;
}

export const EVENT_LIST_QUERY: TypedDocumentNode<EventListData, EventListVariables> = gql`
  query EventList($filter: EventFilter, $first: Int!, $after: String) {
    events(filter: $filter, first: $first, after: $after, orderBy: DATE_ASC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...TimelineEventFields
      }
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`;

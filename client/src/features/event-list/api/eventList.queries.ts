// The list view: the same filtered events as the timeline, a page at a time in date order.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EventListQuery, EventListQueryVariables } from '../../../graphql/types';
import { TIMELINE_EVENT_FIELDS } from '../../../graphql/timelineEvent.queries';

export const EVENT_LIST_QUERY: TypedDocumentNode<EventListQuery, EventListQueryVariables> = gql`
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

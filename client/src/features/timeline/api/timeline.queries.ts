// The queries behind the timeline: the extent of the data, and the level-of-detail window.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  DataRangeQuery,
  DataRangeQueryVariables,
  TimelineEventFieldsFragment,
  TimelineWindowQuery,
  TimelineWindowQueryVariables,
} from '../../../graphql/types';

/** What the timeline needs to draw one event; the detail panel asks for the rest. */
export type TimelineEvent = TimelineEventFieldsFragment;
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

export const TIMELINE_EVENT_FIELDS = gql`
  fragment TimelineEventFields on Event {
    id
    kind
    title
    startDate
    endDate
    datePrecision
    tone
    importance
    direction
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

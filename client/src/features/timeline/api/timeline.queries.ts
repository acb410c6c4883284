// The queries behind the timeline: the extent of the data, and the level-of-detail window.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DataRangeQuery, DataRangeQueryVariables, TimelineWindowQuery, TimelineWindowQueryVariables } from '../../../graphql/types';
import { TIMELINE_EVENT_FIELDS } from '../../../graphql/timelineEvent.queries';

export type OmittedBucket = TimelineWindowQuery['timeline']['omitted'][number];
export type TimelineWindowVariables = TimelineWindowQueryVariables;

export const DATA_RANGE_QUERY: TypedDocumentNode<DataRangeQuery, DataRangeQueryVariables> = gql`
  query DataRange {
    dataRange {
      from
      to
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

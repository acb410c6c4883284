// The queries behind the timeline: the extent of the data, and the level-of-detail window.
// Result types are written by hand until codegen from server/schema.graphql is wired up.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DatePrecision, EventKind } from '@detente/shared/enums';

export interface DataRangeData {
  dataRange: { from: string; to: string };
}

export const DATA_RANGE_QUERY: TypedDocumentNode<DataRangeData, Record<string, never>> = gql`
  query DataRange {
    dataRange {
      from
      to
    }
  }
`;

/** What the timeline needs to draw one event; the detail panel asks for the rest. */
export interface TimelineEvent {
  __typename?: string;
  id: string;
  kind: EventKind | `${EventKind}`;
  title: string;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision | `${DatePrecision}`;
  tone: number | null;
  importance: number;
  direction?: string | null;
}

export interface OmittedBucket {
  from: string;
  to: string;
  count: number;
}

export interface TimelineWindowData {
  timeline: {
    from: string;
    to: string;
    totalCount: number;
    events: TimelineEvent[];
    omitted: OmittedBucket[];
  };
}

export interface TimelineWindowVariables {
  from: string;
  to: string;
  maxItems?: number;
  filter?: Record<string, unknown>;
}

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

export const TIMELINE_WINDOW_QUERY: TypedDocumentNode<TimelineWindowData, TimelineWindowVariables> = gql`
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

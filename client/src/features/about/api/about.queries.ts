// The counts the About page reads from the record (never written into the page by hand).
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RecordSummaryQuery, RecordSummaryQueryVariables } from '../../../graphql/types';

export type RecordSummaryData = RecordSummaryQuery['recordSummary'];

export const RECORD_SUMMARY_QUERY: TypedDocumentNode<RecordSummaryQuery, RecordSummaryQueryVariables> = gql`
  query RecordSummary {
    recordSummary {
      events
      sources
      citations
      actors
      singleSourceEvents
      firstEventDate
      latestEventDate
      lastChangedAt
      byKindAndYear {
        year
        kind
        count
      }
    }
  }
`;

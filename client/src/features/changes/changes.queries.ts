// The public "Recent changes" page: the latest revisions across the record, newest first, a page at a time.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_END_FIELDS } from '../../graphql/paging.queries';
import { RECORD_CHANGE_FIELDS } from '../../graphql/revision.queries';
import type { RecentChangesQuery, RecentChangesQueryVariables } from '../../graphql/types';

export type RecentChange = RecentChangesQuery['recentChanges']['edges'][number]['node'];

export const RECENT_CHANGES_QUERY: TypedDocumentNode<RecentChangesQuery, RecentChangesQueryVariables> = gql`
  query RecentChanges($first: Int!, $after: String) {
    recentChanges(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...RecordChangeFields
          changes {
            field
          }
        }
      }
      pageInfo {
        ...PageEndFields
      }
    }
  }
  ${RECORD_CHANGE_FIELDS}
  ${PAGE_END_FIELDS}
`;

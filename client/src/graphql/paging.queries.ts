// Where a cursor-paged list stops: what a "Show more" button asks for next and whether to show it.
import { gql } from '@apollo/client';

export const PAGE_END_FIELDS = gql`
  fragment PageEndFields on PageInfo {
    endCursor
    hasNextPage
  }
`;

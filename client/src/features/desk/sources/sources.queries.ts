// The sources screen's documents: search by title, publisher or URL, and correct a source.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  DeskSourcesQuery,
  DeskSourcesQueryVariables,
  UpdateSourceMutation,
  UpdateSourceMutationVariables,
} from '../../../graphql/types';

export type DeskSource = DeskSourcesQuery['sources']['nodes'][number];

const DESK_SOURCE_FIELDS = gql`
  fragment DeskSourceFields on Source {
    id
    url
    title
    publisher
    publishedAt
    language
    events {
      id
    }
  }
`;

export const DESK_SOURCES_QUERY: TypedDocumentNode<DeskSourcesQuery, DeskSourcesQueryVariables> = gql`
  query DeskSources($search: String, $first: Int!) {
    sources(search: $search, first: $first) {
      totalCount
      nodes {
        ...DeskSourceFields
      }
    }
  }
  ${DESK_SOURCE_FIELDS}
`;

export const UPDATE_SOURCE: TypedDocumentNode<UpdateSourceMutation, UpdateSourceMutationVariables> = gql`
  mutation UpdateSource($id: ID!, $input: SourceInput!) {
    updateSource(id: $id, input: $input) {
      ...DeskSourceFields
    }
  }
  ${DESK_SOURCE_FIELDS}
`;

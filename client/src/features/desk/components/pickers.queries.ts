// Searches behind the desk's pickers: actors by any name or alias (Cyrillic too), stored sources, events, and tags.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type * as T from '../../../graphql/types';

export type ActorChoice = T.DeskActorSearchQuery['actors']['nodes'][number];
export type SourceChoice = T.DeskSourceSearchQuery['sources']['nodes'][number];
export type EventChoice = T.DeskEventSearchQuery['events']['nodes'][number];

export const ACTOR_SEARCH: TypedDocumentNode<T.DeskActorSearchQuery, T.DeskActorSearchQueryVariables> = gql`
  query DeskActorSearch($search: String!) {
    actors(search: $search, first: 8) {
      nodes {
        id
        slug
        name
        country
        title
        aliases
      }
    }
  }
`;

export const CREATE_ACTOR: TypedDocumentNode<T.DeskCreateActorMutation, T.DeskCreateActorMutationVariables> = gql`
  mutation DeskCreateActor($input: ActorInput!) {
    createActor(input: $input) {
      id
      slug
      name
      country
      title
      aliases
    }
  }
`;

export const SOURCE_SEARCH: TypedDocumentNode<T.DeskSourceSearchQuery, T.DeskSourceSearchQueryVariables> = gql`
  query DeskSourceSearch($search: String!) {
    sources(search: $search, first: 8) {
      nodes {
        id
        url
        title
        publisher
        publishedAt
        language
      }
    }
  }
`;

export const EVENT_SEARCH: TypedDocumentNode<T.DeskEventSearchQuery, T.DeskEventSearchQueryVariables> = gql`
  query DeskEventSearch($search: String!) {
    events(filter: { search: $search }, first: 8) {
      nodes {
        id
        kind
        title
        startDate
      }
    }
  }
`;

export const TAG_LIST: TypedDocumentNode<T.DeskTagsQuery, T.DeskTagsQueryVariables> = gql`
  query DeskTags {
    tags {
      tag
      count
    }
  }
`;

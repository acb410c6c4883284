// Searches behind the desk's pickers: actors by any name or alias (Cyrillic too), stored sources, events, and tags.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { SOURCE_FIELDS } from '../../../graphql/eventRecord.queries';
import type * as T from '../../../graphql/types';

/** An actor as the picker lists it and as creating one returns it. */
const ACTOR_FIELDS = gql`
  fragment DeskPickedActorFields on Actor {
    id
    slug
    name
    country
    title
    aliases
  }
`;

export type ActorChoice = T.DeskActorSearchQuery['actors']['nodes'][number];
export type SourceChoice = T.DeskSourceSearchQuery['sources']['nodes'][number];
export type EventChoice = T.DeskEventSearchQuery['events']['nodes'][number];

export const ACTOR_SEARCH: TypedDocumentNode<T.DeskActorSearchQuery, T.DeskActorSearchQueryVariables> = gql`
  query DeskActorSearch($search: String!) {
    actors(search: $search, first: 8) {
      nodes {
        ...DeskPickedActorFields
      }
    }
  }
  ${ACTOR_FIELDS}
`;

export const CREATE_ACTOR: TypedDocumentNode<T.DeskCreateActorMutation, T.DeskCreateActorMutationVariables> = gql`
  mutation DeskCreateActor($input: ActorInput!) {
    createActor(input: $input) {
      ...DeskPickedActorFields
    }
  }
  ${ACTOR_FIELDS}
`;

export const SOURCE_SEARCH: TypedDocumentNode<T.DeskSourceSearchQuery, T.DeskSourceSearchQueryVariables> = gql`
  query DeskSourceSearch($search: String!) {
    sources(search: $search, first: 8) {
      nodes {
        ...SourceFields
      }
    }
  }
  ${SOURCE_FIELDS}
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

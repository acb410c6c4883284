// The actors screen's documents: search by any name, alias or title (Cyrillic too), correct an actor, merge two.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ActorMergePreviewQuery,
  ActorMergePreviewQueryVariables,
  DeskActorsQuery,
  DeskActorsQueryVariables,
  MergeActorsMutation,
  MergeActorsMutationVariables,
  UpdateActorMutation,
  UpdateActorMutationVariables,
} from '../../../graphql/types';

export type DeskActor = DeskActorsQuery['actors']['nodes'][number];

const DESK_ACTOR_FIELDS = gql`
  fragment DeskActorFields on Actor {
    id
    slug
    name
    kind
    title
    country
    wikidataId
    aliases
    stats {
      total
    }
  }
`;

export const DESK_ACTORS_QUERY: TypedDocumentNode<DeskActorsQuery, DeskActorsQueryVariables> = gql`
  query DeskActors($search: String, $first: Int!) {
    actors(search: $search, first: $first) {
      totalCount
      nodes {
        ...DeskActorFields
      }
    }
  }
  ${DESK_ACTOR_FIELDS}
`;

export const UPDATE_ACTOR: TypedDocumentNode<UpdateActorMutation, UpdateActorMutationVariables> = gql`
  mutation UpdateActor($id: ID!, $input: ActorInput!) {
    updateActor(id: $id, input: $input) {
      ...DeskActorFields
    }
  }
  ${DESK_ACTOR_FIELDS}
`;

export const MERGE_ACTORS: TypedDocumentNode<MergeActorsMutation, MergeActorsMutationVariables> = gql`
  mutation MergeActors($fromId: ID!, $intoId: ID!) {
    mergeActors(fromId: $fromId, intoId: $intoId) {
      ...DeskActorFields
    }
  }
  ${DESK_ACTOR_FIELDS}
`;

/** What a merge moves: the duplicate's events (the first few, and how many in all). */
export const ACTOR_MERGE_PREVIEW_QUERY: TypedDocumentNode<ActorMergePreviewQuery, ActorMergePreviewQueryVariables> = gql`
  query ActorMergePreview($id: ID!) {
    actor(id: $id) {
      id
      events(first: 5, orderBy: DATE_DESC) {
        totalCount
        nodes {
          id
          title
          startDate
        }
      }
    }
  }
`;

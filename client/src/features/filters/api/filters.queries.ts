// What the filter panel asks: counts per kind under the other filters, tags, actors, search hits.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EventKind } from '@detente/shared/enums';
import { TIMELINE_EVENT_FIELDS, type TimelineEvent } from '../../timeline/api/timeline.queries';

type Filter = Record<string, unknown>;

export interface KindCountsData {
  eventCounts: Array<{ start: string; count: number; byKind: Array<{ kind: EventKind | `${EventKind}`; count: number }> }>;
}

/** Counts per kind over the whole data range, one bucket a year (the kinds filter itself left out). */
export const KIND_COUNTS_QUERY: TypedDocumentNode<KindCountsData, { from: string; to: string; filter: Filter }> = gql`
  query KindCounts($from: Date!, $to: Date!, $filter: EventFilter) {
    eventCounts(from: $from, to: $to, bucket: YEAR, filter: $filter) {
      start
      count
      byKind {
        kind
        count
      }
    }
  }
`;

export interface TagsData {
  tags: Array<{ tag: string; count: number }>;
}

export const TAGS_QUERY: TypedDocumentNode<TagsData, { filter: Filter }> = gql`
  query Tags($filter: EventFilter) {
    tags(filter: $filter) {
      tag
      count
    }
  }
`;

export interface ActorOption {
  id: string;
  name: string;
  title: string | null;
  country: string | null;
}

export interface ActorSearchData {
  actors: { nodes: ActorOption[] };
}

export const ACTOR_SEARCH_QUERY: TypedDocumentNode<ActorSearchData, { search: string }> = gql`
  query ActorSearch($search: String!) {
    actors(search: $search, first: 8) {
      nodes {
        id
        name
        title
        country
      }
    }
  }
`;

export interface ActorNameData {
  actor: ActorOption | null;
}

/** The name of an actor the URL names by id, for its filter chip. */
export const ACTOR_NAME_QUERY: TypedDocumentNode<ActorNameData, { id: string }> = gql`
  query ActorName($id: ID!) {
    actor(id: $id) {
      id
      name
      title
      country
    }
  }
`;

export interface SearchHit {
  rank: number | null;
  snippet: { text: string; highlights: Array<{ start: number; length: number }> } | null;
  node: TimelineEvent;
}

export interface SearchData {
  events: { totalCount: number; edges: SearchHit[] };
}

export const SEARCH_QUERY: TypedDocumentNode<SearchData, { filter: Filter; first: number }> = gql`
  query SearchEvents($filter: EventFilter!, $first: Int!) {
    events(filter: $filter, first: $first, orderBy: RELEVANCE) {
      totalCount
      edges {
        rank
        snippet {
          text
          highlights {
            start
            length
          }
        }
        node {
          ...TimelineEventFields
        }
      }
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`;

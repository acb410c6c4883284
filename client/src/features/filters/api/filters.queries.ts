// What the filter panel asks: counts per kind under the other filters, tags, actors, search hits.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ActorNameQuery,
  ActorNameQueryVariables,
  ActorSearchQuery,
  ActorSearchQueryVariables,
  KindCountsQuery,
  KindCountsQueryVariables,
  MatchesExtentQuery,
  MatchesExtentQueryVariables,
  SearchEventsQuery,
  SearchEventsQueryVariables,
  TagsQuery,
  TagsQueryVariables,
} from '../../../graphql/types';
import { TIMELINE_EVENT_FIELDS } from '../../../graphql/timelineEvent.queries';

export type ActorOption = ActorSearchQuery['actors']['nodes'][number];
export type SearchHit = SearchEventsQuery['events']['edges'][number];

/** Counts per kind over the whole data range, one bucket a year (the kinds filter itself left out). */
export const KIND_COUNTS_QUERY: TypedDocumentNode<KindCountsQuery, KindCountsQueryVariables> = gql`
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

export const TAGS_QUERY: TypedDocumentNode<TagsQuery, TagsQueryVariables> = gql`
  query Tags($filter: EventFilter) {
    tags(filter: $filter) {
      tag
      count
    }
  }
`;

export const ACTOR_SEARCH_QUERY: TypedDocumentNode<ActorSearchQuery, ActorSearchQueryVariables> = gql`
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

/** The name of an actor the URL names by id, for its filter chip. */
export const ACTOR_NAME_QUERY: TypedDocumentNode<ActorNameQuery, ActorNameQueryVariables> = gql`
  query ActorName($id: ID!) {
    actor(id: $id) {
      id
      name
      title
      country
    }
  }
`;

export const SEARCH_QUERY: TypedDocumentNode<SearchEventsQuery, SearchEventsQueryVariables> = gql`
  query SearchEvents($filter: EventFilter!, $first: Int!, $after: String) {
    events(filter: $filter, first: $first, after: $after, orderBy: RELEVANCE) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

/** The first and the last of the events that match (by date), so the timeline can be fitted to all of them. */
export const MATCHES_EXTENT_QUERY: TypedDocumentNode<MatchesExtentQuery, MatchesExtentQueryVariables> = gql`
  query MatchesExtent($filter: EventFilter!) {
    first: events(filter: $filter, first: 1, orderBy: DATE_ASC) {
      totalCount
      nodes {
        id
        startDate
      }
    }
    last: events(filter: $filter, first: 1, orderBy: DATE_DESC) {
      nodes {
        id
        startDate
        endDate
      }
    }
  }
`;

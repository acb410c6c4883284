// Deleting an event (soft: it stays in the log) and the "Deleted" list, read from the recent changes that deleted.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_END_FIELDS } from '../../../graphql/paging.queries';
import { RECORD_CHANGE_FIELDS } from '../../../graphql/revision.queries';
import type {
  DeletedEventsQuery,
  DeletedEventsQueryVariables,
  DeleteEventMutation,
  DeleteEventMutationVariables,
  RestoreEventMutation,
  RestoreEventMutationVariables,
} from '../../../graphql/types';

export type DeletionRevision = DeletedEventsQuery['recentChanges']['nodes'][number];

export const DELETED_EVENTS_QUERY: TypedDocumentNode<DeletedEventsQuery, DeletedEventsQueryVariables> = gql`
  query DeletedEvents($first: Int!, $after: String) {
    recentChanges(actions: [DELETE], first: $first, after: $after) {
      nodes {
        ...RecordChangeFields
      }
      pageInfo {
        ...PageEndFields
      }
    }
  }
  ${RECORD_CHANGE_FIELDS}
  ${PAGE_END_FIELDS}
`;

export const DELETE_EVENT_MUTATION: TypedDocumentNode<DeleteEventMutation, DeleteEventMutationVariables> = gql`
  mutation DeleteEvent($id: ID!, $version: Int!, $note: String) {
    deleteEvent(id: $id, version: $version, note: $note) {
      id
      version
    }
  }
`;

export const RESTORE_EVENT_MUTATION: TypedDocumentNode<RestoreEventMutation, RestoreEventMutationVariables> = gql`
  mutation RestoreEvent($id: ID!, $version: Int!, $note: String) {
    restoreEvent(id: $id, version: $version, note: $note) {
      id
      version
      title
    }
  }
`;

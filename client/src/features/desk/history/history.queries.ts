// The history screen: an event's revisions with their field-by-field changes, and the revert mutation.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { REVISION_FIELDS } from '../../../graphql/revision.queries';
import type {
  EventHistoryQuery,
  EventHistoryQueryVariables,
  RevertEventMutation,
  RevertEventMutationVariables,
} from '../../../graphql/types';

export type EventHistoryData = NonNullable<EventHistoryQuery['event']>;
export type HistoryRevision = EventHistoryData['revisions'][number];

export const EVENT_HISTORY_QUERY: TypedDocumentNode<EventHistoryQuery, EventHistoryQueryVariables> = gql`
  query EventHistory($id: ID!) {
    event(id: $id) {
      id
      slug
      kind
      title
      startDate
      version
      revisions {
        ...RevisionFields
        changes {
          field
          before
          after
        }
      }
    }
  }
  ${REVISION_FIELDS}
`;

export const REVERT_EVENT_MUTATION: TypedDocumentNode<RevertEventMutation, RevertEventMutationVariables> = gql`
  mutation RevertEvent($id: ID!, $version: Int!, $toVersion: Int!, $note: String) {
    revertEvent(id: $id, version: $version, toVersion: $toVersion, note: $note) {
      id
      version
      title
    }
  }
`;

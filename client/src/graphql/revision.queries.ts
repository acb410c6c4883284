// Fragments for the record's change log, shared by the desk (history, deleted events, corrections) and the public
// Recent changes page: the event a change is about as it stands now, and a revision's who/when/what/why.
import { gql } from '@apollo/client';

export const EVENT_REF_FIELDS = gql`
  fragment EventRefFields on EventRef {
    id
    slug
    kind
    title
    startDate
    deleted
    version
  }
`;

export const REVISION_FIELDS = gql`
  fragment RevisionFields on Revision {
    version
    action
    author
    createdAt
    note
  }
`;

/** A change as the change lists show it: the revision, and the event it is about as it stands now. */
export const RECORD_CHANGE_FIELDS = gql`
  fragment RecordChangeFields on Revision {
    ...RevisionFields
    event {
      ...EventRefFields
    }
  }
  ${EVENT_REF_FIELDS}
  ${REVISION_FIELDS}
`;

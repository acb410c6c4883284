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

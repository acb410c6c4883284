// The desk's queue of readers' corrections, the revisions an editor can name as the fix, and the resolution.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_END_FIELDS } from '../../../graphql/paging.queries';
import { EVENT_REF_FIELDS, REVISION_FIELDS } from '../../../graphql/revision.queries';
import type {
  CorrectionEventRevisionsQuery,
  CorrectionEventRevisionsQueryVariables,
  CorrectionsQuery,
  CorrectionsQueryVariables,
  ResolveCorrectionMutation,
  ResolveCorrectionMutationVariables,
} from '../../../graphql/types';

export type CorrectionItem = CorrectionsQuery['corrections']['nodes'][number];
export type FixRevision = NonNullable<CorrectionEventRevisionsQuery['event']>['revisions'][number];

export const CORRECTIONS_QUERY: TypedDocumentNode<CorrectionsQuery, CorrectionsQueryVariables> = gql`
  query Corrections($status: CorrectionStatus!, $first: Int!, $after: String) {
    corrections(status: $status, first: $first, after: $after) {
      totalCount
      nodes {
        id
        text
        sourceUrl
        submittedAt
        status
        reason
        resolvedAt
        resolvedBy
        revision {
          ...RevisionFields
        }
        event {
          ...EventRefFields
        }
      }
      pageInfo {
        ...PageEndFields
      }
    }
  }
  ${EVENT_REF_FIELDS}
  ${REVISION_FIELDS}
  ${PAGE_END_FIELDS}
`;

export const CORRECTION_EVENT_REVISIONS_QUERY: TypedDocumentNode<CorrectionEventRevisionsQuery, CorrectionEventRevisionsQueryVariables> =
  gql`
    query CorrectionEventRevisions($id: ID!) {
      event(id: $id) {
        id
        version
        revisions {
          ...RevisionFields
        }
      }
    }
    ${REVISION_FIELDS}
  `;

export const RESOLVE_CORRECTION_MUTATION: TypedDocumentNode<ResolveCorrectionMutation, ResolveCorrectionMutationVariables> = gql`
  mutation ResolveCorrection($id: ID!, $resolution: CorrectionResolution!, $revisionVersion: Int, $reason: String) {
    resolveCorrection(id: $id, resolution: $resolution, revisionVersion: $revisionVersion, reason: $reason) {
      id
      status
      reason
      resolvedAt
      resolvedBy
      revision {
        version
      }
    }
  }
`;

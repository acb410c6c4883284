// A reader's suggested correction: no key needed, stored for an editor, never applied by itself.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SubmitCorrectionMutation, SubmitCorrectionMutationVariables } from '../../../graphql/types';

export const SUBMIT_CORRECTION_MUTATION: TypedDocumentNode<SubmitCorrectionMutation, SubmitCorrectionMutationVariables> = gql`
  mutation SubmitCorrection($eventId: ID!, $text: String!, $sourceUrl: String) {
    submitCorrection(eventId: $eventId, text: $text, sourceUrl: $sourceUrl) {
      id
      status
    }
  }
`;

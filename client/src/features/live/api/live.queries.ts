// What the page hears of editors' changes: which event changed and how. The page then refetches what it shows.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LiveEventChangesSubscription, LiveEventChangesSubscriptionVariables } from '../../../graphql/types';

export type EventChange = LiveEventChangesSubscription['eventChanged'];

export const LIVE_EVENT_CHANGES: TypedDocumentNode<LiveEventChangesSubscription, LiveEventChangesSubscriptionVariables> = gql`
  subscription LiveEventChanges {
    eventChanged {
      type
      eventId
      version
    }
  }
`;

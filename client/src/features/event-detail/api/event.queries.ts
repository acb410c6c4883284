// Everything the detail panel shows about one event, including its kind's own fields.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { EVENT_COMMON_FIELDS, EVENT_KIND_FIELDS } from '../../../graphql/eventRecord.queries';
import { REVISION_FIELDS } from '../../../graphql/revision.queries';
import type { EventDetailQuery, EventDetailQueryVariables } from '../../../graphql/types';

export type EventDetailData = NonNullable<EventDetailQuery['event']>;
export type StatementDetail = Extract<EventDetailData, { __typename: 'Statement' }>;
export type MeetingDetail = Extract<EventDetailData, { __typename: 'Meeting' }>;
export type SanctionDetail = Extract<EventDetailData, { __typename: 'Sanction' }>;
export type MissionActionDetail = Extract<EventDetailData, { __typename: 'MissionAction' }>;
export type AgreementDetail = Extract<EventDetailData, { __typename: 'Agreement' }>;
export type ParticipantDetail = EventDetailData['participants'][number];
/** An actor as a chip shows it: a participant, or a statement's outlet (which has fewer fields). */
export type ActorSummary = ParticipantDetail['actor'] | NonNullable<StatementDetail['outlet']>;
export type CitationDetail = EventDetailData['citations'][number];
export type SourceDetail = CitationDetail['source'];
export type EventLinkDetail = EventDetailData['links'][number];
export type LinkedEventSummary = EventLinkDetail['event'];
export type RevisionSummary = EventDetailData['revisions'][number];

export const EVENT_DETAIL_QUERY: TypedDocumentNode<EventDetailQuery, EventDetailQueryVariables> = gql`
  query EventDetail($id: ID!) {
    event(id: $id) {
      __typename
      ...EventCommonFields
      revisions {
        ...RevisionFields
      }
      participants {
        role
        side
        actor {
          id
          name
          title
          country
          kind
        }
      }
      citations {
        excerpt
        source {
          id
          url
          title
          publisher
          publishedAt
        }
      }
      links {
        type
        direction
        event {
          id
          kind
          title
          startDate
          endDate
          datePrecision
        }
      }
      ...EventKindFields
      ... on Statement {
        outlet {
          id
          name
        }
      }
    }
  }
  ${EVENT_COMMON_FIELDS}
  ${EVENT_KIND_FIELDS}
  ${REVISION_FIELDS}
`;

// Everything the detail panel shows about one event, including its kind's own fields.
import { gql, type TypedDocumentNode } from '@apollo/client';
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

// `action` has a different type on each kind, so each is aliased (GraphQL rejects the clash otherwise).
export const EVENT_DETAIL_QUERY: TypedDocumentNode<EventDetailQuery, EventDetailQueryVariables> = gql`
  query EventDetail($id: ID!) {
    event(id: $id) {
      __typename
      id
      kind
      title
      summary
      startDate
      endDate
      datePrecision
      location {
        name
        country
      }
      direction
      cameoCode
      tone
      toneNote
      importance
      tags
      verification
      revisions {
        version
        action
        author
        note
        createdAt
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
      ... on Statement {
        quote
        quoteLanguage
        quoteType
        translatedFrom
        translatedBy
        medium
        outlet {
          id
          name
        }
      }
      ... on Meeting {
        format
        level
        outcome
      }
      ... on Sanction {
        sanctionAction: action
        program
        measures
      }
      ... on MissionAction {
        missionAction: action
        actingCountry
        affectedCountry
        facility
        city
        personnelCount
      }
      ... on Agreement {
        agreementAction: action
        instrument
      }
    }
  }
`;

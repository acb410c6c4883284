// Everything the detail panel shows about one event, including its kind's own fields.
// Result types are written by hand until codegen from server/schema.graphql is wired up.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ActorKind,
  AgreementAction,
  DatePrecision,
  Direction,
  EventKind,
  LinkDirection,
  LinkType,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  ParticipantRole,
  QuoteType,
  SanctionAction,
  SanctionMeasure,
  Side,
  StatementMedium,
  Verification,
} from '@detente/shared/enums';

/** Accepts both the TS enum member and the bare string the API sends. */
type Wire<E extends string> = E | `${E}`;

export interface ActorSummary {
  __typename?: 'Actor';
  id: string;
  name: string;
  title?: string | null;
  country?: string | null;
  kind?: Wire<ActorKind>;
}

export interface ParticipantDetail {
  __typename?: 'Participant';
  role: Wire<ParticipantRole>;
  side: Wire<Side> | null;
  actor: ActorSummary;
}

export interface SourceDetail {
  __typename?: 'Source';
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

export interface CitationDetail {
  __typename?: 'Citation';
  excerpt: string | null;
  source: SourceDetail;
}

export interface LinkedEventSummary {
  __typename?: string;
  id: string;
  kind: Wire<EventKind>;
  title: string;
  startDate: string;
  endDate: string | null;
  datePrecision: Wire<DatePrecision>;
}

export interface EventLinkDetail {
  __typename?: 'EventLink';
  type: Wire<LinkType>;
  direction: Wire<LinkDirection>;
  event: LinkedEventSummary;
}

interface EventDetailBase {
  id: string;
  kind: Wire<EventKind>;
  title: string;
  summary: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: Wire<DatePrecision>;
  location: { __typename?: 'Location'; name: string; country: string | null } | null;
  direction: Wire<Direction> | null;
  tone: number | null;
  importance: number;
  tags: string[];
  verification: Wire<Verification>;
  participants: ParticipantDetail[];
  citations: CitationDetail[];
  links: EventLinkDetail[];
}

export interface StatementDetail extends EventDetailBase {
  __typename: 'Statement';
  quote: string | null;
  quoteLanguage: string | null;
  quoteType: Wire<QuoteType> | null;
  medium: Wire<StatementMedium> | null;
  outlet: ActorSummary | null;
}

export interface MeetingDetail extends EventDetailBase {
  __typename: 'Meeting';
  format: Wire<MeetingFormat> | null;
  level: Wire<MeetingLevel> | null;
  outcome: string | null;
}

export interface SanctionDetail extends EventDetailBase {
  __typename: 'Sanction';
  sanctionAction: Wire<SanctionAction> | null;
  program: string | null;
  measures: Array<Wire<SanctionMeasure>>;
}

export interface MissionActionDetail extends EventDetailBase {
  __typename: 'MissionAction';
  missionAction: Wire<MissionActionType> | null;
  actingCountry: string | null;
  affectedCountry: string | null;
  facility: string | null;
  city: string | null;
  personnelCount: number | null;
}

export interface AgreementDetail extends EventDetailBase {
  __typename: 'Agreement';
  agreementAction: Wire<AgreementAction> | null;
  instrument: string | null;
}

export type EventDetailData = StatementDetail | MeetingDetail | SanctionDetail | MissionActionDetail | AgreementDetail;

export interface EventDetailQueryData {
  event: EventDetailData | null;
}

export interface EventDetailQueryVariables {
  id: string;
}

// `action` has a different type on each kind, so each is aliased (GraphQL rejects the clash otherwise).
export const EVENT_DETAIL_QUERY: TypedDocumentNode<EventDetailQueryData, EventDetailQueryVariables> = gql`
  query EventDetail($id: ID!) {
    event(id: $id) {
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
      tone
      importance
      tags
      verification
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

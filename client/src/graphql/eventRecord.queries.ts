// Fragments for one event's record, shared by the public detail panel, the desk's event form and intake: the
// fields every kind has, each kind's own fields, and a cited source.
import { gql } from '@apollo/client';

export const EVENT_COMMON_FIELDS = gql`
  fragment EventCommonFields on Event {
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
  }
`;

// `action` has a different type on each kind, so each is aliased (GraphQL rejects the clash otherwise). A
// statement's outlet is left to each query: the panel and the form want different actor fields.
export const EVENT_KIND_FIELDS = gql`
  fragment EventKindFields on Event {
    ... on Statement {
      quote
      quoteLanguage
      quoteType
      translatedFrom
      translatedBy
      medium
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
`;

export const SOURCE_FIELDS = gql`
  fragment SourceFields on Source {
    id
    url
    title
    publisher
    publishedAt
    language
  }
`;

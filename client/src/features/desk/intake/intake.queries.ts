// The intake screen's documents: draft an article's events (writes nothing) and add the article as a citation to an
// event already in the record. Creating a new event goes through the desk's event form and its mutations.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { SOURCE_FIELDS } from '../../../graphql/eventRecord.queries';
import type {
  CitedEventQuery,
  CitedEventQueryVariables,
  DraftEventsFromArticleMutation,
  DraftEventsFromArticleMutationVariables,
  UpdateAgreementCitationsMutation,
  UpdateAgreementCitationsMutationVariables,
  UpdateMeetingCitationsMutation,
  UpdateMeetingCitationsMutationVariables,
  UpdateMissionActionCitationsMutation,
  UpdateMissionActionCitationsMutationVariables,
  UpdateSanctionCitationsMutation,
  UpdateSanctionCitationsMutationVariables,
  UpdateStatementCitationsMutation,
  UpdateStatementCitationsMutationVariables,
} from '../../../graphql/types';

export type ArticleDraftsResult = DraftEventsFromArticleMutation['draftEventsFromArticle'];
export type EventDraftResult = ArticleDraftsResult['drafts'][number];
export type DuplicateEvent = EventDraftResult['duplicates'][number];

export const DRAFT_EVENTS_FROM_ARTICLE: TypedDocumentNode<DraftEventsFromArticleMutation, DraftEventsFromArticleMutationVariables> = gql`
  mutation DraftEventsFromArticle($article: ArticleInput!) {
    draftEventsFromArticle(article: $article) {
      text
      source {
        url
        title
        publisher
        publishedAt
        existing {
          id
          url
          title
          publisher
          publishedAt
        }
      }
      drafts {
        kind
        startDate
        endDate
        datePrecision
        title
        summary
        direction
        cameoCode
        tone
        quote
        quoteLanguage
        evidence
        dateEvidence
        confidence
        participants {
          name
          role
          side
          actor {
            id
            slug
            name
            title
            country
          }
        }
        duplicates {
          id
          slug
          kind
          title
          startDate
          endDate
          datePrecision
        }
      }
    }
  }
`;

/** What adding a citation needs: the event's kind, its version and the citations it has (updates replace the list). */
export const CITED_EVENT_QUERY: TypedDocumentNode<CitedEventQuery, CitedEventQueryVariables> = gql`
  query CitedEvent($id: ID!) {
    event(id: $id) {
      id
      kind
      version
      title
      citations {
        excerpt
        source {
          ...SourceFields
        }
      }
    }
  }
  ${SOURCE_FIELDS}
`;

export const UPDATE_STATEMENT_CITATIONS: TypedDocumentNode<UpdateStatementCitationsMutation, UpdateStatementCitationsMutationVariables> =
  gql`
    mutation UpdateStatementCitations($id: ID!, $version: Int!, $citations: [CitationInput!]!, $note: String) {
      updateStatement(id: $id, version: $version, input: { citations: $citations }, note: $note) {
        id
        version
        citations {
          source {
            id
            url
          }
        }
      }
    }
  `;
export const UPDATE_MEETING_CITATIONS: TypedDocumentNode<UpdateMeetingCitationsMutation, UpdateMeetingCitationsMutationVariables> = gql`
  mutation UpdateMeetingCitations($id: ID!, $version: Int!, $citations: [CitationInput!]!, $note: String) {
    updateMeeting(id: $id, version: $version, input: { citations: $citations }, note: $note) {
      id
      version
      citations {
        source {
          id
          url
        }
      }
    }
  }
`;
export const UPDATE_SANCTION_CITATIONS: TypedDocumentNode<UpdateSanctionCitationsMutation, UpdateSanctionCitationsMutationVariables> = gql`
  mutation UpdateSanctionCitations($id: ID!, $version: Int!, $citations: [CitationInput!]!, $note: String) {
    updateSanction(id: $id, version: $version, input: { citations: $citations }, note: $note) {
      id
      version
      citations {
        source {
          id
          url
        }
      }
    }
  }
`;
export const UPDATE_MISSION_ACTION_CITATIONS: TypedDocumentNode<
  UpdateMissionActionCitationsMutation,
  UpdateMissionActionCitationsMutationVariables
> = gql`
  mutation UpdateMissionActionCitations($id: ID!, $version: Int!, $citations: [CitationInput!]!, $note: String) {
    updateMissionAction(id: $id, version: $version, input: { citations: $citations }, note: $note) {
      id
      version
      citations {
        source {
          id
          url
        }
      }
    }
  }
`;
export const UPDATE_AGREEMENT_CITATIONS: TypedDocumentNode<UpdateAgreementCitationsMutation, UpdateAgreementCitationsMutationVariables> =
  gql`
    mutation UpdateAgreementCitations($id: ID!, $version: Int!, $citations: [CitationInput!]!, $note: String) {
      updateAgreement(id: $id, version: $version, input: { citations: $citations }, note: $note) {
        id
        version
        citations {
          source {
            id
            url
          }
        }
      }
    }
  `;

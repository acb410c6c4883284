// What the desk's event form reads (the whole record of one event, with its version) and the per-kind writes.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { EVENT_COMMON_FIELDS, EVENT_KIND_FIELDS, SOURCE_FIELDS } from '../../../graphql/eventRecord.queries';
import type * as T from '../../../graphql/types';

export type EditableEvent = NonNullable<T.EditableEventQuery['event']>;

export const EDITABLE_EVENT_QUERY: TypedDocumentNode<T.EditableEventQuery, T.EditableEventQueryVariables> = gql`
  query EditableEvent($id: ID!) {
    event(id: $id) {
      __typename
      ...EventCommonFields
      slug
      version
      participants {
        role
        side
        actor {
          id
          slug
          name
          country
        }
      }
      citations {
        excerpt
        source {
          ...SourceFields
        }
      }
      links {
        type
        direction
        event {
          id
          title
          startDate
        }
      }
      ...EventKindFields
      ... on Statement {
        outlet {
          id
          slug
          name
          country
        }
      }
    }
  }
  ${EVENT_COMMON_FIELDS}
  ${EVENT_KIND_FIELDS}
  ${SOURCE_FIELDS}
`;

export const CREATE_STATEMENT: TypedDocumentNode<T.CreateStatementMutation, T.CreateStatementMutationVariables> = gql`
  mutation CreateStatement($input: StatementInput!, $note: String) {
    createStatement(input: $input, note: $note) {
      id
      version
    }
  }
`;
export const CREATE_MEETING: TypedDocumentNode<T.CreateMeetingMutation, T.CreateMeetingMutationVariables> = gql`
  mutation CreateMeeting($input: MeetingInput!, $note: String) {
    createMeeting(input: $input, note: $note) {
      id
      version
    }
  }
`;
export const CREATE_SANCTION: TypedDocumentNode<T.CreateSanctionMutation, T.CreateSanctionMutationVariables> = gql`
  mutation CreateSanction($input: SanctionInput!, $note: String) {
    createSanction(input: $input, note: $note) {
      id
      version
    }
  }
`;
export const CREATE_MISSION_ACTION: TypedDocumentNode<T.CreateMissionActionMutation, T.CreateMissionActionMutationVariables> = gql`
  mutation CreateMissionAction($input: MissionActionInput!, $note: String) {
    createMissionAction(input: $input, note: $note) {
      id
      version
    }
  }
`;
export const CREATE_AGREEMENT: TypedDocumentNode<T.CreateAgreementMutation, T.CreateAgreementMutationVariables> = gql`
  mutation CreateAgreement($input: AgreementInput!, $note: String) {
    createAgreement(input: $input, note: $note) {
      id
      version
    }
  }
`;

export const UPDATE_STATEMENT: TypedDocumentNode<T.UpdateStatementMutation, T.UpdateStatementMutationVariables> = gql`
  mutation UpdateStatement($id: ID!, $version: Int!, $input: StatementInput!, $note: String) {
    updateStatement(id: $id, version: $version, input: $input, note: $note) {
      id
      version
    }
  }
`;
export const UPDATE_MEETING: TypedDocumentNode<T.UpdateMeetingMutation, T.UpdateMeetingMutationVariables> = gql`
  mutation UpdateMeeting($id: ID!, $version: Int!, $input: MeetingInput!, $note: String) {
    updateMeeting(id: $id, version: $version, input: $input, note: $note) {
      id
      version
    }
  }
`;
export const UPDATE_SANCTION: TypedDocumentNode<T.UpdateSanctionMutation, T.UpdateSanctionMutationVariables> = gql`
  mutation UpdateSanction($id: ID!, $version: Int!, $input: SanctionInput!, $note: String) {
    updateSanction(id: $id, version: $version, input: $input, note: $note) {
      id
      version
    }
  }
`;
export const UPDATE_MISSION_ACTION: TypedDocumentNode<T.UpdateMissionActionMutation, T.UpdateMissionActionMutationVariables> = gql`
  mutation UpdateMissionAction($id: ID!, $version: Int!, $input: MissionActionInput!, $note: String) {
    updateMissionAction(id: $id, version: $version, input: $input, note: $note) {
      id
      version
    }
  }
`;
export const UPDATE_AGREEMENT: TypedDocumentNode<T.UpdateAgreementMutation, T.UpdateAgreementMutationVariables> = gql`
  mutation UpdateAgreement($id: ID!, $version: Int!, $input: AgreementInput!, $note: String) {
    updateAgreement(id: $id, version: $version, input: $input, note: $note) {
      id
      version
    }
  }
`;

export const LINK_EVENTS: TypedDocumentNode<T.DeskLinkEventsMutation, T.DeskLinkEventsMutationVariables> = gql`
  mutation DeskLinkEvents($input: LinkInput!) {
    linkEvents(input: $input) {
      id
    }
  }
`;
export const UNLINK_EVENTS: TypedDocumentNode<T.DeskUnlinkEventsMutation, T.DeskUnlinkEventsMutationVariables> = gql`
  mutation DeskUnlinkEvents($input: LinkInput!) {
    unlinkEvents(input: $input) {
      id
    }
  }
`;

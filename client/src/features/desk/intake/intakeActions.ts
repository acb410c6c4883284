// The two ways a reviewed draft is written: the article added as a citation to an event already in the record (its
// citations are replaced by the list plus the article, at the version read, so a concurrent edit is refused with
// CONFLICT rather than lost), or a new event created with the article as its citation, in one mutation.
import type { ApolloClient } from '@apollo/client';
import type { CitationInput, EventKind } from '../../../graphql/types';
import {
  CITED_EVENT_QUERY,
  CREATE_AGREEMENT_FROM_DRAFT,
  CREATE_MEETING_FROM_DRAFT,
  CREATE_MISSION_ACTION_FROM_DRAFT,
  CREATE_SANCTION_FROM_DRAFT,
  CREATE_STATEMENT_FROM_DRAFT,
  UPDATE_AGREEMENT_CITATIONS,
  UPDATE_MEETING_CITATIONS,
  UPDATE_MISSION_ACTION_CITATIONS,
  UPDATE_SANCTION_CITATIONS,
  UPDATE_STATEMENT_CITATIONS,
} from './intake.queries';
import { createInput } from './draftValues';

export interface WrittenEvent {
  id: string;
  title: string;
}

export type CitationOutcome = (WrittenEvent & { alreadyCited: false }) | (WrittenEvent & { alreadyCited: true });

const NOTE = 'Article intake';

export async function addArticleAsCitation(client: ApolloClient, eventId: string, citation: CitationInput): Promise<CitationOutcome> {
  const { data } = await client.query({ query: CITED_EVENT_QUERY, variables: { id: eventId }, fetchPolicy: 'network-only' });
  const event = data?.event;
  if (!event) throw new Error(`There is no event "${eventId}"`);
  if (event.citations.some((c) => c.source.url === citation.url)) return { id: event.id, title: event.title, alreadyCited: true };
  // Stored sources may lack a title or publisher the input requires; the URL's host stands in rather than failing.
  const kept: CitationInput[] = event.citations.map(({ excerpt, source }) => ({
    url: source.url,
    title: source.title ?? source.url,
    publisher: source.publisher ?? hostOf(source.url),
    publishedAt: source.publishedAt ?? null,
    language: source.language ?? null,
    excerpt: excerpt ?? null,
  }));
  const variables = { id: event.id, version: event.version, citations: [...kept, citation], note: NOTE };
  await updateCitations(client, event.kind, variables);
  return { id: event.id, title: event.title, alreadyCited: false };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

type CitationsVariables = { id: string; version: number; citations: CitationInput[]; note: string };

async function updateCitations(client: ApolloClient, kind: EventKind, variables: CitationsVariables): Promise<void> {
  switch (kind) {
    case 'STATEMENT':
      await client.mutate({ mutation: UPDATE_STATEMENT_CITATIONS, variables });
      return;
    case 'MEETING':
      await client.mutate({ mutation: UPDATE_MEETING_CITATIONS, variables });
      return;
    case 'SANCTION':
      await client.mutate({ mutation: UPDATE_SANCTION_CITATIONS, variables });
      return;
    case 'MISSION':
      await client.mutate({ mutation: UPDATE_MISSION_ACTION_CITATIONS, variables });
      return;
    case 'AGREEMENT':
      await client.mutate({ mutation: UPDATE_AGREEMENT_CITATIONS, variables });
      return;
  }
}

export async function createEventFromDraft(client: ApolloClient, created: ReturnType<typeof createInput>): Promise<WrittenEvent> {
  const note = NOTE;
  switch (created.kind) {
    case 'STATEMENT': {
      const { data } = await client.mutate({ mutation: CREATE_STATEMENT_FROM_DRAFT, variables: { input: created.input, note } });
      return data!.createStatement;
    }
    case 'MEETING': {
      const { data } = await client.mutate({ mutation: CREATE_MEETING_FROM_DRAFT, variables: { input: created.input, note } });
      return data!.createMeeting;
    }
    case 'SANCTION': {
      const { data } = await client.mutate({ mutation: CREATE_SANCTION_FROM_DRAFT, variables: { input: created.input, note } });
      return data!.createSanction;
    }
    case 'MISSION': {
      const { data } = await client.mutate({ mutation: CREATE_MISSION_ACTION_FROM_DRAFT, variables: { input: created.input, note } });
      return data!.createMissionAction;
    }
    case 'AGREEMENT': {
      const { data } = await client.mutate({ mutation: CREATE_AGREEMENT_FROM_DRAFT, variables: { input: created.input, note } });
      return data!.createAgreement;
    }
  }
}

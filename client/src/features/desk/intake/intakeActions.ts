// Adding the article as a citation to an event already in the record: the event's citations are replaced by the
// list it has plus the article, at the version read, so a concurrent edit is refused with CONFLICT rather than lost.
// (A new event citing the article is created by the desk's event form, in one mutation.)
import type { ApolloClient } from '@apollo/client';
import type { CitationInput, EventKind } from '../../../graphql/types';
import {
  CITED_EVENT_QUERY,
  UPDATE_AGREEMENT_CITATIONS,
  UPDATE_MEETING_CITATIONS,
  UPDATE_MISSION_ACTION_CITATIONS,
  UPDATE_SANCTION_CITATIONS,
  UPDATE_STATEMENT_CITATIONS,
} from './intake.queries';

export interface WrittenEvent {
  id: string;
  title: string;
}

export type CitationOutcome = (WrittenEvent & { alreadyCited: false }) | (WrittenEvent & { alreadyCited: true });

export const INTAKE_NOTE = 'Article intake';

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
  const variables = { id: event.id, version: event.version, citations: [...kept, citation], note: INTAKE_NOTE };
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

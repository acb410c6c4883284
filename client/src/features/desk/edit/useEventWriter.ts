// Saves the form's values with the kind's own create or update mutation, and turns the server's answer into what
// the form shows: saved, problems by field (BAD_USER_INPUT), or a conflict with the version now stored.
import { useApolloClient } from '@apollo/client/react';
import { EventKind } from '@detente/shared/enums';
import { graphQLErrorOf, errorMessage } from '../components/errors';
import { possibleTypes } from '../../../lib/apollo';
import * as Q from './eventEdit.queries';
import { serverErrorsByField, toInput, valuesFromEvent, type FieldErrors, type FormValues } from './formValues';

export type SaveOutcome =
  | { status: 'saved'; id: string; version: number }
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'conflict'; theirs: FormValues; version: number };

const CREATE = {
  [EventKind.STATEMENT]: Q.CREATE_STATEMENT,
  [EventKind.MEETING]: Q.CREATE_MEETING,
  [EventKind.SANCTION]: Q.CREATE_SANCTION,
  [EventKind.MISSION]: Q.CREATE_MISSION_ACTION,
  [EventKind.AGREEMENT]: Q.CREATE_AGREEMENT,
} as const;
const UPDATE = {
  [EventKind.STATEMENT]: Q.UPDATE_STATEMENT,
  [EventKind.MEETING]: Q.UPDATE_MEETING,
  [EventKind.SANCTION]: Q.UPDATE_SANCTION,
  [EventKind.MISSION]: Q.UPDATE_MISSION_ACTION,
  [EventKind.AGREEMENT]: Q.UPDATE_AGREEMENT,
} as const;

/** The one field of any create/update answer: `{ createStatement: { id, version } }` and the like. */
const written = (data: unknown) => Object.values(data as Record<string, { id: string; version: number }>)[0];

export function useEventWriter() {
  const client = useApolloClient();

  // The page's cached copy of the event (the detail panel's) is stale once saved: the next look fetches it again.
  function forget(eventId: string) {
    for (const __typename of possibleTypes.Event) {
      const id = client.cache.identify({ __typename, id: eventId });
      if (id) client.cache.evict({ id });
    }
    client.cache.gc();
  }

  async function outcomeOf(error: unknown, eventId?: string): Promise<SaveOutcome> {
    const graphQLError = graphQLErrorOf(error);
    if (graphQLError?.code === 'CONFLICT' && eventId) {
      const { data } = await client.query({ query: Q.EDITABLE_EVENT_QUERY, variables: { id: eventId }, fetchPolicy: 'network-only' });
      if (data?.event) return { status: 'conflict', theirs: valuesFromEvent(data.event), version: data.event.version };
    }
    if (graphQLError) return { status: 'invalid', errors: serverErrorsByField(graphQLError.extensions, graphQLError.message) };
    return { status: 'invalid', errors: { '': [`The change was not saved: ${errorMessage(error)}`] } };
  }

  async function create(values: FormValues, note: string): Promise<SaveOutcome> {
    try {
      const { data } = await client.mutate({
        mutation: CREATE[values.kind] as typeof Q.CREATE_STATEMENT,
        variables: { input: toInput(values, { create: true }), note: note || undefined },
      });
      const saved = written(data);
      return { status: 'saved', id: saved.id, version: saved.version };
    } catch (error) {
      return outcomeOf(error);
    }
  }

  async function update(eventId: string, version: number, values: FormValues, note: string): Promise<SaveOutcome> {
    try {
      const { data } = await client.mutate({
        mutation: UPDATE[values.kind] as typeof Q.UPDATE_STATEMENT,
        variables: { id: eventId, version, input: toInput(values, { create: false }), note: note || undefined },
      });
      const saved = written(data);
      forget(saved.id);
      return { status: 'saved', id: saved.id, version: saved.version };
    } catch (error) {
      return outcomeOf(error, eventId);
    }
  }

  return { create, update };
}

// /desk/new?kind=KIND[&from=ID]: create an event of any kind, or duplicate one as new (its values, a fresh event).
import { useQuery } from '@apollo/client/react';
import { EventKind } from '@detente/shared/enums';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { deskPaths, navigate } from '../routes';
import { EventForm } from './EventForm';
import { EDITABLE_EVENT_QUERY } from './eventEdit.queries';
import { EVENT_KINDS, emptyValues, valuesFromEvent } from './formValues';
import { useEventWriter } from './useEventWriter';
import styles from './EventForm.module.css';

const KIND_NAMES: Record<EventKind, string> = {
  [EventKind.STATEMENT]: 'Statement',
  [EventKind.MEETING]: 'Meeting',
  [EventKind.SANCTION]: 'Sanction',
  [EventKind.MISSION]: 'Mission action',
  [EventKind.AGREEMENT]: 'Agreement',
};

export default function NewEventScreen({ kind, from }: { kind: string | null; from: string | null }) {
  const writer = useEventWriter();
  const { data, loading, error, refetch } = useQuery(EDITABLE_EVENT_QUERY, { variables: { id: from ?? '' }, skip: !from });
  const source = data?.event;
  const chosenKind = (source?.kind ?? (EVENT_KINDS.includes(kind as EventKind) ? kind : null)) as EventKind | null;
  return (
    <section className={styles.screen} aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">{source ? 'Duplicate as new' : 'New event'}</h2>
      {!from && (
        <nav aria-label="Kind of event" className={styles.submitRow}>
          {EVENT_KINDS.map((k) => (
            <a
              key={k}
              href={deskPaths.newEvent(k)}
              aria-current={k === chosenKind ? 'true' : undefined}
              onClick={(e) => (e.preventDefault(), navigate(deskPaths.newEvent(k), { replace: true }))}
            >
              {KIND_NAMES[k]}
            </a>
          ))}
        </nav>
      )}
      {from && loading && <p>Loading the event to duplicate…</p>}
      {error && <ErrorMessage what="the event to duplicate" error={error} onRetry={() => void refetch()} />}
      {source && <p className={styles.muted}>Starting from “{source.title}”. Saving creates a new event; the original stays as it is.</p>}
      {!chosenKind && !from && <p>Choose the kind of event above.</p>}
      {chosenKind && (!from || source) && (
        <EventForm
          key={`${chosenKind}:${source?.id ?? ''}`}
          mode="create"
          initialValues={source ? valuesFromEvent(source) : emptyValues(chosenKind)}
          onSave={(values, note) => writer.create(values, note)}
          onSaved={(outcome) => navigate(deskPaths.edit(outcome.id))}
        />
      )}
    </section>
  );
}

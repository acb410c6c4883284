// /desk/events/ID/edit: the form for one stored event, at the version it was read; links to other events below it.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { deskPaths, linkProps } from '../routes';
import { EventForm } from './EventForm';
import { EventLinks } from './EventLinks';
import { EDITABLE_EVENT_QUERY } from './eventEdit.queries';
import { valuesFromEvent } from './formValues';
import { useEventWriter } from './useEventWriter';
import styles from './EventForm.module.css';

export default function EditEventScreen({ eventId }: { eventId: string }) {
  const { data, loading, error, refetch } = useQuery(EDITABLE_EVENT_QUERY, { variables: { id: eventId }, fetchPolicy: 'network-only' });
  const writer = useEventWriter();
  const [saved, setSaved] = useState<{ version: number; count: number } | null>(null);
  const event = data?.event;
  return (
    <section className={styles.screen} aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">Edit event</h2>
      {loading && !event && <p>Loading the event…</p>}
      {error && <ErrorMessage what="this event" error={error} onRetry={() => void refetch()} />}
      {!loading && !error && !event && <p>There is no event “{eventId}”. It may have been deleted.</p>}
      {event && (
        <>
          <p className={styles.muted}>
            {event.title} · version {event.version} · <a href={`/?event=${encodeURIComponent(event.slug)}`}>open on the timeline</a> ·{' '}
            <a {...linkProps(deskPaths.history(event.id))}>history</a> ·{' '}
            <a {...linkProps(deskPaths.newEvent(event.kind, event.id))}>duplicate as new</a>
          </p>
          {saved && (
            <p className={styles.notice} role="status" data-testid="saved-notice">
              Saved as version {saved.version}. Open timeline pages show it now.{' '}
              <a href={`/?event=${encodeURIComponent(event.slug)}`}>See it on the timeline</a>.
            </p>
          )}
          <EventForm
            // A new form for each saved version, so "your edits" start again from what is stored.
            key={`${event.id}:${saved?.count ?? 0}`}
            mode="edit"
            slug={event.slug}
            initialValues={valuesFromEvent(event)}
            initialVersion={event.version}
            onSave={(values, note, version) => writer.update(event.id, version ?? event.version, values, note)}
            onSaved={(outcome) => {
              setSaved((current) => ({ version: outcome.version, count: (current?.count ?? 0) + 1 }));
              void refetch();
            }}
          />
          <EventLinks event={event} onChanged={() => void refetch()} />
        </>
      )}
    </section>
  );
}

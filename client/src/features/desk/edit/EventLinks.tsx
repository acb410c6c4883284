// Typed links from this event to earlier ones. Each link is its own change on the server (linkEvents and
// unlinkEvents, each with a revision), so they are added and removed here one at a time, apart from the form.
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { LinkType, enumValues } from '@detente/shared/enums';
import { EventPicker } from '../components/EventPicker';
import { errorMessage } from '../components/errors';
import type { EventChoice } from '../components/pickers.queries';
import { LINK_EVENTS, UNLINK_EVENTS, type EditableEvent } from './eventEdit.queries';
import styles from './EventForm.module.css';

const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

export function EventLinks({ event, onChanged }: { event: EditableEvent; onChanged: () => void }) {
  const typeId = useId();
  const [type, setType] = useState<string>(LinkType.RESPONDS_TO);
  const [target, setTarget] = useState<EventChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, { loading: linking }] = useMutation(LINK_EVENTS);
  const [unlink, { loading: unlinking }] = useMutation(UNLINK_EVENTS);
  const outgoing = event.links.filter((l) => l.direction === 'OUTGOING');
  const incoming = event.links.filter((l) => l.direction === 'INCOMING');
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setTarget(null);
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <section className={`${styles.section} ${styles.links}`} aria-labelledby="links-title">
      <h3 id="links-title">Links to other events</h3>
      <p className={styles.muted}>Each link is saved on its own as you add or remove it, with its own entry in the history.</p>
      {outgoing.length === 0 && <p className={styles.muted}>This event links to no other event.</p>}
      <ul>
        {outgoing.map((l) => (
          <li key={`${l.type}:${l.event.id}`}>
            {humanize(l.type)} <strong>{l.event.title}</strong> ({l.event.startDate}){' '}
            <button
              type="button"
              className={styles.quiet}
              disabled={unlinking}
              onClick={() => void run(() => unlink({ variables: { input: { fromId: event.id, toId: l.event.id, type: l.type } } }))}
            >
              Remove link to {l.event.title}
            </button>
          </li>
        ))}
      </ul>
      {incoming.length > 0 && (
        <p className={styles.muted}>
          Linked from: {incoming.map((l) => `${l.event.title} (${humanize(l.type).toLowerCase()})`).join('; ')}
        </p>
      )}
      <div className={styles.grid}>
        <div className={styles.control}>
          <label htmlFor={typeId}>Link type</label>
          <select id={typeId} value={type} onChange={(e) => setType(e.target.value)}>
            {enumValues(LinkType).map((value) => (
              <option key={value} value={value}>
                {humanize(value)}
              </option>
            ))}
          </select>
        </div>
        {target ? (
          <p>
            To <strong>{target.title}</strong> ({target.startDate}){' '}
            <button type="button" className={styles.quiet} onClick={() => setTarget(null)}>
              Choose another
            </button>
          </p>
        ) : (
          <EventPicker label="Event to link to" excludeId={event.id} onPick={setTarget} />
        )}
      </div>
      {error && (
        <p className="desk-field-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className={styles.primary}
        disabled={!target || linking}
        onClick={() =>
          target && void run(() => link({ variables: { input: { fromId: event.id, toId: target.id, type: type as LinkType } } }))
        }
      >
        Add link
      </button>
    </section>
  );
}

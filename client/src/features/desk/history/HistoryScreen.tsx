// /desk/events/ID/history: every revision of one event, newest first — who, when, the note and what changed from the
// version before — with "Revert to this version" behind a confirmation. A revert is itself a new revision.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { apiErrorOf } from '../../../lib/apiError';
import { deskPaths, linkProps, navigate } from '../../../lib/navigation';
import ui from '../../../components/ui.module.css';
import { DeleteEventButton } from '../deleted/DeleteEventButton';
import { EVENT_HISTORY_QUERY, REVERT_EVENT_MUTATION, type EventHistoryData, type HistoryRevision } from './history.queries';
import { RevisionChanges } from './RevisionChanges';
import { formatChangeTime, revisionActionLabel } from '../../../lib/revisionWords';
import styles from './HistoryScreen.module.css';

export default function HistoryScreen({ eventId }: { eventId: string }) {
  const { data, loading, error, refetch } = useQuery(EVENT_HISTORY_QUERY, { variables: { id: eventId }, fetchPolicy: 'cache-and-network' });
  const [status, setStatus] = useState('');
  const event = data?.event;

  if (!event) {
    if (loading) return <p className={ui.muted}>Loading the history…</p>;
    if (error) return <ErrorMessage what="this event's history" error={error} onRetry={() => void refetch()} />;
    return (
      <section className={styles.screen}>
        <h2 className={styles.heading}>History</h2>
        <p>
          There is no live event “{eventId}”. If it was deleted, restore it from <a {...linkProps(deskPaths.deleted)}>Deleted events</a>{' '}
          first.
        </p>
      </section>
    );
  }

  const revisions = [...event.revisions].reverse();
  return (
    <section className={styles.screen} aria-labelledby="history-heading" data-testid="history-screen">
      <h2 id="history-heading" className={styles.heading}>
        History: {event.title}
      </h2>
      <p className={styles.actions}>
        <a href={`/?event=${encodeURIComponent(event.id)}`}>Open on the timeline</a>
        <a {...linkProps(deskPaths.edit(event.id))}>Edit</a>
        <DeleteEventButton event={event} onDeleted={() => navigate(deskPaths.deleted)} />
      </p>
      <p role="status" className={styles.status}>
        {status}
      </p>
      <ol className={styles.revisions} reversed>
        {revisions.map((revision, index) => (
          <RevisionItem
            key={revision.version}
            event={event}
            revision={revision}
            first={index === revisions.length - 1}
            current={revision.version === event.version}
            onReverted={(toVersion, newVersion) => {
              setStatus(`Reverted to version ${toVersion}; the event is now at version ${newVersion}.`);
              void refetch();
            }}
            onConflict={() => {
              setStatus('Someone changed the event meanwhile: the history is reloaded. Check it and try again.');
              void refetch();
            }}
          />
        ))}
      </ol>
    </section>
  );
}

interface RevisionItemProps {
  event: EventHistoryData;
  revision: HistoryRevision;
  first: boolean;
  current: boolean;
  onReverted: (toVersion: number, newVersion: number) => void;
  onConflict: () => void;
}

function RevisionItem({ event, revision, first, current, onReverted, onConflict }: RevisionItemProps) {
  const [confirming, setConfirming] = useState(false);
  const headingId = `revision-${revision.version}`;
  return (
    <li className={styles.revision} aria-labelledby={headingId} data-testid="revision" data-version={revision.version}>
      <h3 id={headingId} className={styles.revisionHeading}>
        Version {revision.version}: {revisionActionLabel(revision.action)}
        {current && <span className={styles.currentBadge}> (current)</span>}
      </h3>
      <p className={styles.byline}>
        by <strong>{revision.author}</strong>, <time dateTime={revision.createdAt}>{formatChangeTime(revision.createdAt)}</time>
      </p>
      {revision.note && <p className={styles.note}>“{revision.note}”</p>}
      <RevisionChanges changes={revision.changes} first={first} />
      {!current && revision.action !== 'DELETE' && (
        <button type="button" className={ui.button} onClick={() => setConfirming(true)} aria-describedby={headingId}>
          Revert to this version
        </button>
      )}
      <RevertDialog
        open={confirming}
        event={event}
        toVersion={revision.version}
        onClose={() => setConfirming(false)}
        onReverted={(newVersion) => {
          setConfirming(false);
          onReverted(revision.version, newVersion);
        }}
        onConflict={() => {
          setConfirming(false);
          onConflict();
        }}
      />
    </li>
  );
}

interface RevertDialogProps {
  open: boolean;
  event: EventHistoryData;
  toVersion: number;
  onClose: () => void;
  onReverted: (newVersion: number) => void;
  onConflict: () => void;
}

function RevertDialog({ open, event, toVersion, onClose, onReverted, onConflict }: RevertDialogProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [revert, { loading }] = useMutation(REVERT_EVENT_MUTATION);
  const submit = async () => {
    setError(null);
    try {
      const result = await revert({
        variables: { id: event.id, version: event.version, toVersion, note: note.trim() || `Reverted to version ${toVersion}` },
      });
      if (result.data) onReverted(result.data.revertEvent.version);
    } catch (caught) {
      const problem = apiErrorOf(caught);
      if (problem.code === 'CONFLICT') onConflict();
      else setError(problem.message);
    }
  };
  return (
    <Dialog open={open} title={`Revert to version ${toVersion}?`} onClose={onClose} testId="revert-dialog">
      <form
        onSubmit={(submitted) => {
          submitted.preventDefault();
          void submit();
        }}
      >
        <p>
          “{event.title}” will be as it stood after version {toVersion}. This adds a new version (version {event.version + 1}); nothing in
          the history is lost.
        </p>
        <label className={styles.field}>
          Note (why; kept in the history)
          <input type="text" value={note} maxLength={1000} onChange={(changed) => setNote(changed.target.value)} />
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className={ui.button} onClick={onClose} data-dialog-close>
            Cancel
          </button>
          <button type="submit" className={`${ui.button} ${ui.primary}`} disabled={loading}>
            {loading ? 'Reverting…' : `Revert to version ${toVersion}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// "Delete" for the desk's event screens: a confirmation that asks why, then a soft delete — the event leaves the
// timeline but stays in the history, and "Deleted events" can bring it back.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Dialog } from '../../../components/Dialog';
import { apiErrorOf } from '../../../lib/apiError';
import ui from '../../../components/ui.module.css';
import { DELETE_EVENT_MUTATION } from './deleted.queries';
import styles from '../history/HistoryScreen.module.css';

export interface DeletableEvent {
  id: string;
  title: string;
  version: number;
}

export function DeleteEventButton({ event, onDeleted }: { event: DeletableEvent; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [deleteEvent, { loading }] = useMutation(DELETE_EVENT_MUTATION, { refetchQueries: ['DeletedEvents', 'RecentChanges'] });

  const submit = async () => {
    if (!note.trim()) {
      setError({ message: 'Say why the event is deleted: the note is kept in its history.', field: 'note' });
      return;
    }
    setError(null);
    try {
      await deleteEvent({ variables: { id: event.id, version: event.version, note: note.trim() } });
      setOpen(false);
      onDeleted();
    } catch (caught) {
      const problem = apiErrorOf(caught);
      setError({
        message:
          problem.code === 'CONFLICT' ? 'Someone changed the event meanwhile: reload it and check before deleting.' : problem.message,
        field: problem.field,
      });
    }
  };

  return (
    <>
      <button type="button" className={`${ui.button} ${styles.danger}`} onClick={() => setOpen(true)}>
        Delete event
      </button>
      <Dialog open={open} title="Delete this event?" onClose={() => setOpen(false)} testId="delete-dialog">
        <form
          noValidate
          onSubmit={(submitted) => {
            submitted.preventDefault();
            void submit();
          }}
        >
          <p>“{event.title}” leaves the timeline. Its history is kept, and it can be restored from Deleted events.</p>
          <label className={styles.field}>
            Why is it deleted? (kept in the history)
            <input
              type="text"
              value={note}
              maxLength={1000}
              required
              aria-invalid={error?.field === 'note' || undefined}
              aria-describedby={error ? 'delete-error' : undefined}
              onChange={(changed) => setNote(changed.target.value)}
            />
          </label>
          {error && (
            <p id="delete-error" role="alert" className={styles.error}>
              {error.message}
            </p>
          )}
          <div className={styles.dialogButtons}>
            <button type="button" className={ui.button} onClick={() => setOpen(false)} data-dialog-close>
              Cancel
            </button>
            <button type="submit" className={`${ui.button} ${styles.danger}`} disabled={loading}>
              {loading ? 'Deleting…' : 'Delete'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

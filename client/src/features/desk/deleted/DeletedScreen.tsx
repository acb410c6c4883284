// /desk/deleted: events that are deleted now, newest deletion first, each with who deleted it, when and why, and
// "Restore". The list is read from the record's DELETE revisions; an event restored since is left out.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { apiErrorOf } from '../../../lib/apiError';
import { formatChangeTime } from '../../../lib/revisionWords';
import { ShowMore, appendPage } from '../../../components/ShowMore';
import ui from '../../../components/ui.module.css';
import { DELETED_EVENTS_QUERY, RESTORE_EVENT_MUTATION, type DeletionRevision } from './deleted.queries';
import styles from '../history/HistoryScreen.module.css';

const PAGE_SIZE = 50;

/** The latest deletion of each event that is still deleted. */
export function stillDeleted(revisions: readonly DeletionRevision[]): DeletionRevision[] {
  const seen = new Set<string>();
  return revisions.filter((revision) => {
    if (!revision.event.deleted || revision.event.version !== revision.version || seen.has(revision.event.id)) return false;
    seen.add(revision.event.id);
    return true;
  });
}

export default function DeletedScreen() {
  const { data, loading, error, refetch, fetchMore } = useQuery(DELETED_EVENTS_QUERY, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [status, setStatus] = useState('');
  const page = data?.recentChanges;
  const deleted = stillDeleted(page?.nodes ?? []);

  return (
    <section className={styles.screen} aria-labelledby="deleted-heading" data-testid="deleted-screen">
      <h2 id="deleted-heading" className={styles.heading}>
        Deleted events
      </h2>
      <p className={ui.muted}>Deleted events are hidden from the timeline and the API; their history is kept. Restoring brings one back.</p>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {error && !data && <ErrorMessage what="the deleted events" error={error} onRetry={() => void refetch()} />}
      {loading && !data && <p className={ui.muted}>Loading…</p>}
      {data && deleted.length === 0 && <p>No event is deleted.</p>}
      <ul className={styles.revisions}>
        {deleted.map((revision) => (
          <DeletedItem
            key={revision.event.id}
            revision={revision}
            onRestored={(title) => {
              setStatus(`“${title}” is restored and back on the timeline.`);
              void refetch();
            }}
          />
        ))}
      </ul>
      <ShowMore
        pageInfo={page?.pageInfo}
        label="Show older deletions"
        onMore={(after) => void fetchMore({ variables: { after }, updateQuery: appendPage('recentChanges') })}
      />
    </section>
  );
}

function DeletedItem({ revision, onRestored }: { revision: DeletionRevision; onRestored: (title: string) => void }) {
  const { event } = revision;
  const [restore, { loading }] = useMutation(RESTORE_EVENT_MUTATION, { refetchQueries: ['RecentChanges'] });
  const [error, setError] = useState<string | null>(null);
  const headingId = `deleted-${event.id}`;
  const submit = async () => {
    setError(null);
    try {
      await restore({ variables: { id: event.id, version: event.version, note: 'Restored from Deleted events' } });
      onRestored(event.title);
    } catch (caught) {
      setError(apiErrorOf(caught).message);
    }
  };
  return (
    <li className={styles.revision} data-testid="deleted-event">
      <h3 id={headingId} className={styles.revisionHeading}>
        {event.title}
      </h3>
      <p className={styles.byline}>
        {event.startDate} · deleted by <strong>{revision.author}</strong>,{' '}
        <time dateTime={revision.createdAt}>{formatChangeTime(revision.createdAt)}</time>
      </p>
      {revision.note && <p className={styles.note}>“{revision.note}”</p>}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <button type="button" className={ui.button} onClick={() => void submit()} disabled={loading} aria-describedby={headingId}>
        {loading ? 'Restoring…' : 'Restore'}
      </button>
    </li>
  );
}

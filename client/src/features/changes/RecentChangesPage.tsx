// /changes: the latest changes across the record, newest first, for readers and editors alike — who (the name of
// the key, never the key), when, what was done to which event, the note and the fields it touched, a page at a time.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SkeletonLines } from '../../components/Placeholders';
import { useApiKey } from '../../lib/apiKey';
import { deskPaths, linkProps } from '../../lib/navigation';
import { formatChangeTime, revisionActionLabel } from '../../lib/revisionWords';
import ui from '../../components/ui.module.css';
import { RECENT_CHANGES_QUERY, type RecentChange } from './changes.queries';
import reading from '../../components/ReadingPage.module.css';
import styles from './RecentChangesPage.module.css';

export const CHANGES_PAGE_SIZE = 25;

/** The dataset's field names as a reader would say them, for the "changed …" line. */
const FIELD_WORDS: Record<string, string> = {
  startDate: 'start date',
  endDate: 'end date',
  datePrecision: 'date precision',
  cameoCode: 'CAMEO code',
  toneNote: 'tone note',
  quoteLanguage: 'quote language',
  quoteType: 'quote type',
  personnelCount: 'personnel',
  actingCountry: 'acting country',
  affectedCountry: 'affected country',
  translatedFrom: 'translated from',
  translatedBy: 'translated by',
};
const fieldWords = (field: string) => FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export default function RecentChangesPage() {
  // Cursors of the pages the reader has gone back through; the newest page has none.
  const signedIn = useApiKey() !== null;
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(RECENT_CHANGES_QUERY, {
    variables: { first: CHANGES_PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.recentChanges;
  const pageNumber = cursors.length;
  // While another page loads the previous one stays in view, so the label must not yet claim the new page's number.
  const turning = !data && previousData !== undefined;
  const turn = (next: Array<string | null>) => {
    setCursors(next);
    document.getElementById('changes-heading')?.focus();
  };

  return (
    <main className={reading.page} id="main" data-testid="recent-changes">
      <a className={reading.back} href="/">
        ← Back to the timeline
      </a>
      <h1 id="changes-heading" className={reading.title} tabIndex={-1}>
        Recent changes
      </h1>
      <p className={reading.lede}>
        Every change to the record, newest first: who made it (the name of the editor&apos;s key), when, and why. Nothing is lost — each
        event keeps its whole history, and a deleted event can be restored.
      </p>
      {error && !page && <ErrorMessage what="the recent changes" error={error} onRetry={() => void refetch()} />}
      {!page && loading && <SkeletonLines count={6} />}
      {page && (
        <>
          <p className={ui.muted} aria-live="polite">
            {turning
              ? `Loading page ${pageNumber}…`
              : page.totalCount === 0
                ? 'No changes yet.'
                : `Page ${pageNumber} of ${Math.max(1, Math.ceil(page.totalCount / CHANGES_PAGE_SIZE))} · ${page.totalCount.toLocaleString('en-GB')} changes in all`}
          </p>
          <ol className={styles.changes} aria-busy={loading}>
            {page.edges.map(({ cursor, node }) => (
              <ChangeItem key={cursor} change={node} signedIn={signedIn} />
            ))}
          </ol>
          <nav className={styles.pager} aria-label="Pages of changes">
            <button type="button" className={ui.button} disabled={turning || pageNumber === 1} onClick={() => turn(cursors.slice(0, -1))}>
              ← Newer changes
            </button>
            <button
              type="button"
              className={ui.button}
              disabled={turning || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor}
              onClick={() => turn([...cursors, page.pageInfo.endCursor ?? null])}
            >
              Older changes →
            </button>
          </nav>
        </>
      )}
    </main>
  );
}

function ChangeItem({ change, signedIn }: { change: RecentChange; signedIn: boolean }) {
  const { event } = change;
  const id = encodeURIComponent(event.id);
  const fields = change.action === 'UPDATE' || change.action === 'REVERT' ? change.changes.map((c) => fieldWords(c.field)) : [];
  return (
    <li className={styles.change} data-testid="change">
      <p className={styles.what}>
        <span className={styles.action} data-action={change.action}>
          {revisionActionLabel(change.action)}
        </span>{' '}
        {event.deleted ? (
          <span className={styles.eventTitle}>{event.title}</span>
        ) : (
          <a className={styles.eventTitle} href={`/?event=${id}`}>
            {event.title}
          </a>
        )}
        {event.deleted && <span className={ui.muted}> (deleted now)</span>}
      </p>
      <p className={styles.meta}>
        <time dateTime={change.createdAt}>{formatChangeTime(change.createdAt)}</time> · by <strong>{change.author}</strong> · version{' '}
        {change.version}
        {signedIn && (
          <>
            {' · '}
            <a {...linkProps(deskPaths.history(event.id))}>history and revert</a>
          </>
        )}
      </p>
      {change.note && <p className={styles.note}>“{change.note}”</p>}
      {fields.length > 0 && <p className={styles.fields}>Changed: {fields.join(', ')}</p>}
    </li>
  );
}

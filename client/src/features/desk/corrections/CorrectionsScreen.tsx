// /desk/corrections: readers' corrections, open ones first in the order they came, each with its event. An editor
// records the outcome — "fixed" naming the revision that made the fix, or "declined" with a reason. Resolving
// changes no event: the fix itself is made (and shows in the history) with the edit form.
import { useState } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { apiErrorOf, type ApiError } from '../../../lib/apiError';
import { deskPaths, linkProps } from '../../../lib/navigation';
import { formatChangeTime, revisionActionLabel } from '../../../lib/revisionWords';
import type { CorrectionStatus } from '../../../graphql/types';
import { ShowMore, appendPage } from '../../../components/ShowMore';
import ui from '../../../components/ui.module.css';
import {
  CORRECTION_EVENT_REVISIONS_QUERY,
  CORRECTIONS_QUERY,
  RESOLVE_CORRECTION_MUTATION,
  type CorrectionItem,
} from './corrections.queries';
import styles from '../history/HistoryScreen.module.css';
import own from './CorrectionsScreen.module.css';

const PAGE_SIZE = 50;
const TABS: Array<{ status: CorrectionStatus; label: string }> = [
  { status: 'OPEN', label: 'Open' },
  { status: 'FIXED', label: 'Fixed' },
  { status: 'DECLINED', label: 'Declined' },
];

export default function CorrectionsScreen() {
  const [status, setStatus] = useState<CorrectionStatus>('OPEN');
  const [said, setSaid] = useState('');
  const { data, loading, error, refetch, fetchMore } = useQuery(CORRECTIONS_QUERY, {
    variables: { status, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.corrections;
  const label = TABS.find((tab) => tab.status === status)?.label ?? status;

  return (
    <section className={styles.screen} aria-labelledby="corrections-heading" data-testid="corrections-screen">
      <h2 id="corrections-heading" className={styles.heading}>
        Corrections from readers
      </h2>
      <p className={ui.muted}>
        Readers suggest corrections from an event&apos;s panel. Resolving one records the outcome; it changes no event. Make the fix with
        Edit first, then name its revision here.
      </p>
      <div className={ui.segmented} role="group" aria-label="Which corrections">
        {TABS.map((tab) => (
          <button key={tab.status} type="button" aria-pressed={status === tab.status} onClick={() => setStatus(tab.status)}>
            {tab.label}
          </button>
        ))}
      </div>
      <p role="status" className={styles.status}>
        {said}
      </p>
      {error && !data && <ErrorMessage what="the corrections" error={error} onRetry={() => void refetch()} />}
      {loading && !data && <p className={ui.muted}>Loading…</p>}
      {page && (
        <p className={ui.muted}>
          {page.totalCount === 0 ? `No ${label.toLowerCase()} corrections.` : `${page.totalCount} ${label.toLowerCase()}`}
        </p>
      )}
      <ul className={styles.revisions}>
        {page?.nodes.map((correction) => (
          <CorrectionCard
            key={correction.id}
            correction={correction}
            onResolved={(outcome) => {
              setSaid(`Correction to “${correction.event.title}” recorded as ${outcome}.`);
              void refetch();
            }}
          />
        ))}
      </ul>
      <ShowMore
        pageInfo={page?.pageInfo}
        onMore={(after) => void fetchMore({ variables: { after }, updateQuery: appendPage('corrections') })}
      />
    </section>
  );
}

function CorrectionCard({ correction, onResolved }: { correction: CorrectionItem; onResolved: (outcome: string) => void }) {
  const { event } = correction;
  const headingId = `correction-${correction.id}`;
  const history = linkProps(deskPaths.history(event.id));
  return (
    <li className={styles.revision} aria-labelledby={headingId} data-testid="correction">
      <h3 id={headingId} className={styles.revisionHeading}>
        {event.deleted ? <>{event.title} (deleted)</> : <a href={`/?event=${encodeURIComponent(event.id)}`}>{event.title}</a>}
      </h3>
      <p className={styles.byline}>
        {event.startDate} · sent <time dateTime={correction.submittedAt}>{formatChangeTime(correction.submittedAt)}</time> ·{' '}
        <a {...history}>History</a>
      </p>
      <blockquote className={own.text}>{correction.text}</blockquote>
      {correction.sourceUrl && (
        <p className={own.source}>
          Source given:{' '}
          <a href={correction.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
            {correction.sourceUrl}
          </a>
        </p>
      )}
      {correction.status === 'OPEN' ? (
        <ResolveForm correction={correction} onResolved={onResolved} />
      ) : (
        <p className={own.outcome} data-testid="correction-outcome">
          {correction.status === 'FIXED' ? (
            <>
              <strong>Fixed</strong>
              {correction.revision && (
                <>
                  {' '}
                  by <a {...history}>version {correction.revision.version}</a> ({correction.revision.author})
                </>
              )}
            </>
          ) : (
            <strong>Declined</strong>
          )}
          {correction.reason && <>: {correction.reason}</>}
          {correction.resolvedBy && (
            <span className={ui.muted}>
              {' '}
              — {correction.resolvedBy}
              {correction.resolvedAt && <>, {formatChangeTime(correction.resolvedAt)}</>}
            </span>
          )}
        </p>
      )}
    </li>
  );
}

function ResolveForm({ correction, onResolved }: { correction: CorrectionItem; onResolved: (outcome: string) => void }) {
  const [resolution, setResolution] = useState<'FIXED' | 'DECLINED' | null>(null);
  const [revisionVersion, setRevisionVersion] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [loadRevisions, revisions] = useLazyQuery(CORRECTION_EVENT_REVISIONS_QUERY, { fetchPolicy: 'network-only' });
  const [resolve, { loading }] = useMutation(RESOLVE_CORRECTION_MUTATION);
  const id = correction.id;
  const choices = [...(revisions.data?.event?.revisions ?? [])].reverse();

  const choose = (chosen: 'FIXED' | 'DECLINED') => {
    setResolution(chosen);
    setProblem(null);
    if (chosen === 'FIXED' && !revisions.called) {
      void loadRevisions({ variables: { id: correction.event.id } }).then((result) => {
        const latest = result.data?.event?.revisions.at(-1);
        if (latest) setRevisionVersion((current) => current || String(latest.version));
      });
    }
  };

  const submit = async () => {
    if (!resolution) return;
    if (resolution === 'FIXED' && !revisionVersion) {
      setProblem({ code: 'BAD_USER_INPUT', message: 'Choose the revision that fixed the event.', field: 'revisionVersion' });
      return;
    }
    if (resolution === 'DECLINED' && !reason.trim()) {
      setProblem({ code: 'BAD_USER_INPUT', message: 'Say why the event stays as it is.', field: 'reason' });
      return;
    }
    setProblem(null);
    try {
      await resolve({
        variables: {
          id,
          resolution,
          revisionVersion: resolution === 'FIXED' ? Number(revisionVersion) : null,
          reason: reason.trim() || null,
        },
      });
      onResolved(resolution === 'FIXED' ? `fixed by version ${revisionVersion}` : 'declined');
    } catch (caught) {
      setProblem(apiErrorOf(caught));
    }
  };

  const fieldError = (field: string) =>
    problem?.field === field ? (
      <span id={`${id}-${field}-error`} role="alert" className={styles.error}>
        {problem.message}
      </span>
    ) : null;

  return (
    <form
      className={own.resolve}
      noValidate
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void submit();
      }}
    >
      <fieldset className={own.choice}>
        <legend>Resolve</legend>
        <label>
          <input type="radio" name={`${id}-resolution`} checked={resolution === 'FIXED'} onChange={() => choose('FIXED')} /> Fixed
        </label>
        <label>
          <input type="radio" name={`${id}-resolution`} checked={resolution === 'DECLINED'} onChange={() => choose('DECLINED')} /> Declined
        </label>
      </fieldset>
      {resolution === 'FIXED' && (
        <label className={styles.field}>
          The revision that made the fix
          <select
            value={revisionVersion}
            onChange={(changed) => setRevisionVersion(changed.target.value)}
            aria-invalid={problem?.field === 'revisionVersion' || undefined}
            aria-describedby={problem?.field === 'revisionVersion' ? `${id}-revisionVersion-error` : undefined}
          >
            {revisions.loading && <option value="">Loading the revisions…</option>}
            {!revisions.loading && choices.length === 0 && <option value="">No revisions (is the event deleted?)</option>}
            {choices.map((revision) => (
              <option key={revision.version} value={revision.version}>
                Version {revision.version}: {revisionActionLabel(revision.action)} by {revision.author},{' '}
                {formatChangeTime(revision.createdAt)}
                {revision.note ? ` — ${revision.note}` : ''}
              </option>
            ))}
          </select>
          {fieldError('revisionVersion')}
        </label>
      )}
      {resolution && (
        <label className={styles.field}>
          {resolution === 'DECLINED' ? 'Why it is declined (shown with the outcome)' : 'Note (optional)'}
          <textarea
            rows={2}
            value={reason}
            maxLength={2000}
            onChange={(changed) => setReason(changed.target.value)}
            aria-invalid={problem?.field === 'reason' || undefined}
            aria-describedby={problem?.field === 'reason' ? `${id}-reason-error` : undefined}
          />
          {fieldError('reason')}
        </label>
      )}
      {problem && problem.field !== 'reason' && problem.field !== 'revisionVersion' && (
        <p role="alert" className={styles.error}>
          {problem.message}
        </p>
      )}
      {resolution && (
        <button type="submit" className={`${ui.button} ${styles.primary}`} disabled={loading}>
          {loading ? 'Recording…' : resolution === 'FIXED' ? 'Record as fixed' : 'Record as declined'}
        </button>
      )}
    </form>
  );
}

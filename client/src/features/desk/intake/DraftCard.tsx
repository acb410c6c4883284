// One drafted event to review: what the machine read (kind, date and the words that gave it, participants matched
// or not, the quote, the evidence, its confidence, possible duplicates) and the editor's three choices.
import { useState } from 'react';
import ui from '../../../components/ui.module.css';
import type { EventDraftResult } from './intake.queries';
import { highlight } from './highlight';
import { directionLabel, eventDate, humanize, kindLabel, timelineHref } from './labels';
import type { DraftDecision } from './intakeState';
import styles from './IntakeScreen.module.css';

export interface DraftCardProps {
  index: number;
  draft: EventDraftResult;
  decision: DraftDecision | undefined;
  busy: boolean;
  /** The error of the last citation attempt, shown beside the choices. */
  citationError: string | null;
  onDismiss: () => void;
  onRestore: () => void;
  onAddCitation: (eventId: string) => void;
  onCreate: () => void;
  onActivate: () => void;
  active: boolean;
  /** The create form, when open. */
  children?: React.ReactNode;
}

function Evidence({ sentence, dateEvidence }: { sentence: string; dateEvidence: string | null | undefined }) {
  return highlight(sentence, [dateEvidence]).map((piece, i) =>
    piece.mark === null ? (
      <span key={i}>{piece.text}</span>
    ) : (
      <mark key={i} className={styles.dateMark}>
        {piece.text}
      </mark>
    ),
  );
}

export function DraftCard(props: DraftCardProps) {
  const { index, draft, decision, busy, citationError, active } = props;
  const [otherEvent, setOtherEvent] = useState('');
  const number = index + 1;
  const headingId = `draft-${number}-heading`;
  const confidence = Math.round(draft.confidence * 100);
  const open = !decision || decision.status === 'open';
  return (
    <article
      className={[styles.draft, active ? styles.activeDraft : '', decision?.status === 'dismissed' ? styles.dismissed : ''].join(' ')}
      aria-labelledby={headingId}
      data-testid="draft"
      onFocusCapture={props.onActivate}
      onMouseEnter={props.onActivate}
    >
      <header className={styles.draftHeader}>
        <span className={styles.draftNumber} aria-hidden="true">
          {number}
        </span>
        <h4 id={headingId} className={styles.draftTitle}>
          <span className={styles.kind}>{kindLabel(draft.kind)}</span> {draft.title}
        </h4>
        <span className={styles.confidence} title="How sure the drafting is">
          <meter min={0} max={100} value={confidence} aria-label={`Confidence ${confidence}%`} /> {confidence}% sure
        </span>
      </header>

      <dl className={styles.draftFacts}>
        <dt>Date</dt>
        <dd>
          {eventDate(draft.startDate, draft.datePrecision, draft.endDate)}{' '}
          <span className={ui.muted}>({humanize(draft.datePrecision).toLowerCase()} precision)</span>
          {' · '}
          {draft.dateEvidence ? (
            <>
              from “<mark className={styles.dateMark}>{draft.dateEvidence}</mark>”
            </>
          ) : (
            <strong className={styles.warning}>publication date assumed</strong>
          )}
        </dd>
        {draft.summary && (
          <>
            <dt>Summary</dt>
            <dd>{draft.summary}</dd>
          </>
        )}
        {(draft.direction || draft.cameoCode) && (
          <>
            <dt>Coding</dt>
            <dd>
              {[
                draft.direction && directionLabel(draft.direction),
                draft.cameoCode && `CAMEO ${draft.cameoCode}`,
                draft.tone != null && `tone ${draft.tone}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        )}
        <dt>Participants</dt>
        <dd>
          <ul className={styles.participants}>
            {draft.participants.map((p, i) => (
              <li key={i}>
                <span>“{p.name}”</span> <span className={ui.muted}>{humanize(p.role).toLowerCase()}</span>{' '}
                {p.actor ? (
                  <span className={styles.matched}>→ {p.actor.name}</span>
                ) : (
                  <strong className={styles.warning}>not in the record</strong>
                )}
              </li>
            ))}
          </ul>
        </dd>
        {draft.quote && (
          <>
            <dt>Quote{draft.quoteLanguage ? ` (${draft.quoteLanguage})` : ''}</dt>
            <dd>
              <blockquote className={styles.quote}>{draft.quote}</blockquote>
            </dd>
          </>
        )}
        <dt>Evidence</dt>
        <dd>
          <ol className={styles.evidence}>
            {draft.evidence.map((sentence, i) => (
              <li key={i}>
                <Evidence sentence={sentence} dateEvidence={draft.dateEvidence} />
              </li>
            ))}
          </ol>
        </dd>
        <dt>Possible duplicates</dt>
        <dd>
          {draft.duplicates.length === 0 ? (
            <span className={ui.muted}>None found in the record.</span>
          ) : (
            <ol className={styles.duplicates} aria-label={`Possible duplicates of draft ${number}, best first`}>
              {draft.duplicates.map((event) => (
                <li key={event.id}>
                  <a href={timelineHref(event.id)}>{event.title}</a>{' '}
                  <span className={ui.muted}>
                    {kindLabel(event.kind)}, {eventDate(event.startDate, event.datePrecision, event.endDate)}
                  </span>
                  {open && (
                    <button
                      type="button"
                      className={ui.button}
                      disabled={busy}
                      onClick={() => props.onAddCitation(event.id)}
                      aria-label={`Add as citation to “${event.title}”`}
                    >
                      Add as citation
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>

      {open && !props.children && (
        <div className={styles.draftActions}>
          <button type="button" className={`${ui.button} ${ui.primary}`} disabled={busy} onClick={props.onCreate}>
            Create event
          </button>
          <button type="button" className={ui.button} disabled={busy} onClick={props.onDismiss}>
            Dismiss
          </button>
          <form
            className={styles.otherEvent}
            onSubmit={(e) => {
              e.preventDefault();
              if (otherEvent.trim()) props.onAddCitation(otherEvent.trim());
            }}
          >
            <label htmlFor={`draft-${number}-other`}>Or cite it on another event (slug or ID)</label>
            <input
              id={`draft-${number}-other`}
              type="text"
              className={ui.textField}
              value={otherEvent}
              onChange={(e) => setOtherEvent(e.target.value)}
            />
            <button type="submit" className={ui.button} disabled={busy || !otherEvent.trim()}>
              Add as citation
            </button>
          </form>
        </div>
      )}
      {citationError && open && (
        <p className={styles.fieldError} role="alert">
          Not added: {citationError}
        </p>
      )}
      {props.children}
      <DecisionNote decision={decision} onRestore={props.onRestore} />
    </article>
  );
}

function DecisionNote({ decision, onRestore }: { decision: DraftDecision | undefined; onRestore: () => void }) {
  if (!decision || decision.status === 'open') return null;
  return (
    <p className={styles.decision} role="status">
      {decision.status === 'dismissed' && (
        <>
          Dismissed.{' '}
          <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={onRestore}>
            Undo
          </button>
        </>
      )}
      {decision.status === 'cited' && (
        <>
          {decision.alreadyCited ? 'Already cited by ' : 'Added as a citation to '}
          <a href={timelineHref(decision.event.id)}>{decision.event.title}</a>.
        </>
      )}
      {decision.status === 'created' && (
        <>
          Created <a href={timelineHref(decision.event.id)}>{decision.event.title}</a>: see it on the timeline.
        </>
      )}
    </p>
  );
}

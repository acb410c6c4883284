// How the record knows what it says about one event: its coding (CAMEO, Goldstein tone, importance, verification),
// the source that carries a quote when the record says which, and every revision of the entry.
import { useEffect, useState } from 'react';
import type { CameoCode } from '@detente/shared/cameo';
import type { CitationDetail, EventDetailData, RevisionSummary } from '../api/event.queries';
import { humanizeEnum } from '../utils/labels';
import { quoteSource } from '../utils/quoteSource';
import detailStyles from './EventDetail.module.css';
import styles from './EventProvenance.module.css';

const IMPORTANCE_WORDS: Record<number, string> = {
  1: 'minor',
  2: 'notable',
  3: 'significant',
  4: 'major',
  5: 'landmark, shown at any zoom',
};

const VERIFICATION_WORDS: Record<string, string> = {
  CONFIRMED: 'Confirmed by the sources',
  REPORTED: 'Reported by one source',
  DISPUTED: 'Disputed between sources',
};

type Codebook = Readonly<Record<string, CameoCode>>;
let codebook: Promise<Codebook> | undefined;

/** The CAMEO codebook (311 codes) is loaded with the first panel that shows a code, not with the page. */
function useCameoCode(code: string | null): CameoCode | undefined | null {
  const [codes, setCodes] = useState<Codebook | null>(null);
  useEffect(() => {
    if (!code) return;
    let live = true;
    codebook ??= import('@detente/shared/cameo').then((module) => module.CAMEO_CODES);
    codebook.then((loaded) => live && setCodes(loaded)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [code]);
  // null while loading; undefined when the codebook has no such code.
  return codes && code ? codes[code] : null;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function EventCoding({ event }: { event: EventDetailData }) {
  const cameo = useCameoCode(event.cameoCode);
  return (
    <section className={styles.section} aria-labelledby="event-coding-heading" data-testid="event-coding">
      <h3 id="event-coding-heading" className={styles.heading}>
        Coding
      </h3>
      <dl className={detailStyles.fields}>
        {event.cameoCode && (
          <>
            <dt>CAMEO</dt>
            <dd>
              <span className={styles.code}>{event.cameoCode}</span> {cameo === null ? '' : (cameo?.name ?? '(not in the CAMEO codebook)')}
            </dd>
          </>
        )}
        {event.tone !== null && event.tone !== undefined && (
          <>
            <dt>Tone</dt>
            <dd>
              {event.tone > 0 ? '+' : ''}
              {event.tone.toFixed(1)} on the Goldstein scale (−10 conflict to +10 cooperation)
              {cameo && cameo.goldstein !== event.tone ? `; the code's own value is ${cameo.goldstein.toFixed(1)}` : ''}
              {event.toneNote && <span className={styles.note}> — {event.toneNote}</span>}
            </dd>
          </>
        )}
        <dt>Importance</dt>
        <dd>
          {event.importance} of 5 ({IMPORTANCE_WORDS[event.importance] ?? 'unrated'})
        </dd>
        <dt>Verification</dt>
        <dd>{VERIFICATION_WORDS[event.verification] ?? humanizeEnum(event.verification)}</dd>
      </dl>
    </section>
  );
}

/** "Quoted in …" only when a citation's excerpt holds the words; the panel says nothing rather than guess. */
export function QuoteSource({ quote, citations }: { quote: string | null | undefined; citations: readonly CitationDetail[] }) {
  const carrier = quoteSource(quote, citations);
  if (!carrier) return null;
  const { source } = carrier;
  return (
    <p className={styles.note} data-testid="quote-source">
      Quoted in {source.title ?? source.url}
      {source.publisher ? ` (${source.publisher})` : ''}
    </p>
  );
}

export function RevisionHistory({ revisions }: { revisions: readonly RevisionSummary[] }) {
  if (revisions.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="event-history-heading" data-testid="event-history">
      <h3 id="event-history-heading" className={styles.heading}>
        History of this entry
      </h3>
      <ol className={styles.history} reversed>
        {[...revisions].reverse().map((revision) => (
          <li key={revision.version}>
            Version {revision.version}: {humanizeEnum(revision.action).toLowerCase()} by {revision.author},{' '}
            <time dateTime={revision.createdAt}>{dateTime.format(new Date(revision.createdAt))} UTC</time>
            {revision.note && <span className={styles.historyNote}>{revision.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

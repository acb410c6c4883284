// The printed form of the view: every event in it (the server's JSON export for the same query string) with its
// sources and their addresses written out, since paper has no links. Loaded only when a print is asked for.
import { useEffect, useState } from 'react';
import { formatEventDate } from '@detente/shared/dates';
import { kindAppearance } from '../../../domain/eventKinds';
import { exportUrl } from './ExportMenu';
import styles from './PrintView.module.css';

/** The fields of the JSON export that the printed list shows. */
interface ExportedEvent {
  id: string;
  kind: string;
  title: string;
  summary: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: 'DAY' | 'MONTH' | 'YEAR';
  quote?: string | null;
  citations: Array<{ source: { id: string; url: string; title: string | null; publisher: string | null; publishedAt: string | null } }>;
}

interface ExportFile {
  dataset: { title: string; takenAt: string; view: string };
  events: ExportedEvent[];
}

/** Each kind's colour in print; the screen's lane colours are too pale on paper. */
const PRINT_COLOURS: Record<string, string> = {
  STATEMENT: '#3b5b92',
  MEETING: '#2e7d5b',
  SANCTION: '#a23b2a',
  MISSION: '#8a5a12',
  AGREEMENT: '#5b3b92',
};

type PrintState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; file: ExportFile } | { status: 'failed'; message: string };

/** `request` counts print requests: each new one loads the view afresh, then opens the browser's print dialog. */
export default function PrintView({ query, request, description }: { query: string; request: number; description: string }) {
  const [state, setState] = useState<PrintState>({ status: 'idle' });

  useEffect(() => {
    if (request === 0) return;
    let cancelled = false;
    setState({ status: 'loading' });
    fetch(exportUrl('json', query))
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return (await response.json()) as ExportFile;
      })
      .then((file) => !cancelled && setState({ status: 'ready', file }))
      .catch(
        (error: unknown) => !cancelled && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [request, query]);

  useEffect(() => {
    // After React has drawn the list, so the dialog prints it.
    if (state.status === 'ready') requestAnimationFrame(() => window.print());
  }, [state]);

  if (state.status === 'idle') return null;
  return (
    <section
      className={[styles.view, state.status === 'loading' ? styles.loading : ''].join(' ')}
      data-print-view={state.status}
      data-testid="print-view"
      aria-label="Printable list of the view"
    >
      {state.status === 'loading' && <p className={styles.status}>Preparing the list for printing…</p>}
      {state.status === 'failed' && <p className={styles.status}>Could not load the list for printing: {state.message}</p>}
      {state.status === 'ready' && (
        <>
          <h1 className={styles.title}>{state.file.dataset.title}</h1>
          <p className={styles.meta}>
            {description} · {state.file.events.length} events · taken {new Date(state.file.dataset.takenAt).toUTCString()} from{' '}
            {window.location.origin}/{query}
          </p>
          <ol className={styles.list}>
            {state.file.events.map((event) => (
              <li
                key={event.id}
                className={styles.event}
                style={{ '--kind-colour': PRINT_COLOURS[event.kind] ?? '#666' } as React.CSSProperties}
                data-testid="print-event"
              >
                <h2 className={styles.eventHead}>
                  <span className={styles.kind}>{kindAppearance(event.kind).label}</span>
                  {event.title}{' '}
                  <span className={styles.date}>— {formatEventDate(event.startDate, event.datePrecision, event.endDate)}</span>
                </h2>
                {event.summary && <p className={styles.summary}>{event.summary}</p>}
                {event.quote && <p className={styles.quote}>“{event.quote}”</p>}
                {event.citations.length > 0 && (
                  <ol className={styles.sources}>
                    {event.citations.map(({ source }) => (
                      <li key={source.id}>
                        {[source.title, source.publisher, source.publishedAt && formatEventDate(source.publishedAt, 'DAY')]
                          .filter(Boolean)
                          .join(', ')}{' '}
                        <span className={styles.url}>{source.url}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

// /about: what the data is. The method (how events are chosen, dated, sourced, coded and verified), its known
// limits, and what the record holds, counted by the API when the page is read.
import { useQuery } from '@apollo/client/react';
import { CAMEO_CODES } from '@detente/shared/cameo';
import { formatEventDate } from '@detente/shared/dates';
import { KIND_ORDER, kindAppearance } from '../../../domain/eventKinds';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SkeletonLines } from '../../../components/Placeholders';
import { RECORD_SUMMARY_QUERY, type RecordSummaryData } from '../api/about.queries';
import reading from '../../../components/ReadingPage.module.css';
import styles from './AboutPage.module.css';

const KINDS = KIND_ORDER;
/** Codes the record uses often, named from the codebook (shared/src/cameo.ts). */
const EXAMPLE_CODES = ['042', '163', '166'];
const number = new Intl.NumberFormat('en-GB');

export default function AboutPage() {
  const { data, error, loading, refetch } = useQuery(RECORD_SUMMARY_QUERY);
  return (
    <main className={reading.page} id="main" data-testid="about-page">
      <a className={reading.back} href="/">
        ← Back to the timeline
      </a>
      <h1 className={reading.title}>About the data</h1>
      <p className={reading.lede}>
        Détente is a curated record of US–Russia diplomatic relations: who said what, who met whom, who sanctioned or expelled whom, and
        what answered what. Every event cites the sources it rests on.
      </p>

      <section className={styles.section} aria-labelledby="about-counts">
        <h2 id="about-counts">What the record holds</h2>
        {data ? <Counts summary={data.recordSummary} /> : loading ? <SkeletonLines count={4} /> : null}
        {error && <ErrorMessage what="the counts" error={error} onRetry={() => void refetch()} />}
      </section>

      <section className={styles.section} aria-labelledby="about-method">
        <h2 id="about-method">How events are chosen</h2>
        <p>
          An event is something one side did or said towards the other, or about their relations, that a reader following them would need:
          statements with their words, meetings and calls, sanctions imposed or lifted, actions against embassies, consulates and diplomats,
          and agreements and exchanges. Routine remarks that repeat a known position are left out. Each event is linked to what it answers
          or follows (responds to, retaliates for, follows up, part of, reverses).
        </p>
        <h2>How they are dated</h2>
        <p>
          The date of an event is the day it happened, confirmed in at least one cited source that was read. When only the month or the year
          is known, the event says so (its date precision) and the page shows “Oct 2021” rather than a day. Spans, such as talks over
          several days, have an end date. Where sources disagree on a date, the best-supported one is used and the summary says so, or the
          event is marked disputed.
        </p>
        <h2>How they are sourced</h2>
        <p>
          Every event cites at least one source with its address, title, publisher and publication date. Official pages (the State
          Department, the Treasury, the Federal Register, the White House, the Kremlin, the Russian Foreign Ministry, embassies) are cited
          where they could be reached, with news reports beside them. Quotes are verbatim as the cited source prints them, or absent; a
          paraphrase is marked as one. Titles and summaries are written for the record, never copied from an article.
        </p>
        <h2>How they are coded</h2>
        <p>
          Each event has a <abbr title="Conflict and Mediation Event Observations">CAMEO</abbr> event code (the codebook GDELT uses, e.g.{' '}
          {EXAMPLE_CODES.map((code) => `${code} “${CAMEO_CODES[code]?.name.toLowerCase()}”`).join(', ')}) and a direction: who acted towards
          whom. Its tone is the code’s Goldstein value, from −10 (most conflictual) to +10 (most cooperative), unless a note on the event
          says why it differs. Importance runs from 1 (minor) to 5 (a landmark shown at any zoom, kept for at most a few events a year).
        </p>
        <h2>How they are verified</h2>
        <p>
          An event is <em>confirmed</em> when its sources establish it, <em>reported</em> when it rests on press reports that no official
          document confirms, and <em>disputed</em> when the sources or the two sides contest the facts. Every change to an event is kept as
          a revision, with who made it, when, and why; the detail panel lists them.
        </p>
      </section>

      <section className={styles.section} aria-labelledby="about-limits">
        <h2 id="about-limits">Known limits</h2>
        <ul>
          <li>
            Most events cite news reports rather than official documents, and some of those are syndicated copies (a wire story as
            republished by another site), because that is the copy that could be read; the publisher names both.
          </li>
          <li>
            Most words of Russian officials are quoted in the English of the source that printed them, a translation, not in the Russian
            original; the quote’s language says which.
          </li>
          <li>
            Coverage is uneven: deepest where the reporting is densest, thinner in quieter years, and some kinds are missing in some years
            (see the table above). An absence in the record is not evidence that nothing happened.
          </li>
          <li>
            The record ends where its sources do: the latest event is shown as “Record up to” on the timeline, and newer events appear as
            editors add them.
          </li>
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="about-use">
        <h2 id="about-use">Using the data</h2>
        <p>
          Every view of the timeline can be exported (CSV, JSON, a calendar, BibTeX and CSL-JSON) from its Export menu; scripts can fetch
          the same files from <code>/export/events.csv</code> with the page’s own query string. The API is open: try the{' '}
          <a href="/explorer">API explorer</a>.
        </p>
      </section>
    </main>
  );
}

function Counts({ summary }: { summary: RecordSummaryData }) {
  const years = [...new Set(summary.byKindAndYear.map((row) => row.year))].sort((a, b) => a - b);
  const cell = (year: number, kind: string) => summary.byKindAndYear.find((row) => row.year === year && row.kind === kind)?.count ?? 0;
  const kindTotal = (kind: string) => summary.byKindAndYear.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.count, 0);
  const period =
    summary.firstEventDate && summary.latestEventDate
      ? `${formatEventDate(summary.firstEventDate, 'DAY')} to ${formatEventDate(summary.latestEventDate, 'DAY')}`
      : 'no events yet';
  return (
    <>
      <ul className={styles.totals} data-testid="about-totals">
        <Total value={summary.events} label="events" />
        <Total value={summary.sources} label="distinct sources" />
        <Total value={summary.citations} label="citations" />
        <Total value={summary.actors} label="actors" />
        <Total value={summary.singleSourceEvents} label="events on a single citation" />
      </ul>
      <p>
        Period covered: <strong>{period}</strong>.
        {summary.lastChangedAt && (
          <span className={styles.muted}> Last change to the record: {new Date(summary.lastChangedAt).toUTCString()}.</span>
        )}
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="about-table">
          <caption className="visually-hidden">Events by year and kind</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {KINDS.map((kind) => (
                <th scope="col" key={kind}>
                  {kindAppearance(kind).label}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year}>
                <td>{year}</td>
                {KINDS.map((kind) => (
                  <td key={kind}>{cell(year, kind)}</td>
                ))}
                <td>{KINDS.reduce((sum, kind) => sum + cell(year, kind), 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>All</td>
              {KINDS.map((kind) => (
                <td key={kind}>{kindTotal(kind)}</td>
              ))}
              <td>{summary.events}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Total({ value, label }: { value: number; label: string }) {
  return (
    <li className={styles.total}>
      <span className={styles.number}>{number.format(value)}</span>
      <span className={styles.label}>{label}</span>
    </li>
  );
}

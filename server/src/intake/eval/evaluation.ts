// The evaluation set of real articles with hand-written expected events, and how drafts are scored against it.
import fs from 'node:fs';
import path from 'node:path';
import { DatePrecision, EventKind } from '@detente/shared';
import { addDays, lastDayOf } from '../calendar';

export interface ExpectedEvent {
  kind: EventKind;
  /** YYYY-MM-DD (the first day of the period for MONTH and YEAR). */
  date: string;
  precision: DatePrecision;
  /** Main actors: dataset slugs, or names for people the record lacks; empty when the article names none. */
  actors: string[];
  /** The record's event (dataset slug) when the event is already in the shipped data. */
  record?: string;
}

export type EvalSet = 'tuning' | 'held-out';

export interface EvalArticle {
  file: string;
  /** tuning: the drafting rules were written while reading these; held-out: written down and scored only afterwards. */
  set: EvalSet;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  language: 'en' | 'ru';
  /** How the article is given to the drafter: its text, or the stored page's HTML. */
  input?: 'text' | 'html';
  /** An article reporting several events. */
  roundUp?: boolean;
  note?: string;
  text: string;
  expected: ExpectedEvent[];
}

// The JSON stays in src/ (tsc copies no JSON), so the path works from src/ and from dist/ alike.
const EVAL_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'intake', 'eval');
const SET_DIRS: Record<EvalSet, string> = { tuning: path.join(EVAL_DIR, 'articles'), 'held-out': path.join(EVAL_DIR, 'held-out') };

/** Both sets, tuning first, each in file-name (date) order. */
export function readEvaluationSet(): EvalArticle[] {
  return (Object.keys(SET_DIRS) as EvalSet[]).flatMap((set) =>
    fs
      .readdirSync(SET_DIRS[set])
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({
        file: name,
        set,
        ...(JSON.parse(fs.readFileSync(path.join(SET_DIRS[set], name), 'utf8')) as Omit<EvalArticle, 'file' | 'set'>),
      })),
  );
}

/** The parts of a draft that scoring reads (the GraphQL shape and the drafting module's both fit). */
export interface ScoredDraft {
  kind: EventKind;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  quote: string | null;
  evidence: string[];
  participants: Array<{ name: string; actor: { slug: string } | null }>;
  duplicates?: Array<{ slug: string }>;
}

/** The expected event's days, with a day's slack either side at DAY precision. */
function expectedDays(expected: ExpectedEvent): { from: string; to: string } {
  const to = lastDayOf(expected.date, expected.precision);
  return expected.precision === DatePrecision.DAY ? { from: addDays(expected.date, -1), to: addDays(to, 1) } : { from: expected.date, to };
}

function hasActor(draft: ScoredDraft, actors: string[]): boolean {
  if (!actors.length) return true;
  return draft.participants.some((p) =>
    actors.some(
      (want) => p.actor?.slug === want || (!want.includes('-') && p.name.toLowerCase().includes(want.toLowerCase().split(' ').pop()!)),
    ),
  );
}

/** An expected event is found by a draft of the same kind, dated within its precision, with at least one right actor. */
export function matches(expected: ExpectedEvent, draft: ScoredDraft): boolean {
  if (draft.kind !== expected.kind) return false;
  const want = expectedDays(expected);
  const from = draft.startDate;
  const to = lastDayOf(draft.endDate ?? draft.startDate, draft.datePrecision);
  return from <= want.to && want.from <= to && hasActor(draft, expected.actors);
}

export interface ArticleScore {
  file: string;
  set: EvalSet;
  expected: number;
  found: number;
  drafts: number;
  matchedDrafts: number;
  quotes: number;
  verbatimQuotes: number;
  evidence: number;
  verbatimEvidence: number;
  inRecord: number;
  duplicatesFound: number;
  duplicatesFirst: number;
  /** Milliseconds for the whole request's work: drafting and the duplicate look-ups in the database. */
  ms: number;
  /** Milliseconds for drafting alone (text, dates, actors, quotes, kinds), without the database. */
  draftMs: number;
}

/** Scores one article's drafts: each expected event is matched to at most one draft, and each draft to one event. */
export function scoreArticle(article: EvalArticle, text: string, drafts: ScoredDraft[], ms: number, draftMs = ms): ArticleScore {
  const used = new Set<number>();
  let found = 0;
  let inRecord = 0;
  let duplicatesFound = 0;
  let duplicatesFirst = 0;
  for (const expected of article.expected) {
    const index = drafts.findIndex((draft, i) => !used.has(i) && matches(expected, draft));
    if (expected.record) inRecord++;
    if (index < 0) continue;
    used.add(index);
    found++;
    if (expected.record) {
      const slugs = (drafts[index].duplicates ?? []).map((d) => d.slug);
      if (slugs.includes(expected.record)) duplicatesFound++;
      if (slugs[0] === expected.record) duplicatesFirst++;
    }
  }
  const quotes = drafts.flatMap((d) => (d.quote ? [d.quote] : []));
  const evidence = drafts.flatMap((d) => d.evidence);
  return {
    file: article.file,
    set: article.set,
    expected: article.expected.length,
    found,
    drafts: drafts.length,
    matchedDrafts: used.size,
    quotes: quotes.length,
    verbatimQuotes: quotes.filter((q) => text.includes(q)).length,
    evidence: evidence.length,
    verbatimEvidence: evidence.filter((e) => text.includes(e)).length,
    inRecord,
    duplicatesFound,
    duplicatesFirst,
    ms,
    draftMs,
  };
}

const ratio = (part: number, whole: number) => (whole ? (part / whole).toFixed(2) : '—');

/** The per-article table with a total for each set and for both, as Markdown. */
export function formatScores(scores: ArticleScore[]): string {
  const sum = (rows: ArticleScore[], key: keyof ArticleScore) => rows.reduce((total, s) => total + (s[key] as number), 0);
  const spread = (rows: ArticleScore[], key: 'ms' | 'draftMs') => {
    const times = rows.map((s) => s[key]).sort((a, b) => a - b);
    return `median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(1)}, max ${(times[times.length - 1] ?? 0).toFixed(1)}`;
  };
  const total = (label: string, rows: ArticleScore[]) =>
    `| **${label}** | ${sum(rows, 'expected')} | ${sum(rows, 'found')} | **${ratio(sum(rows, 'found'), sum(rows, 'expected'))}** | ${sum(rows, 'drafts')} | **${ratio(sum(rows, 'matchedDrafts'), sum(rows, 'drafts'))}** | **${sum(rows, 'verbatimQuotes')}/${sum(rows, 'quotes')}** | **${sum(rows, 'duplicatesFound')}/${sum(rows, 'inRecord')} (${sum(rows, 'duplicatesFirst')})** | ${spread(rows, 'draftMs')} | ${spread(rows, 'ms')} |`;
  const lines = [
    '| article | expected | found | recall | drafts | precision | quotes verbatim | duplicates found (first) | ms drafting | ms with duplicates |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const set of ['tuning', 'held-out'] as EvalSet[]) {
    const rows = scores.filter((s) => s.set === set);
    if (!rows.length) continue;
    for (const s of rows) {
      lines.push(
        `| ${s.file.replace(/\.json$/, '')} | ${s.expected} | ${s.found} | ${ratio(s.found, s.expected)} | ${s.drafts} | ${ratio(s.matchedDrafts, s.drafts)} | ${s.verbatimQuotes}/${s.quotes} | ${s.inRecord ? `${s.duplicatesFound}/${s.inRecord} (${s.duplicatesFirst})` : '—'} | ${s.draftMs.toFixed(1)} | ${s.ms.toFixed(1)} |`,
      );
    }
    lines.push(total(`${set} set, ${rows.length} articles`, rows));
  }
  lines.push(total(`all ${scores.length}`, scores));
  return lines.join('\n');
}

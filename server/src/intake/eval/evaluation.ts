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

export interface EvalArticle {
  file: string;
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
export const ARTICLES_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'intake', 'eval', 'articles');

export function readEvaluationSet(dir = ARTICLES_DIR): EvalArticle[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, ...(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Omit<EvalArticle, 'file'>) }));
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

/** The per-article and total table, as Markdown. */
export function formatScores(scores: ArticleScore[]): string {
  const sum = (key: keyof ArticleScore) => scores.reduce((total, s) => total + (s[key] as number), 0);
  const lines = [
    '| article | expected | found | recall | drafts | precision | quotes verbatim | duplicates found (first) | ms drafting | ms with duplicates |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const s of scores) {
    lines.push(
      `| ${s.file.replace(/\.json$/, '')} | ${s.expected} | ${s.found} | ${ratio(s.found, s.expected)} | ${s.drafts} | ${ratio(s.matchedDrafts, s.drafts)} | ${s.verbatimQuotes}/${s.quotes} | ${s.inRecord ? `${s.duplicatesFound}/${s.inRecord} (${s.duplicatesFirst})` : '—'} | ${s.draftMs.toFixed(1)} | ${s.ms.toFixed(1)} |`,
    );
  }
  const spread = (key: 'ms' | 'draftMs') => {
    const times = scores.map((s) => s[key]).sort((a, b) => a - b);
    return `median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(1)}, max ${(times[times.length - 1] ?? 0).toFixed(1)}`;
  };
  lines.push(
    `| **all ${scores.length}** | ${sum('expected')} | ${sum('found')} | **${ratio(sum('found'), sum('expected'))}** | ${sum('drafts')} | **${ratio(sum('matchedDrafts'), sum('drafts'))}** | **${sum('verbatimQuotes')}/${sum('quotes')}** | **${sum('duplicatesFound')}/${sum('inRecord')} (${sum('duplicatesFirst')})** | ${spread('draftMs')} | ${spread('ms')} |`,
  );
  return lines.join('\n');
}

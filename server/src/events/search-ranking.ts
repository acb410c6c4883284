// The first page of a relevance-ordered search without scoring every match, when that can be proved exact.
//
// A common word ("sanctions" is in 19% of the bench's million events) makes exact `ts_rank_cd` ordering score every
// match. Most of them cannot reach the top: the rank of a one-word query is the sum of the weights of the event's
// positions that hold one of the word's lexemes (see the SearchLexemeBound migration), and per lexeme the database
// keeps the largest such sum any event has had. So: rank only the matches among the newest events; if the page's
// last row (plus the one that says whether a next page exists) ranks at least as high as the bound, no older event
// can outrank it (an older one ranking equal sorts after it anyway: ties go newest first). Otherwise the caller ranks
// every match, as before. Rare words never get here with enough candidates, and keep their exact full ranking.
import { DataSource } from 'typeorm';
import type { EventFilter } from './event.inputs';
import { applyFilter } from './filter';
import { QUOTED_LEXEME, TSQUERY } from './search';

/** How many of the newest events (within the filter) the fast path ranks. */
export const RECENT_CANDIDATES = 2000;

export interface FastTopResult {
  /** The exact top `size` ids in relevance order, or undefined when the bound did not separate (rank everything). */
  ids: string[] | undefined;
  /** The bound the candidates had to reach, and the rank they reached (for tests and the bench). */
  bound: number | null;
  candidates: number;
}

/**
 * Searches whose newest events held too few matches, remembered for a while so a rare word does not pay for the
 * attempt on every request (its full ranking is fast anyway). Only a hint: a word that has become common just
 * takes the exact full ranking until it expires.
 */
const RARE_FOR_MS = 5 * 60_000;
const MAX_REMEMBERED = 1000;
const rareSearches = new Map<string, number>();

export function knownRare(search: string, now = Date.now()): boolean {
  const until = rareSearches.get(search);
  if (until === undefined) return false;
  if (until > now) return true;
  rareSearches.delete(search);
  return false;
}

export function rememberRare(search: string, now = Date.now()) {
  if (rareSearches.size >= MAX_REMEMBERED) rareSearches.delete(rareSearches.keys().next().value as string);
  rareSearches.set(search, now + RARE_FOR_MS);
}

/**
 * One row: the fast path's figures, and `top`, the exact top `size` ids in relevance order whichever way they were
 * found (the fast path's when it is exact, else every match ranked: that sub-select is in a CASE branch, so
 * PostgreSQL runs it only then). `rare`: the newest events held fewer than `size` matches. Named parameters, the
 * filter's among them (filter.ts), so a page query over the same filter can take it as a CTE and stay one statement.
 */
export function relevanceTopQuery(
  dataSource: DataSource,
  filter: EventFilter,
  size: number,
  recent = RECENT_CANDIDATES,
): { sql: string; parameters: Record<string, unknown> } {
  // The newest events within the filter, the search left out: read from the start-date index, newest first.
  const window = applyFilter(dataSource.createQueryBuilder().from('event', 'e'), { ...filter, search: undefined })
    .select('e.id', 'id')
    .addSelect('e.start_date', 'start_date')
    .addSelect('e.search_vector', 'search_vector')
    .orderBy('e.start_date', 'DESC')
    .limit(recent);
  // Every match within the filter, ranked as the page query ranks them (event.service.ts).
  const all = applyFilter(dataSource.createQueryBuilder().from('event', 'e'), filter)
    .select('e.id', 'id')
    .addSelect(`ts_rank_cd(e.search_vector, ${TSQUERY})`, 'rank')
    .addSelect('e.start_date', 'start_date')
    .orderBy('rank', 'DESC')
    .addOrderBy('e.start_date', 'DESC')
    .addOrderBy('e.id', 'ASC')
    .limit(size);
  const sql = `WITH recent AS MATERIALIZED (${window.getQuery()}),
            edge AS (SELECT min(start_date) AS day, count(*) < :fRecent AS whole FROM recent),
            -- Events on the oldest day read may have company on that day that was not read: they count as unread.
            candidates AS (
              SELECT r.id, r.start_date, ts_rank_cd(r.search_vector, q.q) AS rank
                FROM recent r, edge, (SELECT ${TSQUERY} AS q) q
               WHERE r.search_vector @@ q.q AND (edge.whole OR r.start_date > edge.day)),
            top AS (
              SELECT id, rank, row_number() OVER (ORDER BY rank DESC, start_date DESC, id) AS ord
                FROM candidates ORDER BY rank DESC, start_date DESC, id LIMIT :fSize),
            q AS (SELECT ${TSQUERY}::text AS text),
            fast AS MATERIALIZED (
              SELECT (SELECT array_agg(id ORDER BY ord) FROM top) AS ids,
                     (SELECT count(*)::int FROM candidates) AS candidates,
                     (SELECT min(rank)::float8 FROM top) AS rank,
                     (SELECT coalesce(sum(b.max_weight), 0)::float8 FROM search_lexeme_bound b
                       WHERE b.lexeme IN (SELECT DISTINCT replace(m[1], '''''', '''') FROM q, regexp_matches(q.text, :fLexeme, 'g') m)) AS bound,
                     (SELECT whole FROM edge) AS whole,
                     (SELECT regexp_replace(q.text, :fLexeme, '', 'g') ~ '^[\\s|()]*$' FROM q) AS or_only),
            verdict AS (
              SELECT *, whole OR (or_only AND coalesce(cardinality(ids), 0) >= :fSize AND rank >= bound) AS exact FROM fast)
       SELECT ids, candidates, rank, bound, exact,
              NOT whole AND coalesce(cardinality(ids), 0) < :fSize AS rare,
              CASE WHEN exact THEN coalesce(ids, '{}')
                   ELSE (SELECT coalesce(array_agg(ranked.id ORDER BY ranked.rank DESC, ranked.start_date DESC, ranked.id), '{}')
                           FROM (${all.getQuery()}) ranked) END AS top
         FROM verdict`;
  return {
    sql,
    parameters: { ...window.getParameters(), ...all.getParameters(), fRecent: recent, fSize: size, fLexeme: QUOTED_LEXEME },
  };
}

export async function exactTopByRelevance(
  dataSource: DataSource,
  filter: EventFilter,
  size: number,
  recent = RECENT_CANDIDATES,
): Promise<FastTopResult> {
  const { sql, parameters } = relevanceTopQuery(dataSource, filter, size, recent);
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  const rows: Array<{ ids: string[] | null; candidates: number; bound: number; exact: boolean }> = await dataSource.query(query, values);
  const row = rows[0];
  return { ids: row?.exact ? (row.ids ?? []) : undefined, bound: row?.bound ?? 0, candidates: row?.candidates ?? 0 };
}

// The benchmark scenarios (the README's Performance section): for each, the app's GraphQL request, the floor's single hand-written SQL
// statement (JSON built in PostgreSQL), and the peer's (PostGraphile) closest GraphQL equivalent.
import { COMMON_TERM, DATA_RANGE, RARE_TERM } from './fill';

export interface HttpRequestSpec {
  path: string;
  body: string;
}

export interface Scenario {
  id: string;
  title: string;
  target: string;
  app: HttpRequestSpec;
  floor: { sql: string; params: unknown[] };
  /** PostGraphile's request; absent when it has nothing close. */
  peer?: HttpRequestSpec;
  /** What must be equal in the app's and the floor's answers (both are GraphQL-shaped JSON). */
  answer(body: GraphQLBody): unknown;
  /** The same from the peer's answer, when it answers the same question; absent when it answers another. */
  peerAnswer?(body: GraphQLBody): unknown;
  /** What the peer's row answers, when it is not the app's question. */
  peerQuestion?: string;
  /** The floor's JSON must be the app's, byte for byte once re-serialised compactly. */
  sameBytes?: boolean;
  /** A relevance search: its answer is compared with exact ranking (overlap@50). */
  search?: string;
  /** Pass/fail of the target from the measured figures; `peer` is missing when the peer did not run. */
  check(measured: { app: Figures; floor?: Figures; peer?: Figures; overlap?: Overlap }): { met: boolean; why: string };
}

// `any`: the answers are read loosely, only to compare the app's with the floor's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphQLBody = { data: any };

const timelineAnswer = ({ data }: GraphQLBody) => ({
  totalCount: data.timeline.totalCount,
  events: data.timeline.events.map((e: { id: string }) => e.id),
  omitted: data.timeline.omitted.map((o: { count: number }) => o.count),
});

/** How much of the exact top 50 (every match ranked) the app's first 50 hold, and whether in the same order. */
export interface Overlap {
  at50: number;
  sameOrder: boolean;
  matches: number;
}

export interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  sqlPerRequest?: number;
  /** Responses the percentiles are over. */
  requests?: number;
}

const gql = (query: string, variables: Record<string, unknown>): HttpRequestSpec => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

export const YEAR_WINDOW = { from: '2020-01-01', to: '2020-12-31' };
/** 1,000 ISO weeks ending with the data: the most buckets one aggregate query may ask for. */
export const WEEKS_1000 = { from: '2005-11-01', to: DATA_RANGE.to };
export const TIMELINE_BUCKETS = 40;

/** SQL that builds the JSON of one event's participants and citations, as the app's resolvers return them. */
const RELATIONS_JSON = `
  'participants', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'side', p.side,
                     'actor', json_build_object('id', a.id, 'name', a.name, 'country', a.country)) ORDER BY p.position, p.role), '[]')
                     FROM event_participant p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = e.id),
  'citations', (SELECT coalesce(json_agg(json_build_object('excerpt', c.excerpt,
                  'source', json_build_object('id', s.id, 'url', s.url, 'title', s.title, 'publisher', s.publisher)) ORDER BY c.position), '[]')
                  FROM citation c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id)`;

const LONGEST_SPAN = `(SELECT coalesce(max(last_date - start_date), 0) FROM event WHERE deleted_at IS NULL)`;

/**
 * The rollup rows over [from, to] from the coarsest table that serves weekly buckets (CoarseRollups migration):
 * whole weeks from the weekly table, the days at either edge from the daily one. Same columns as the daily table.
 */
function weeklyRollup(family: 'count' | 'tone', from: string, to: string): string {
  const columns = family === 'count' ? 'kind, events' : 'direction, toned, tone_sum';
  const wf = `(CASE WHEN date_trunc('week', ${from}::timestamp)::date = ${from}::date THEN ${from}::date ELSE date_trunc('week', ${from}::timestamp)::date + 7 END)`;
  const we = `date_trunc('week', (${to}::date + 1)::timestamp)::date`;
  return `(SELECT day, ${columns} FROM event_${family}_by_day WHERE day BETWEEN ${from}::date AND (CASE WHEN ${wf} < ${we} THEN ${wf} - 1 ELSE ${to}::date END)
           UNION ALL
           SELECT period, ${columns} FROM event_${family}_by_week WHERE period >= ${wf} AND period < ${we}
           UNION ALL
           SELECT day, ${columns} FROM event_${family}_by_day WHERE ${wf} < ${we} AND day BETWEEN ${we} AND ${to}::date)`;
}

/** Rows each slice reads first; a slice re-reads up to maxItems only if all of them were picked (see below). */
const FIRST_READ = 10;

/**
 * The timeline's level-of-detail pick (EventService.timeline) as one statement, tuned: $1 from, $2 to, $3 maxItems.
 *
 * How it was tuned (EXPLAIN ANALYZE on the bench data, against the app's own strategy in one statement):
 * - Each slice ranks only its first 10 events from the index, not its first maxItems: the pick orders by
 *   (importance, rank in slice), so a slice's later events can only be picked if its 10th was. Those few slices
 *   are read again with the full limit, in the same statement; the answer is the same.
 * - The events that began before the window and run into it are counted from a partial index of events that last
 *   more than a day (BeforeWindowIndex migration), with that predicate repeated so the index applies.
 * - Per slice counts come from the daily rollup as the app's do; relations are correlated sub-selects by primary key.
 */
function timelinePickCtes(): string {
  const sliceCandidates = (limit: string) => `SELECT e.id, e.importance, e.start_date FROM event e
           WHERE e.deleted_at IS NULL AND e.last_date >= $1::date AND e.start_date BETWEEN s.first_start AND s.last_start
           ORDER BY e.importance DESC, e.start_date, e.id LIMIT ${limit}`;
  const rankInSlice = 'row_number() OVER (PARTITION BY s.slice ORDER BY c.importance DESC, c.start_date, c.id)';
  return `WITH slices AS (
      SELECT b AS slice,
             CASE WHEN b = 0 THEN $1::date - ${LONGEST_SPAN} ELSE $1::date + (b * ($2::date - $1::date + 1) + ${TIMELINE_BUCKETS - 1}) / ${TIMELINE_BUCKETS} END AS first_start,
             $1::date + ((b + 1) * ($2::date - $1::date + 1) + ${TIMELINE_BUCKETS - 1}) / ${TIMELINE_BUCKETS} - 1 AS last_start
        FROM generate_series(0, ${TIMELINE_BUCKETS - 1}) b),
    first_read AS (
      SELECT s.slice, c.*, ${rankInSlice} AS rn
        FROM slices s CROSS JOIN LATERAL (${sliceCandidates(`least(${FIRST_READ}, $3)`)}) c),
    first_picked AS (SELECT slice, rn FROM first_read ORDER BY importance DESC, rn, start_date, id LIMIT $3),
    deep AS (SELECT DISTINCT slice FROM first_picked WHERE rn = least(${FIRST_READ}, $3)),
    ranked AS (
      SELECT * FROM first_read WHERE slice NOT IN (SELECT slice FROM deep)
      UNION ALL
      SELECT s.slice, c.*, ${rankInSlice} FROM slices s JOIN deep USING (slice) CROSS JOIN LATERAL (${sliceCandidates('$3')}) c),
    picked AS (SELECT id, slice FROM ranked ORDER BY importance DESC, rn, start_date, id LIMIT $3),
    totals AS (
      SELECT s.slice,
             (SELECT coalesce(sum(events), 0) FROM event_count_by_day WHERE day BETWEEN greatest(s.first_start, $1::date) AND s.last_start)
             + CASE WHEN s.slice = 0 THEN (
                 SELECT count(*) FROM event e
                  WHERE e.deleted_at IS NULL AND e.last_date > e.start_date AND e.last_date >= $1::date AND e.start_date < $1::date
                    AND e.start_date >= $1::date - ${LONGEST_SPAN})
               ELSE 0 END AS n
        FROM slices s),
    left_out AS (SELECT slice, n - (SELECT count(*) FROM picked p WHERE p.slice = t.slice) AS n FROM totals t),
    span AS (SELECT $2::date - $1::date + 1 AS days)`;
}

/** The first day of a left-out slice, and its last, over `left_out` and `span`. */
const SLICE_FROM = `$1::date + (slice * days) / ${TIMELINE_BUCKETS}`;
const SLICE_TO = `$1::date + greatest((slice * days) / ${TIMELINE_BUCKETS}, ((slice + 1) * days) / ${TIMELINE_BUCKETS} - 1)`;

function timelineFloorSql(withRelations: boolean): string {
  return `${timelinePickCtes()}
    SELECT json_build_object('data', json_build_object('timeline', json_build_object(
      'from', $1::date, 'to', $2::date,
      'totalCount', (SELECT sum(n) FROM totals),
      'events', (SELECT coalesce(json_agg(json_build_object(
                   'id', e.id, 'kind', e.kind, 'title', e.title, 'startDate', e.start_date, 'endDate', e.end_date,
                   'datePrecision', e.date_precision, 'tone', e.tone, 'importance', e.importance, 'direction', e.direction
                   ${withRelations ? `, ${RELATIONS_JSON}` : ''}) ORDER BY e.start_date, e.id), '[]')
                   FROM picked JOIN event e ON e.id = picked.id),
      'omitted', (SELECT coalesce(json_agg(json_build_object(
                    'from', ${SLICE_FROM}, 'to', ${SLICE_TO}, 'count', n) ORDER BY slice), '[]')
                    FROM left_out, span WHERE n > 0)
    )))::text AS body`;
}

const EVENT_FIELDS = 'id kind title startDate endDate datePrecision tone importance direction';
const RELATION_FIELDS = 'participants { role side actor { id name country } } citations { excerpt source { id url title publisher } }';
// PostGraphile names the uuid column rowId (its own `id` is the Node id) and orders only by indexed columns.
const PEER_EVENT_FIELDS = 'id: rowId kind title startDate endDate datePrecision tone importance direction';
const PEER_RELATION_FIELDS =
  'eventParticipantsByEventId { nodes { role side actorByActorId { id: rowId name country } } } ' +
  'citationsByEventId { nodes { excerpt sourceBySourceId { id: rowId url title publisher } } }';

/** The app's timeline question put to PostGraphile: its pick and its left-out counts, from two SQL functions. */
const peerTimeline = (fields: string, window: { from: string; to: string }) =>
  gql(
    `query Window($from: Date!, $to: Date!) { benchTimelineEvents(fromDate: $from, toDate: $to, maxItems: 200) { nodes { ${fields} } } ` +
      `benchTimelineOmitted(fromDate: $from, toDate: $to, maxItems: 200) { nodes { startDay endDay n totalCount } } }`,
    window,
  );

const peerTimelineAnswer = ({ data }: GraphQLBody) => ({
  totalCount: data.benchTimelineOmitted.nodes[0]?.totalCount ?? data.benchTimelineEvents.nodes.length,
  events: data.benchTimelineEvents.nodes.map((e: { id: string }) => e.id),
  omitted: data.benchTimelineOmitted.nodes.filter((o: { n: number }) => o.n > 0).map((o: { n: number }) => o.n),
});

const TSQUERY = `(websearch_to_tsquery('english', $1) || websearch_to_tsquery('russian', $1) || websearch_to_tsquery('simple', $1))`;

function searchScenario(id: string, term: string, label: string, p95Target: number, minOverlap: number, exactOrder: boolean): Scenario {
  return {
    id,
    title: `(b) full-text search, 50 results, ${label} term "${term}"`,
    target: `p95 ≤ ${p95Target} ms, ${exactOrder ? 'exact order' : `overlap@50 ≥ ${minOverlap} vs exact`}`,
    app: gql(
      `query Search($q: String!) { events(filter: { search: $q }, first: 50) { edges { cursor rank snippet { text highlights { start length } } node { id kind title startDate } } pageInfo { hasNextPage } } }`,
      { q: term },
    ),
    floor: {
      // The same ordering and snippet as EventService.list with a search; highlights are parsed out by the client here.
      sql: `WITH hits AS (
          SELECT e.id, e.kind, e.title, e.start_date, e.summary, e.quote, ts_rank_cd(e.search_vector, ${TSQUERY}) AS rank
            FROM event e WHERE e.deleted_at IS NULL AND e.search_vector @@ ${TSQUERY}
           ORDER BY rank DESC, e.start_date DESC, e.id LIMIT 51)
        SELECT json_build_object('data', json_build_object('events', json_build_object(
          'edges', (SELECT coalesce(json_agg(json_build_object('rank', rank,
                      'snippet', ts_headline('english', concat_ws(' — ', title, summary, quote), ${TSQUERY},
                                   'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                      'node', json_build_object('id', id, 'kind', kind, 'title', title, 'startDate', start_date))), '[]')
                      FROM (SELECT * FROM hits ORDER BY rank DESC, start_date DESC, id LIMIT 50) top),
          'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > 50 FROM hits)))))::text AS body`,
      params: [term],
    },
    peer: gql(
      `query Search($q: String!) { benchSearchEvents(q: $q, first: 50) { nodes { id: rowId kind title startDate } pageInfo { hasNextPage } } }`,
      { q: term },
    ),
    peerQuestion: 'the same 50 in the same order, without snippets',
    search: term,
    answer: ({ data }) => data.events.edges.map((e: { node: { id: string } }) => e.node.id),
    peerAnswer: ({ data }) => data.benchSearchEvents.nodes.map((e: { id: string }) => e.id),
    check: ({ app, overlap }) => {
      const problems: string[] = [];
      if (app.p95 > p95Target) problems.push(`p95 ${app.p95.toFixed(1)} ms vs ${p95Target} ms`);
      if (overlap && overlap.at50 < minOverlap) problems.push(`overlap@50 ${overlap.at50.toFixed(2)} vs ${minOverlap}`);
      if (overlap && exactOrder && !overlap.sameOrder) problems.push('order differs from exact ranking');
      const overlapText = overlap ? `, overlap@50 ${overlap.at50.toFixed(2)}${overlap.sameOrder ? ', exact order' : ''}` : '';
      return { met: problems.length === 0, why: problems.length ? problems.join('; ') : `p95 ${app.p95.toFixed(1)} ms${overlapText}` };
    },
  };
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'a-window',
    title: '(a) one-year window, 200 events with participants, actors, citations',
    target: 'req/s ≥ 1.0× PostGraphile (stretch 1.5×); p50 ≤ 1.3× the tuned floor',
    app: gql(
      `query Window($from: Date!, $to: Date!) { timeline(from: $from, to: $to, maxItems: 200) { from to totalCount events { ${EVENT_FIELDS} ${RELATION_FIELDS} } omitted { from to count } } }`,
      YEAR_WINDOW,
    ),
    floor: { sql: timelineFloorSql(true), params: [YEAR_WINDOW.from, YEAR_WINDOW.to, 200] },
    sameBytes: true,
    peer: peerTimeline(`${PEER_EVENT_FIELDS} ${PEER_RELATION_FIELDS}`, YEAR_WINDOW),
    answer: (body) => ({
      ...timelineAnswer(body),
      relations: body.data.timeline.events.map((e: { participants: unknown[]; citations: unknown[] }) => [
        e.participants.length,
        e.citations.length,
      ]),
    }),
    peerAnswer: (body) => ({
      ...peerTimelineAnswer(body),
      relations: body.data.benchTimelineEvents.nodes.map(
        (e: { eventParticipantsByEventId: { nodes: unknown[] }; citationsByEventId: { nodes: unknown[] } }) => [
          e.eventParticipantsByEventId.nodes.length,
          e.citationsByEventId.nodes.length,
        ],
      ),
    }),
    check: ({ app, floor, peer }) => {
      const problems: string[] = [];
      if (floor && app.p50 > 1.3 * floor.p50) problems.push(`p50 ${(app.p50 / floor.p50).toFixed(2)}× the tuned floor`);
      if (peer && app.rps < peer.rps) problems.push(`req/s ${(app.rps / peer.rps).toFixed(2)}× PostGraphile`);
      return {
        met: problems.length === 0,
        why:
          problems.join('; ') ||
          `p50 ${floor ? (app.p50 / floor.p50).toFixed(2) : '?'}× the tuned floor, req/s ${peer ? (app.rps / peer.rps).toFixed(2) : '?'}× PostGraphile`,
      };
    },
  },
  searchScenario('b-search-rare', RARE_TERM, 'rare', 50, 1, true),
  searchScenario('b-search-common', COMMON_TERM, 'common', 300, 0.9, false),
  {
    id: 'c-timeline-30y',
    title: '(c) `timeline` level of detail over all 30 years',
    target: 'p95 ≤ 50 ms',
    app: gql(
      `query TimelineWindow($from: Date!, $to: Date!) { timeline(from: $from, to: $to, maxItems: 200) { from to totalCount events { ${EVENT_FIELDS} } omitted { from to count } } }`,
      DATA_RANGE,
    ),
    floor: { sql: timelineFloorSql(false), params: [DATA_RANGE.from, DATA_RANGE.to, 200] },
    sameBytes: true,
    peer: peerTimeline(PEER_EVENT_FIELDS, DATA_RANGE),
    answer: timelineAnswer,
    peerAnswer: peerTimelineAnswer,
    check: ({ app }) => ({ met: app.p95 <= 50, why: `p95 ${app.p95.toFixed(1)} ms vs 50 ms` }),
  },
  {
    id: 'd-event-counts',
    title: '(d) `eventCounts`, 1,000 weekly buckets',
    target: 'p95 ≤ 50 ms',
    app: gql(
      `query Counts($from: Date!, $to: Date!) { eventCounts(from: $from, to: $to, bucket: WEEK) { start end count byKind { kind count } } }`,
      WEEKS_1000,
    ),
    floor: {
      // From the same rollups the app reads: whole weeks and the edge days (EventDailyRollups, CoarseRollups).
      sql: `WITH counts AS (
          SELECT date_trunc('week', day::timestamp)::date AS b, kind, sum(events) AS n
            FROM ${weeklyRollup('count', '$1', '$2')} r GROUP BY 1, 2 HAVING sum(events) > 0),
        buckets AS (SELECT b::date AS start FROM generate_series(date_trunc('week', $1::date::timestamp), $2::date::timestamp, interval '1 week') b)
        SELECT json_build_object('data', json_build_object('eventCounts', json_agg(json_build_object(
                 'start', start, 'end', start + 6, 'count', coalesce(total, 0), 'byKind', coalesce(by_kind, '[]')) ORDER BY start)))::text AS body
          FROM (SELECT buckets.start, sum(n) AS total, json_agg(json_build_object('kind', kind, 'count', n) ORDER BY kind) FILTER (WHERE kind IS NOT NULL) AS by_kind
                  FROM buckets LEFT JOIN counts ON counts.b = buckets.start GROUP BY buckets.start) per_bucket`,
      params: [WEEKS_1000.from, WEEKS_1000.to],
    },
    peer: gql(
      `query Counts($from: Date!, $to: Date!) { benchWeeklyCounts(fromDate: $from, toDate: $to) { nodes { start kind n } } }`,
      WEEKS_1000,
    ),
    answer: ({ data }) => data.eventCounts.map((b: { start: string; count: number; byKind: unknown[] }) => [b.start, b.count, b.byKind]),
    check: ({ app }) => ({ met: app.p95 <= 50, why: `p95 ${app.p95.toFixed(1)} ms vs 50 ms` }),
  },
  {
    id: 'd-temperature',
    title: '(d) `relationsTemperature`, 1,000 weekly buckets',
    target: 'p95 ≤ 50 ms',
    app: gql(
      `query Temperature($from: Date!, $to: Date!) { relationsTemperature(from: $from, to: $to, bucket: WEEK) { start end usToRu { count toneSum meanTone smoothed } ruToUs { count toneSum meanTone smoothed } all { count toneSum meanTone smoothed } } }`,
      WEEKS_1000,
    ),
    floor: {
      // Sums per week from the app's rollups, then the exponential smoothing (factor 0.3, carried over empty
      // weeks) in closed form: after k non-empty weeks, 0.7^k · Σ c_j with c_1 = m_1/0.7 and c_j = 0.3 · m_j · 0.7^−j.
      sql: `WITH buckets AS (
          SELECT row_number() OVER (ORDER BY b) AS i, b::date AS start
            FROM generate_series(date_trunc('week', $1::date::timestamp), $2::date::timestamp, interval '1 week') b),
        sums AS (
          SELECT date_trunc('week', day::timestamp)::date AS b,
                 sum(toned) FILTER (WHERE direction = 'US_TO_RU') AS us_n, sum(tone_sum) FILTER (WHERE direction = 'US_TO_RU')::float8 AS us_sum,
                 sum(toned) FILTER (WHERE direction = 'RU_TO_US') AS ru_n, sum(tone_sum) FILTER (WHERE direction = 'RU_TO_US')::float8 AS ru_sum,
                 sum(toned) AS all_n, sum(tone_sum)::float8 AS all_sum
            FROM ${weeklyRollup('tone', '$1', '$2')} r GROUP BY 1 HAVING sum(toned) > 0),
        weeks AS (
          SELECT i, start, coalesce(us_n, 0) AS us_n, coalesce(us_sum, 0) AS us_sum, coalesce(ru_n, 0) AS ru_n, coalesce(ru_sum, 0) AS ru_sum,
                 coalesce(all_n, 0) AS all_n, coalesce(all_sum, 0) AS all_sum
            FROM buckets LEFT JOIN sums ON sums.b = buckets.start),
        counted AS (
          SELECT w.*, count(*) FILTER (WHERE us_n > 0) OVER (ORDER BY i) AS us_k, count(*) FILTER (WHERE ru_n > 0) OVER (ORDER BY i) AS ru_k,
                 count(*) FILTER (WHERE all_n > 0) OVER (ORDER BY i) AS all_k
            FROM weeks w),
        terms AS (
          SELECT c.*,
                 CASE WHEN us_n > 0 THEN (CASE WHEN us_k = 1 THEN 1 ELSE 0.3 END)::float8 * us_sum / us_n * power(0.7::float8, -us_k) END AS us_c,
                 CASE WHEN ru_n > 0 THEN (CASE WHEN ru_k = 1 THEN 1 ELSE 0.3 END)::float8 * ru_sum / ru_n * power(0.7::float8, -ru_k) END AS ru_c,
                 CASE WHEN all_n > 0 THEN (CASE WHEN all_k = 1 THEN 1 ELSE 0.3 END)::float8 * all_sum / all_n * power(0.7::float8, -all_k) END AS all_c
            FROM counted c),
        smooth AS (
          SELECT t.*,
                 CASE WHEN us_k > 0 THEN power(0.7::float8, us_k) * sum(us_c) OVER (ORDER BY i) END AS us_s,
                 CASE WHEN ru_k > 0 THEN power(0.7::float8, ru_k) * sum(ru_c) OVER (ORDER BY i) END AS ru_s,
                 CASE WHEN all_k > 0 THEN power(0.7::float8, all_k) * sum(all_c) OVER (ORDER BY i) END AS all_s
            FROM terms t)
        SELECT json_build_object('data', json_build_object('relationsTemperature', json_agg(json_build_object(
                 'start', start, 'end', start + 6,
                 'usToRu', json_build_object('count', us_n, 'toneSum', us_sum, 'meanTone', CASE WHEN us_n > 0 THEN us_sum / us_n END, 'smoothed', us_s),
                 'ruToUs', json_build_object('count', ru_n, 'toneSum', ru_sum, 'meanTone', CASE WHEN ru_n > 0 THEN ru_sum / ru_n END, 'smoothed', ru_s),
                 'all', json_build_object('count', all_n, 'toneSum', all_sum, 'meanTone', CASE WHEN all_n > 0 THEN all_sum / all_n END, 'smoothed', all_s)
               ) ORDER BY i)))::text AS body
          FROM smooth`,
      params: [WEEKS_1000.from, WEEKS_1000.to],
    },
    peer: gql(
      `query Temperature($from: Date!, $to: Date!) { benchWeeklyTone(fromDate: $from, toDate: $to) { nodes { start usN usSum ruN ruSum allN allSum } } }`,
      WEEKS_1000,
    ),
    answer: ({ data }) =>
      data.relationsTemperature.map(
        (p: Record<'usToRu' | 'ruToUs' | 'all', { count: number; smoothed: number | null }> & { start: string }) => [
          p.start,
          ...(['usToRu', 'ruToUs', 'all'] as const).map((d) => [
            p[d].count,
            p[d].smoothed === null ? null : Math.round(p[d].smoothed * 1e6) / 1e6,
          ]),
        ],
      ),
    check: ({ app }) => ({ met: app.p95 <= 50, why: `p95 ${app.p95.toFixed(1)} ms vs 50 ms` }),
  },
];

/**
 * What PostGraphile gets to answer the scenarios it has no built-in field for: plain SQL functions it exposes as
 * query fields (a window ordered by importance, a ranked search, weekly sums of the app's daily rollups). They live
 * only in the bench database.
 */
export const PEER_FUNCTIONS_SQL = `
CREATE OR REPLACE FUNCTION bench_timeline_events(from_date date, to_date date, max_items integer) RETURNS SETOF event
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  ${timelinePickCtes()}
  SELECT e.* FROM picked JOIN event e ON e.id = picked.id ORDER BY e.start_date, e.id
$$;
DO $$ BEGIN
  CREATE TYPE bench_omitted_slice AS (start_day date, end_day date, n integer, total_count integer);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION bench_timeline_omitted(from_date date, to_date date, max_items integer) RETURNS SETOF bench_omitted_slice
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  ${timelinePickCtes()}
  SELECT ${SLICE_FROM}, ${SLICE_TO}, n::int, (SELECT sum(n) FROM totals)::int FROM left_out, span WHERE n > 0 ORDER BY slice
$$;
CREATE OR REPLACE FUNCTION bench_search_events(q text) RETURNS SETOF event LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM event e
   WHERE e.deleted_at IS NULL
     AND e.search_vector @@ (websearch_to_tsquery('english', q) || websearch_to_tsquery('russian', q) || websearch_to_tsquery('simple', q))
   ORDER BY ts_rank_cd(e.search_vector, websearch_to_tsquery('english', q) || websearch_to_tsquery('russian', q) || websearch_to_tsquery('simple', q)) DESC,
            e.start_date DESC, e.id
$$;
DO $$ BEGIN
  CREATE TYPE bench_week_count AS (start date, kind text, n integer);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION bench_weekly_counts(from_date date, to_date date) RETURNS SETOF bench_week_count LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT date_trunc('week', day::timestamp)::date, kind, sum(events)::int
    FROM ${weeklyRollup('count', 'from_date', 'to_date')} r GROUP BY 1, 2 HAVING sum(events) > 0 ORDER BY 1, 2
$$;
DO $$ BEGIN
  CREATE TYPE bench_week_tone AS (start date, us_n integer, us_sum float8, ru_n integer, ru_sum float8, all_n integer, all_sum float8);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION bench_weekly_tone(from_date date, to_date date) RETURNS SETOF bench_week_tone LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT date_trunc('week', day::timestamp)::date,
         coalesce(sum(toned) FILTER (WHERE direction = 'US_TO_RU'), 0)::int, coalesce(sum(tone_sum) FILTER (WHERE direction = 'US_TO_RU'), 0)::float8,
         coalesce(sum(toned) FILTER (WHERE direction = 'RU_TO_US'), 0)::int, coalesce(sum(tone_sum) FILTER (WHERE direction = 'RU_TO_US'), 0)::float8,
         sum(toned)::int, sum(tone_sum)::float8
    FROM ${weeklyRollup('tone', 'from_date', 'to_date')} r GROUP BY 1 HAVING sum(toned) > 0 ORDER BY 1
$$;
`;

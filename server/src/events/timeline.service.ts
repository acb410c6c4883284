// The timeline's level of detail: the few hundred events a window can draw, the most important first, and counts
// of what was left out.
import { DataSource } from 'typeorm';
import { addDaysIso, daysBetween } from '@detente/shared';
import { AnswerText, type AnswerShape } from '../common/answer-text';
import { badInput } from '../common/errors';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';
import { LONGEST_SPAN_DAYS, applyFilter, rollupAnswers } from './filter';
import { CompiledEvent, Selection, eventJson, eventText } from './compiled-reads';

interface PickRow {
  id: string | null;
  bucket: number;
  total: string | null;
  picked: boolean;
  /** The event's JSON, on picked rows of a compiled read (its text, when the answer is written as text). */
  node?: CompiledEvent | string;
}

/** What the pick returns for each picked event: its JSON for the executor, or its JSON text for the answer. */
type NodeSql = { sql: string; type: 'json' | 'text' };

const WINDOW_FIELDS = new Set(['__typename', 'from', 'to', 'totalCount', 'events', 'omitted']);
const OMITTED_FIELDS = new Set(['__typename', 'from', 'to', 'count']);

/** The SQL of an events shape's text, when the whole TimelineWindow shape can be written as text. */
function windowText(dataSource: DataSource, shape: AnswerShape): { events?: string } | undefined {
  if (!shape.every((f) => WINDOW_FIELDS.has(f.name))) return undefined;
  const omitted = shape.find((f) => f.name === 'omitted');
  if (omitted && !omitted.shape?.every((f) => OMITTED_FIELDS.has(f.name))) return undefined;
  const events = shape.find((f) => f.name === 'events')?.shape;
  if (!events) return {};
  const sql = eventText(dataSource, events, 'ev');
  return sql === undefined ? undefined : { events: sql };
}

/** Whether `timeline` can write this shape as text (common/answer-text.ts). */
export const timelineWrites = (dataSource: DataSource, shape: AnswerShape) => windowText(dataSource, shape) !== undefined;

export const DEFAULT_TIMELINE_BUCKETS = 40;

export interface OmittedBucket {
  from: string;
  to: string;
  count: number;
}

/**
 * Candidates read per slice before the re-read: a slice gives at most a few of the picked events, so the first
 * `SLICE_READ` by rank nearly always decide; where a slice gave all of them, it is read again in full.
 */
export const SLICE_READ = 10;

export interface TimelineResult {
  from: string;
  to: string;
  events: Array<Event | CompiledEvent>;
  totalCount: number;
  omitted: OmittedBucket[];
}

export class TimelineService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The level-of-detail window: at most `maxItems` events, the most important first; among equals, round-robin
   * across `buckets` slices of the window so the choice is spread over time. What is left out is counted per slice.
   *
   * Ranked per slice, only a slice's first `maxItems` events (by importance, then date) can ever be picked, so each
   * slice reads just those from the index instead of the whole window being ranked. The counts per slice come from
   * the daily rollup when the filter allows (none, or kinds only), from a scan of the window otherwise.
   *
   * Given the selection of its events (a compiled read), the same statement returns the picked events as the
   * answer's JSON, and each slice first reads only `SLICE_READ` candidates. Ranked within its slice, a slice's next
   * candidate never comes before its last one read, so the pick is the same unless a slice gave every one it read;
   * those slices (when there are any) are read again in full within the statement, and the pick made again. Slices
   * not read again can only lose picks to them, so theirs stay exact. Without a selection it reads as it always
   * did: the reference the tests compare the compiled read to.
   */
  async timeline(
    from: string,
    to: string,
    filter: EventFilter | undefined,
    maxItems: number,
    buckets = DEFAULT_TIMELINE_BUCKETS,
    nodes?: Selection,
  ): Promise<TimelineResult> {
    const node = nodes && { sql: eventJson(this.dataSource, nodes, 'ev'), type: 'json' as const };
    const { rows, omitted } = await this.pick(from, to, filter, maxItems, buckets, node);
    const picked = rows.filter((r) => r.picked);
    const events: TimelineResult['events'] = nodes
      ? picked.map((r) => r.node as CompiledEvent)
      : picked.length
        ? await this.dataSource
            .getRepository(Event)
            .createQueryBuilder('e')
            .whereInIds(picked.map((r) => r.id as string))
            .orderBy('e.start_date')
            .addOrderBy('e.id')
            .getMany()
        : [];
    const totalCount = events.length + omitted.reduce((sum, b) => sum + b.count, 0);
    return { from, to, events, totalCount, omitted };
  }

  /**
   * The same window as the answer's JSON text for an exact shape of TimelineWindow (common/answer-text.ts), or
   * undefined when the shape holds something only the executor answers.
   */
  async timelineText(
    from: string,
    to: string,
    filter: EventFilter | undefined,
    maxItems: number,
    shape: AnswerShape,
  ): Promise<AnswerText | undefined> {
    const text = windowText(this.dataSource, shape);
    if (!text) return undefined;
    // Without events asked, each picked row still carries a (null) text, so the pick reads as a compiled read does.
    const node = { sql: text.events ?? `'null'`, type: 'text' as const };
    const { rows, omitted } = await this.pick(from, to, filter, maxItems, DEFAULT_TIMELINE_BUCKETS, node);
    const picked = rows.filter((r) => r.picked);
    const totalCount = picked.length + omitted.reduce((sum, b) => sum + b.count, 0);
    const value = (name: string, sub: AnswerShape | undefined): string => {
      switch (name) {
        case '__typename':
          return '"TimelineWindow"';
        case 'from':
          return JSON.stringify(from);
        case 'to':
          return JSON.stringify(to);
        case 'totalCount':
          return String(totalCount);
        case 'events':
          return `[${picked.map((r) => r.node as string).join(',')}]`;
        default:
          // omitted: small objects, written by JSON.stringify with their keys in the shape's order.
          return JSON.stringify(
            omitted.map((b) =>
              Object.fromEntries(
                (sub ?? []).map((f) => [f.key, f.name === '__typename' ? 'OmittedBucket' : b[f.name as keyof OmittedBucket]]),
              ),
            ),
          );
      }
    };
    return new AnswerText(`{${shape.map((f) => `${JSON.stringify(f.key)}:${value(f.name, f.shape)}`).join(',')}}`);
  }

  /**
   * The pick and the counts in one statement: a row per picked event (with its JSON or text when compiled), one
   * per slice; and from those, the counts of what was left out per slice.
   */
  private async pick(
    from: string,
    to: string,
    filter: EventFilter | undefined,
    maxItems: number,
    buckets: number,
    node: NodeSql | undefined,
  ): Promise<{ rows: PickRow[]; omitted: OmittedBucket[] }> {
    if (from > to) throw badInput('Argument "from" must not be after "to"', 'from');
    const days = daysBetween(from, to) + 1;
    const firstRead = node ? Math.min(SLICE_READ, maxItems) : maxItems;
    const window = { tFrom: from, tTo: to, tBuckets: buckets, tDays: days, tMax: maxItems, tRead: firstRead };
    // An event's slice: its start day's offset in the window (events that began earlier fall in the first), scaled.
    const sliceOf = (start: string) => `least(:tBuckets - 1, ((greatest(${start}, :tFrom::date) - :tFrom::date) * :tBuckets) / :tDays)`;
    const candidates = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to: undefined })
      .select('e.id', 'id')
      .addSelect('e.importance', 'importance')
      .addSelect('e.start_date', 'start_date')
      .andWhere('e.start_date BETWEEN s.first_start AND s.last_start')
      .orderBy('e.importance', 'DESC')
      .addOrderBy('e.start_date')
      .addOrderBy('e.id')
      .limit(maxItems);
    const rankedIn = (limited: string) => `SELECT s.slice, c.id, c.importance, c.start_date,
                     row_number() OVER (PARTITION BY s.slice ORDER BY c.importance DESC, c.start_date, c.id) AS rn
                FROM slices s CROSS JOIN LATERAL (${limited}) c`;
    const ranked =
      firstRead < maxItems
        ? `first_ranked AS (${rankedIn(candidates.clone().limit(firstRead).getQuery())}),
            first_picked AS (SELECT slice FROM first_ranked ORDER BY importance DESC, rn, start_date, id LIMIT :tMax),
            full_slices AS (SELECT slice FROM first_picked GROUP BY slice HAVING count(*) >= :tRead),
            ranked AS (
              SELECT * FROM first_ranked WHERE slice NOT IN (SELECT slice FROM full_slices)
              UNION ALL
              SELECT r.* FROM (${rankedIn(candidates.getQuery())} WHERE s.slice IN (SELECT slice FROM full_slices)) r)`
        : `ranked AS (${rankedIn(candidates.getQuery())})`;
    let totals: { sql: string; parameters: Record<string, unknown> };
    if (rollupAnswers(filter)) {
      const earlier = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to: undefined })
        .select('count(*)')
        .andWhere('e.start_date < :tFrom')
        // Implied by the window (it ends on or after from, after its start), and lets event_spanning_start_idx (migration BeforeWindowIndex) answer.
        .andWhere('e.last_date > e.start_date');
      // Per slice, whole weeks from the weekly rollup and the edge days from the daily one (RollupRangeCount).
      const inSlice = `event_count_between(greatest(s.first_start, :tFrom::date), s.last_start, :tKinds::varchar[])`;
      totals = {
        sql: `SELECT s.slice, ${inSlice} + CASE WHEN s.slice = 0 THEN (${earlier.getQuery()}) ELSE 0 END AS n FROM slices s`,
        parameters: { ...earlier.getParameters(), tKinds: filter?.kinds?.length ? filter.kinds : null },
      };
    } else {
      const scan = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to })
        .select(sliceOf('e.start_date'), 'slice')
        .addSelect('count(*)', 'n')
        .groupBy('1');
      totals = { sql: scan.getQuery(), parameters: scan.getParameters() };
    }
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH slices AS (
              SELECT b AS slice,
                     CASE WHEN b = 0 THEN :tFrom::date - ${LONGEST_SPAN_DAYS} ELSE :tFrom::date + (b * :tDays + :tBuckets - 1) / :tBuckets END AS first_start,
                     :tFrom::date + ((b + 1) * :tDays + :tBuckets - 1) / :tBuckets - 1 AS last_start
                FROM generate_series(0, :tBuckets - 1) b),
            ${ranked},
            picked AS (SELECT id, slice FROM ranked ORDER BY importance DESC, rn, start_date, id LIMIT :tMax),
            totals AS (${totals.sql})
       ${
         node
           ? `SELECT p.id, p.slice AS bucket, NULL::bigint AS total, true AS picked, ${node.sql} AS node,
                     ev.start_date AS start
                FROM picked p JOIN event ev ON ev.id = p.id
              UNION ALL
              SELECT NULL, t.slice, t.n - (SELECT count(*) FROM picked p WHERE p.slice = t.slice), false, NULL::${node.type}, NULL::date FROM totals t
              ORDER BY picked DESC, start, id`
           : `SELECT p.id, p.slice AS bucket, NULL::bigint AS total, true AS picked FROM picked p
              UNION ALL
              SELECT NULL, t.slice, t.n - (SELECT count(*) FROM picked p WHERE p.slice = t.slice), false FROM totals t`
       }`,
      { ...candidates.getParameters(), ...totals.parameters, ...window },
    );
    const rows: PickRow[] = await this.dataSource.query(sql, params);
    const omitted = rows
      .filter((r) => !r.picked && Number(r.total) > 0)
      .map((r) => {
        const b = Number(r.bucket);
        const start = Math.floor((b * days) / buckets);
        const end = Math.floor(((b + 1) * days) / buckets) - 1;
        return { from: addDaysIso(from, start), to: addDaysIso(from, Math.max(start, end)), count: Number(r.total) };
      })
      .sort((a, b) => a.from.localeCompare(b.from));
    return { rows, omitted };
  }
}

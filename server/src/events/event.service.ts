// Reads events: filtered keyset pages, one event, and the level-of-detail window behind the timeline.
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ConnectionShape } from '../common/pagination';
import { badInput } from '../common/errors';
import { fetchKeysetPage, PageRequest, selectKeys, SortKey } from '../common/keyset';
import { UUID_PATTERN } from '../common/ids';
import { Event } from './event.entity';
import { EventFilter, EventOrder } from './event.inputs';
import { rollupAnswers } from './aggregates';

/** The search query in all three configurations the stored vector holds; `:fSearch` is the user's text. */
const TSQUERY = `(websearch_to_tsquery('english', :fSearch) || websearch_to_tsquery('russian', :fSearch) || websearch_to_tsquery('simple', :fSearch))`;
// Private-use characters mark the matches, so the snippet is plain text and no markup from the data can slip through.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface Snippet {
  text: string;
  highlights: Array<{ start: number; length: number }>;
}

export function parseSnippet(marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = text.length;
    else if (ch === MARK_END) {
      if (open >= 0) highlights.push({ start: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}

const key = (expr: string, dir: SortKey['dir'], type: SortKey['type'], alias: string): SortKey => ({ expr, dir, type, alias });
/** The only orderings there are: client enums map to these columns, never to client text. */
const ORDERS: Record<EventOrder, SortKey[]> = {
  [EventOrder.DATE_ASC]: [key('e.start_date', 'ASC', 'date', 'k_date'), key('e.id', 'ASC', 'uuid', 'k_id')],
  [EventOrder.DATE_DESC]: [key('e.start_date', 'DESC', 'date', 'k_date'), key('e.id', 'DESC', 'uuid', 'k_id')],
  [EventOrder.IMPORTANCE_DESC]: [
    key('e.importance', 'DESC', 'number', 'k_importance'),
    key('e.start_date', 'ASC', 'date', 'k_date'),
    key('e.id', 'ASC', 'uuid', 'k_id'),
  ],
  [EventOrder.RELEVANCE]: [
    key(`ts_rank_cd(e.search_vector, ${TSQUERY})`, 'DESC', 'number', 'k_rank'),
    key('e.start_date', 'DESC', 'date', 'k_date'),
    key('e.id', 'ASC', 'uuid', 'k_id'),
  ],
};

/** Days of the longest span of any live event (an InitPlan over event_span_idx, evaluated once per query). */
const LONGEST_SPAN_DAYS = `(SELECT coalesce(max(span.last_date - span.start_date), 0) FROM event span WHERE span.deleted_at IS NULL)`;

export const DEFAULT_TIMELINE_BUCKETS = 40;

export interface OmittedBucket {
  from: string;
  to: string;
  count: number;
}

export interface TimelineResult {
  from: string;
  to: string;
  events: Event[];
  totalCount: number;
  omitted: OmittedBucket[];
}

/** Adds `days` to a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export class EventService {
  constructor(private readonly dataSource: DataSource) {}

  private base(): SelectQueryBuilder<Event> {
    return this.dataSource.getRepository(Event).createQueryBuilder('e');
  }

  /** Applies a filter to a query over `event e`; every condition is a bound parameter, never spliced text. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- query builders of any selected shape over the event table
  applyFilter<T extends SelectQueryBuilder<any>>(qb: T, filter: EventFilter | undefined, alias = 'e'): T {
    qb.andWhere(`${alias}.deleted_at IS NULL`);
    if (!filter) return qb;
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.from must not be after filter.to', 'filter.from');
    if (filter.minTone !== undefined && filter.maxTone !== undefined && filter.minTone > filter.maxTone) {
      throw badInput('filter.minTone must not be above filter.maxTone', 'filter.minTone');
    }
    if (filter.from) {
      // last_date is coalesce(end_date, start_date). The lower bound on start_date (from minus the longest live span,
      // read from event_span_idx) adds nothing logically but lets the start_date index serve the window.
      qb.andWhere(`${alias}.last_date >= :fFrom`, { fFrom: filter.from });
      qb.andWhere(`${alias}.start_date >= :fFrom::date - ${LONGEST_SPAN_DAYS}`);
    }
    if (filter.to) qb.andWhere(`${alias}.start_date <= :fTo`, { fTo: filter.to });
    if (filter.kinds?.length) qb.andWhere(`${alias}.kind IN (:...fKinds)`, { fKinds: filter.kinds });
    if (filter.directions?.length) qb.andWhere(`${alias}.direction IN (:...fDirections)`, { fDirections: filter.directions });
    if (filter.verifications?.length)
      qb.andWhere(`${alias}.verification IN (:...fVerifications)`, { fVerifications: filter.verifications });
    if (filter.minImportance) qb.andWhere(`${alias}.importance >= :fMinImportance`, { fMinImportance: filter.minImportance });
    if (filter.minTone !== undefined) qb.andWhere(`${alias}.tone >= :fMinTone`, { fMinTone: filter.minTone });
    if (filter.maxTone !== undefined) qb.andWhere(`${alias}.tone <= :fMaxTone`, { fMaxTone: filter.maxTone });
    if (filter.tags?.length) qb.andWhere(`${alias}.tags && :fTags::text[]`, { fTags: filter.tags });
    if (filter.allTags?.length) qb.andWhere(`${alias}.tags @> :fAllTags::text[]`, { fAllTags: filter.allTags });
    if (filter.actorIds?.length) {
      const role = filter.actorRole ? ' AND fp.role = :fActorRole' : '';
      // Ids or slugs; an actor merged into another counts as that one.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM event_participant fp WHERE fp.event_id = ${alias}.id${role} AND fp.actor_id IN (
           SELECT coalesce(fa.merged_into_id, fa.id) FROM actor fa WHERE fa.id::text IN (:...fActorIds) OR fa.slug IN (:...fActorIds)))`,
        {
          fActorIds: filter.actorIds,
          fActorRole: filter.actorRole,
        },
      );
    } else if (filter.actorRole) {
      throw badInput('filter.actorRole needs filter.actorIds', 'filter.actorRole');
    }
    if (filter.sides?.length) {
      qb.andWhere(`EXISTS (SELECT 1 FROM event_participant sp WHERE sp.event_id = ${alias}.id AND sp.side IN (:...fSides))`, {
        fSides: filter.sides,
      });
    }
    if (filter.countries?.length) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM event_participant fp JOIN actor fa ON fa.id = fp.actor_id WHERE fp.event_id = ${alias}.id AND fa.country IN (:...fCountries))`,
        { fCountries: filter.countries },
      );
    }
    const search = filter.search?.trim();
    if (search) qb.andWhere(`${alias}.search_vector @@ ${TSQUERY}`, { fSearch: search });
    return qb;
  }

  /** One page of events in the requested order, with keyset cursors; with a search, each edge has its rank and snippet. */
  async list(args: { filter?: EventFilter; orderBy?: EventOrder } & PageRequest): Promise<ConnectionShape<Event>> {
    const searching = Boolean(args.filter?.search?.trim());
    const order = args.orderBy ?? (searching ? EventOrder.RELEVANCE : EventOrder.DATE_ASC);
    if (order === EventOrder.RELEVANCE && !searching) throw badInput('orderBy RELEVANCE needs filter.search', 'orderBy');
    const keys = ORDERS[order];
    const qb = this.applyFilter(this.base(), args.filter);
    const counter = qb.clone();
    selectKeys(qb, keys);
    if (searching) {
      qb.addSelect(`ts_rank_cd(e.search_vector, ${TSQUERY})`, 'search_rank');
      qb.addSelect(`ts_headline('english', concat_ws(' — ', e.title, e.summary, e.quote), ${TSQUERY}, :fHeadline)`, 'search_snippet');
      qb.setParameter('fHeadline', HEADLINE_OPTIONS);
    }
    const { rows, connection } = await fetchKeysetPage(qb, keys, args);
    const edges = connection.edges.map((edge, i) =>
      searching
        ? { ...edge, rank: Number(rows[i].raw.search_rank), snippet: parseSnippet(String(rows[i].raw.search_snippet ?? '')) }
        : edge,
    );
    return {
      ...connection,
      edges,
      get totalCount() {
        return counter.getCount();
      },
    };
  }

  /** An event by UUID or by its dataset slug; deleted events are not found. */
  async findOne(idOrSlug: string): Promise<Event | null> {
    const column = UUID_PATTERN.test(idOrSlug) ? 'id' : 'slug';
    return this.dataSource.getRepository(Event).findOne({ where: { [column]: idOrSlug } });
  }

  /**
   * The level-of-detail window: at most `maxItems` events, the most important first; among equals, round-robin
   * across `buckets` slices of the window so the choice is spread over time. What is left out is counted per slice.
   *
   * Ranked per slice, only a slice's first `maxItems` events (by importance, then date) can ever be picked, so each
   * slice reads just those from the index instead of the whole window being ranked. The counts per slice come from
   * the daily rollup when the filter allows (none, or kinds only), from a scan of the window otherwise.
   */
  async timeline(
    from: string,
    to: string,
    filter: EventFilter | undefined,
    maxItems: number,
    buckets = DEFAULT_TIMELINE_BUCKETS,
  ): Promise<TimelineResult> {
    if (from > to) throw badInput('Argument "from" must not be after "to"', 'from');
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
    const window = { tFrom: from, tTo: to, tBuckets: buckets, tDays: days, tMax: maxItems };
    // An event's slice: its start day's offset in the window (events that began earlier fall in the first), scaled.
    const sliceOf = (start: string) => `least(:tBuckets - 1, ((greatest(${start}, :tFrom::date) - :tFrom::date) * :tBuckets) / :tDays)`;
    const candidates = this.applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to: undefined })
      .select('e.id', 'id')
      .addSelect('e.importance', 'importance')
      .addSelect('e.start_date', 'start_date')
      .andWhere('e.start_date BETWEEN s.first_start AND s.last_start')
      .orderBy('e.importance', 'DESC')
      .addOrderBy('e.start_date')
      .addOrderBy('e.id')
      .limit(maxItems);
    let totals: { sql: string; parameters: Record<string, unknown> };
    if (rollupAnswers(filter)) {
      const earlier = this.applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to: undefined })
        .select('count(*)')
        .andWhere('e.start_date < :tFrom');
      // Per slice, a range of the rollup's primary key (day, kind): a few thousand small rows for any window.
      const inSlice = this.dataSource
        .createQueryBuilder()
        .from('event_count_by_day', 'r')
        .select('coalesce(sum(r.events), 0)')
        .where('r.day BETWEEN greatest(s.first_start, :tFrom::date) AND s.last_start')
        .andWhere(filter?.kinds?.length ? 'r.kind IN (:...fKinds)' : 'true', { fKinds: filter?.kinds });
      totals = {
        sql: `SELECT s.slice, (${inSlice.getQuery()}) + CASE WHEN s.slice = 0 THEN (${earlier.getQuery()}) ELSE 0 END AS n FROM slices s`,
        parameters: { ...earlier.getParameters(), ...inSlice.getParameters() },
      };
    } else {
      const scan = this.applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to })
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
            ranked AS (
              SELECT s.slice, c.id, c.importance, c.start_date,
                     row_number() OVER (PARTITION BY s.slice ORDER BY c.importance DESC, c.start_date, c.id) AS rn
                FROM slices s CROSS JOIN LATERAL (${candidates.getQuery()}) c),
            picked AS (SELECT id, slice FROM ranked ORDER BY importance DESC, rn, start_date, id LIMIT :tMax),
            totals AS (${totals.sql})
       SELECT p.id, p.slice AS bucket, NULL::bigint AS total, true AS picked FROM picked p
       UNION ALL
       SELECT NULL, t.slice, t.n - (SELECT count(*) FROM picked p WHERE p.slice = t.slice), false FROM totals t`,
      { ...candidates.getParameters(), ...totals.parameters, ...window },
    );
    const rows: Array<{ id: string | null; bucket: number; total: string; picked: boolean }> = await this.dataSource.query(sql, params);
    const ids = rows.filter((r) => r.picked).map((r) => r.id as string);
    const events = ids.length
      ? await this.dataSource
          .getRepository(Event)
          .createQueryBuilder('e')
          .whereInIds(ids)
          .orderBy('e.start_date')
          .addOrderBy('e.id')
          .getMany()
      : [];
    const omitted = rows
      .filter((r) => !r.picked && Number(r.total) > 0)
      .map((r) => {
        const b = Number(r.bucket);
        const start = Math.floor((b * days) / buckets);
        const end = Math.floor(((b + 1) * days) / buckets) - 1;
        return { from: addDays(from, start), to: addDays(from, Math.max(start, end)), count: Number(r.total) };
      })
      .sort((a, b) => a.from.localeCompare(b.from));
    const totalCount = events.length + omitted.reduce((sum, b) => sum + b.count, 0);
    return { from, to, events, totalCount, omitted };
  }

  /** The first and last day covered by any live event. */
  async dataRange(): Promise<{ from: string; to: string } | null> {
    const [row] = await this.dataSource.query(
      // last_date is coalesce(end_date, start_date), indexed: both ends come from an index, not a scan of every event.
      `SELECT min(start_date)::text AS from, max(last_date)::text AS to FROM event WHERE deleted_at IS NULL`,
    );
    return row?.from ? { from: row.from, to: row.to } : null;
  }
}

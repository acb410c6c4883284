// Reads events: filtered keyset pages, one event, and the level-of-detail window behind the timeline.
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { ConnectionShape, decodeCursor, encodeCursor } from '../common/pagination';
import { badInput } from '../common/errors';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
  applyFilter<T extends SelectQueryBuilder<any>>(qb: T, filter: EventFilter | undefined, alias = 'e'): T {
    // `any` above: the filter applies to query builders of any selected shape over the event table.
    qb.andWhere(`${alias}.deleted_at IS NULL`);
    if (!filter) return qb;
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.from must not be after filter.to', 'filter.from');
    if (filter.from) qb.andWhere(`coalesce(${alias}.end_date, ${alias}.start_date) >= :fFrom`, { fFrom: filter.from });
    if (filter.to) qb.andWhere(`${alias}.start_date <= :fTo`, { fTo: filter.to });
    if (filter.kinds?.length) qb.andWhere(`${alias}.kind IN (:...fKinds)`, { fKinds: filter.kinds });
    if (filter.directions?.length) qb.andWhere(`${alias}.direction IN (:...fDirections)`, { fDirections: filter.directions });
    if (filter.minImportance) qb.andWhere(`${alias}.importance >= :fMinImportance`, { fMinImportance: filter.minImportance });
    if (filter.tags?.length) qb.andWhere(`${alias}.tags && :fTags::text[]`, { fTags: filter.tags });
    if (filter.actorIds?.length) {
      qb.andWhere(`EXISTS (SELECT 1 FROM event_participant fp WHERE fp.event_id = ${alias}.id AND fp.actor_id IN (:...fActorIds))`, { fActorIds: filter.actorIds });
    }
    if (filter.countries?.length) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM event_participant fp JOIN actor fa ON fa.id = fp.actor_id WHERE fp.event_id = ${alias}.id AND fa.country IN (:...fCountries))`,
        { fCountries: filter.countries },
      );
    }
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`${alias}.title ILIKE :fSearch`)
            .orWhere(`${alias}.summary ILIKE :fSearch`)
            .orWhere(`${alias}.quote ILIKE :fSearch`)
            .orWhere(
              `EXISTS (SELECT 1 FROM event_participant sp JOIN actor sa ON sa.id = sp.actor_id
                        WHERE sp.event_id = ${alias}.id AND (sa.name ILIKE :fSearch OR array_to_string(sa.aliases, ' ') ILIKE :fSearch))`,
            ),
        ),
        { fSearch: pattern },
      );
    }
    return qb;
  }

  /** One page of events in date order, after a keyset cursor (startDate, id): stable across equal dates. */
  async list(filter: EventFilter | undefined, first: number, after?: string): Promise<ConnectionShape<Event>> {
    const qb = this.applyFilter(this.base(), filter);
    const counter = qb.clone();
    if (after) {
      const [date, id] = decodeCursor(after, 'after', ['string', 'string']);
      qb.andWhere('(e.start_date, e.id) > (:cDate::date, :cId::uuid)', { cDate: date, cId: id });
    }
    const rows = await qb.orderBy('e.start_date', 'ASC').addOrderBy('e.id', 'ASC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor([node.startDate, node.id]), node }));
    return {
      edges,
      nodes: page,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
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
   */
  async timeline(from: string, to: string, filter: EventFilter | undefined, maxItems: number, buckets = DEFAULT_TIMELINE_BUCKETS): Promise<TimelineResult> {
    if (from > to) throw badInput('Argument "from" must not be after "to"', 'from');
    const windowFilter = { ...filter, from, to };
    const inner = this.applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), windowFilter)
      .select('e.id', 'id')
      .addSelect('e.importance', 'importance')
      .addSelect('e.start_date', 'start_date')
      .addSelect(`least(:tBuckets - 1, greatest(0, ((greatest(e.start_date, :tFrom::date) - :tFrom::date) * :tBuckets) / (:tTo::date - :tFrom::date + 1)))`, 'bucket')
      .setParameters({ tFrom: from, tTo: to, tBuckets: buckets });
    const [sql, params] = inner.getQueryAndParameters();
    const n = params.length;
    const rows: Array<{ id: string | null; bucket: number; total: string; picked: boolean }> = await this.dataSource.query(
      `WITH w AS (${sql}),
            ranked AS (SELECT w.*, row_number() OVER (PARTITION BY bucket ORDER BY importance DESC, start_date, id) AS rn FROM w),
            picked AS (SELECT id, bucket FROM ranked ORDER BY importance DESC, rn, start_date, id LIMIT $${n + 1})
       SELECT p.id, p.bucket, NULL::bigint AS total, true AS picked FROM picked p
       UNION ALL
       SELECT NULL, w.bucket, count(*) - count(p.id), false FROM w LEFT JOIN picked p ON p.id = w.id GROUP BY w.bucket`,
      [...params, maxItems],
    );
    const ids = rows.filter((r) => r.picked).map((r) => r.id as string);
    const events = ids.length ? await this.dataSource.getRepository(Event).createQueryBuilder('e').whereInIds(ids).orderBy('e.start_date').addOrderBy('e.id').getMany() : [];
    const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
    const omitted = rows
      .filter((r) => !r.picked && Number(r.total) > 0)
      .map((r) => {
        const b = Number(r.bucket);
        const start = Math.floor((b * span) / buckets);
        const end = Math.floor(((b + 1) * span) / buckets) - 1;
        return { from: addDays(from, start), to: addDays(from, Math.max(start, end)), count: Number(r.total) };
      })
      .sort((a, b) => a.from.localeCompare(b.from));
    const totalCount = events.length + omitted.reduce((sum, b) => sum + b.count, 0);
    return { from, to, events, totalCount, omitted };
  }

  /** The first and last day covered by any live event. */
  async dataRange(): Promise<{ from: string; to: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT min(start_date)::text AS from, max(coalesce(end_date, start_date))::text AS to FROM event WHERE deleted_at IS NULL`,
    );
    return row?.from ? { from: row.from, to: row.to } : null;
  }
}

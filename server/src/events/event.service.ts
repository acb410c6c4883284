// Reads events: filtered keyset pages (with search rank and snippet), one event, and the range the data covers.
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ConnectionShape } from '../common/pagination';
import { badInput } from '../common/errors';
import { PageRequest, SortKey } from '../common/keyset';
import { paginate } from '../common/paginate';
import { UUID_PATTERN } from '../common/ids';
import { Event } from './event.entity';
import { EventFilter, EventOrder } from './event.inputs';
import { applyFilter } from './filter';
import { HEADLINE_OPTIONS, HEADLINE_SQL, QUOTED_LEXEME, TSQUERY, parseSnippet } from './search';
import { CompiledEvent, Selection, eventJson } from './compiled-reads';
import { knownRare, relevanceTopQuery, rememberRare } from './search-ranking';

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

export class EventService {
  constructor(private readonly dataSource: DataSource) {}

  private base(): SelectQueryBuilder<Event> {
    return this.dataSource.getRepository(Event).createQueryBuilder('e');
  }

  /**
   * One page of events in the requested order, with keyset cursors; with a search, each edge has its rank and snippet.
   * Given the selection of its nodes, the page query itself returns each node as the answer's JSON (compiled-reads.ts).
   */
  list(args: { filter?: EventFilter; orderBy?: EventOrder } & PageRequest): Promise<ConnectionShape<Event>>;
  list(args: { filter?: EventFilter; orderBy?: EventOrder } & PageRequest, nodes: Selection): Promise<ConnectionShape<CompiledEvent>>;
  list(
    args: { filter?: EventFilter; orderBy?: EventOrder } & PageRequest,
    nodes?: Selection,
  ): Promise<ConnectionShape<Event> | ConnectionShape<CompiledEvent>>;
  async list(
    args: { filter?: EventFilter; orderBy?: EventOrder } & PageRequest,
    nodes?: Selection,
  ): Promise<ConnectionShape<Event> | ConnectionShape<CompiledEvent>> {
    const searching = Boolean(args.filter?.search?.trim());
    const order = args.orderBy ?? (searching ? EventOrder.RELEVANCE : EventOrder.DATE_ASC);
    if (order === EventOrder.RELEVANCE && !searching) throw badInput('orderBy RELEVANCE needs filter.search', 'orderBy');
    const qb = applyFilter(this.base(), args.filter);
    if (nodes) qb.select(eventJson(this.dataSource, nodes, 'e'), 'compiled_node');
    if (searching) {
      // Ordered by relevance, the sort key is the rank (k_rank): selected again, PostgreSQL scores every match twice.
      if (order !== EventOrder.RELEVANCE) qb.addSelect(`ts_rank_cd(e.search_vector, ${TSQUERY})`, 'search_rank');
      qb.addSelect(HEADLINE_SQL, 'search_snippet');
      qb.setParameter('fHeadline', HEADLINE_OPTIONS).setParameter('fLexeme', QUOTED_LEXEME);
    }
    // A first page by relevance: the exact top from the newest matches when the stored bound proves it, else from
    // ranking every match (search-ranking.ts), found in a CTE of the page query itself: one statement either way.
    // A word the newest events hold too few of is remembered, and its next pages rank every match directly.
    let narrow: ((page: SelectQueryBuilder<Event>) => void) | undefined;
    const rareKey = JSON.stringify(args.filter);
    let rare = false;
    if (order === EventOrder.RELEVANCE && !args.after && args.last === undefined && !args.before && !knownRare(rareKey)) {
      const top = relevanceTopQuery(this.dataSource, args.filter!, args.first + 1);
      rare = true;
      narrow = (page) =>
        void page
          .addCommonTableExpression(top.sql, 'search_top', { materialized: true })
          .setParameters(top.parameters)
          .addSelect('(SELECT rare FROM search_top)', 'search_rare')
          .andWhere('e.id = ANY((SELECT top FROM search_top)::uuid[])');
    }
    const withSearch = <T>(edge: { cursor: string; node: T }, row: { raw: Record<string, unknown> }) => {
      // No rows at all is rare too: every match was ranked.
      if (row.raw.search_rare === false) rare = false;
      return searching
        ? { ...edge, rank: Number(row.raw.search_rank ?? row.raw.k_rank), snippet: parseSnippet(String(row.raw.search_snippet ?? '')) }
        : edge;
    };
    const remember = <C>(connection: C): C => {
      if (rare) rememberRare(rareKey);
      return connection;
    };
    if (nodes)
      return remember(
        await paginate<Event, CompiledEvent>(qb, ORDERS[order], args, withSearch, (raw) => raw.compiled_node as CompiledEvent, narrow),
      );
    return remember(await paginate<Event>(qb, ORDERS[order], args, withSearch, undefined, narrow));
  }

  /** One live event by UUID or slug as the answer's JSON for `selection`, in one statement. */
  async findOneCompiled(idOrSlug: string, selection: Selection): Promise<CompiledEvent | null> {
    const column = UUID_PATTERN.test(idOrSlug) ? 'id' : 'slug';
    const rows: Array<{ event: CompiledEvent }> = await this.dataSource.query(
      `SELECT ${eventJson(this.dataSource, selection, 'e')} AS event FROM event e WHERE e.${column} = $1 AND e.deleted_at IS NULL`,
      [idOrSlug],
    );
    return rows[0]?.event ?? null;
  }

  /** An event by UUID or by its dataset slug; deleted events are not found. */
  async findOne(idOrSlug: string): Promise<Event | null> {
    const column = UUID_PATTERN.test(idOrSlug) ? 'id' : 'slug';
    return this.dataSource.getRepository(Event).findOne({ where: { [column]: idOrSlug } });
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

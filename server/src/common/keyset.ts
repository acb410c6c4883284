// Keyset pagination over any whitelisted ordering: cursors carry the sort key of a row, never an offset,
// so pages stay correct across equal dates and while rows are added or deleted.
import { SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { ConnectionShape, CursorValueType, decodeCursor, encodeCursor, PageInfo } from './pagination';

export interface SortKey {
  /** SQL expression over the query's aliases; never built from client text. */
  expr: string;
  dir: 'ASC' | 'DESC';
  /** What the key's values are; a cursor whose values are not is refused before any SQL. */
  type: CursorValueType;
  /** Alias under which the page query selects the key, so cursors can be built from the raw row. */
  alias: string;
}

export interface PageRequest {
  first: number;
  after?: string;
  last?: number;
  before?: string;
}

/** "(a, b, c) after (x, y, z)" for mixed directions: a > x OR (a = x AND b > y) OR (a = x AND b = y AND c > z). */
function keysetCondition(keys: SortKey[], values: Array<string | number>, forward: boolean, prefix: string) {
  const params: Record<string, string | number> = {};
  const clauses = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${k.expr} = :${prefix}${j}`);
    const ascending = (key.dir === 'ASC') === forward;
    return [...equal, `${key.expr} ${ascending ? '>' : '<'} :${prefix}${i}`].join(' AND ');
  });
  keys.forEach((_k, i) => (params[`${prefix}${i}`] = values[i]));
  // The OR form alone is only a filter: PostgreSQL then reads the index from its start on every page (756 ms at
  // 500,000 revisions deep, against 0.2 ms with this). The redundant bound on the leading key is an index condition.
  const leading = `${keys[0].expr} ${(keys[0].dir === 'ASC') === forward ? '>=' : '<='} :${prefix}0`;
  return { sql: `(${leading} AND (${clauses.map((c) => `(${c})`).join(' OR ')}))`, params };
}

export interface KeysetPage<T> {
  rows: Array<{ entity: T; raw: Record<string, unknown> }>;
  connection: Omit<ConnectionShape<T>, 'totalCount'>;
}

/**
 * Runs one page query: `qb` must already select the entity and, as raw columns, every sort key under its alias
 * (see `selectKeys`). Returns the page in the requested order with cursors and page info.
 */
export async function fetchKeysetPage<T extends object, N extends object = T>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  page: PageRequest,
  rawNode?: (raw: Record<string, unknown>) => N,
): Promise<KeysetPage<N>> {
  const backward = page.last !== undefined;
  const size = backward ? page.last! : page.first;
  const cursor = backward ? page.before : page.after;
  const argument = backward ? 'before' : 'after';
  if (backward && page.after) throw badInput('Use `after` with `first`, or `before` with `last`', 'after');
  if (!backward && page.before) throw badInput('Use `before` with `last`, or `after` with `first`', 'before');
  if (cursor) {
    const values = decodeCursor(
      cursor,
      argument,
      keys.map((k) => k.type),
    );
    const condition = keysetCondition(keys, values, !backward, 'ks');
    qb.andWhere(condition.sql, condition.params);
  }
  keys.forEach((key, i) => {
    const dir = backward ? (key.dir === 'ASC' ? 'DESC' : 'ASC') : key.dir;
    if (i === 0) qb.orderBy(key.expr, dir);
    else qb.addOrderBy(key.expr, dir);
  });
  qb.limit(size + 1);
  let rows: KeysetPage<N>['rows'];
  if (rawNode) {
    // The query selects its node as one raw column (a compiled read): no entities to build.
    const raw: Array<Record<string, unknown>> = await qb.getRawMany();
    rows = raw.map((r) => ({ entity: rawNode(r), raw: r }));
  } else {
    const { entities, raw } = await qb.getRawAndEntities();
    // getRawAndEntities keeps raw rows and entities in the same order, one each (no joins on page queries).
    rows = entities.map((entity, i) => ({ entity: entity as unknown as N, raw: raw[i] as Record<string, unknown> }));
  }
  const hasMore = rows.length > size;
  rows = rows.slice(0, size);
  if (backward) rows.reverse();
  const edges = rows.map(({ entity, raw: r }) => ({ cursor: encodeCursor(keys.map((k) => normalise(r[k.alias], k.type))), node: entity }));
  const pageInfo: PageInfo = {
    hasNextPage: backward ? Boolean(cursor) : hasMore,
    hasPreviousPage: backward ? hasMore : Boolean(cursor),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  return { rows, connection: { edges, nodes: edges.map((e) => e.node), pageInfo } };
}

function normalise(value: unknown, type: SortKey['type']): string | number {
  if (type === 'number') return Number(value);
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  return String(value);
}

/** Adds each sort key to the SELECT list under its alias. */
export function selectKeys<T extends object>(qb: SelectQueryBuilder<T>, keys: SortKey[]): SelectQueryBuilder<T> {
  // Parenthesised, so TypeORM takes "a.id" as an expression and not as a re-selection of the entity column.
  for (const key of keys) qb.addSelect(`(${key.expr})`, key.alias);
  return qb;
}

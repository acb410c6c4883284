// One page of any keyset-ordered list, with the total counted only when a client asks for it.
import { SelectQueryBuilder } from 'typeorm';
import { KeysetPage, PageRequest, SortKey, fetchKeysetPage, selectKeys } from './keyset';
import type { ConnectionShape } from './pagination';

type Edge<T> = ConnectionShape<T>['edges'][number];

/**
 * Selects the sort keys, fetches the page and counts the whole list lazily (the count query runs only when
 * `totalCount` is read). `edge` may add fields to each edge from its raw row, such as a search rank. With `rawNode`,
 * the query selects each node as raw columns and `rawNode` reads it from them (no entity is built).
 */
export async function paginate<T extends object, N extends object = T, E extends Edge<N> = Edge<N>>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  page: PageRequest,
  edge: (edge: Edge<N>, row: KeysetPage<N>['rows'][number]) => E = (e) => e as E,
  rawNode?: (raw: Record<string, unknown>) => N,
  /** Narrows the page query only (not the count), to rows already known to make up the page. */
  narrowPage?: (qb: SelectQueryBuilder<T>) => void,
): Promise<Omit<ConnectionShape<N>, 'edges'> & { edges: E[] }> {
  const counter = qb.clone();
  narrowPage?.(qb);
  const { rows, connection } = await fetchKeysetPage<T, N>(selectKeys(qb, keys), keys, page, rawNode);
  return {
    ...connection,
    edges: connection.edges.map((e, i) => edge(e, rows[i])),
    get totalCount() {
      return counter.getCount();
    },
  };
}

/** An ILIKE pattern matching `term` anywhere, with its own % and _ taken literally. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

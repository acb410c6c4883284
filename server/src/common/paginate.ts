// One page of any keyset-ordered list, with the total counted only when a client asks for it.
import { SelectQueryBuilder } from 'typeorm';
import { KeysetPage, PageRequest, SortKey, fetchKeysetPage, selectKeys } from './keyset';
import type { ConnectionShape } from './pagination';

type Edge<T> = ConnectionShape<T>['edges'][number];

/**
 * Selects the sort keys, fetches the page and counts the whole list lazily (the count query runs only when
 * `totalCount` is read). `edge` may add fields to each edge from its raw row, such as a search rank.
 */
export async function paginate<T extends object, E extends Edge<T> = Edge<T>>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  page: PageRequest,
  edge: (edge: Edge<T>, row: KeysetPage<T>['rows'][number]) => E = (e) => e as E,
  /** Narrows the page query only (not the count), to rows already known to make up the page. */
  narrowPage?: (qb: SelectQueryBuilder<T>) => void,
): Promise<Omit<ConnectionShape<T>, 'edges'> & { edges: E[] }> {
  const counter = qb.clone();
  narrowPage?.(qb);
  const { rows, connection } = await fetchKeysetPage(selectKeys(qb, keys), keys, page);
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

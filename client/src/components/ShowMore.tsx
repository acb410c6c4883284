// "Show more" under a cursor-paged list: shown while the server says there is a next page; the next page's nodes
// are appended to the ones already shown (appendPage, for fetchMore's updateQuery).
import ui from './ui.module.css';

export function ShowMore({
  pageInfo,
  label = 'Show more',
  onMore,
}: {
  pageInfo: { endCursor?: string | null; hasNextPage: boolean } | undefined;
  label?: string;
  onMore: (after: string | null | undefined) => void;
}) {
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" className={ui.button} onClick={() => onMore(pageInfo.endCursor)}>
      {label}
    </button>
  );
}

/** fetchMore's updateQuery for a query whose one root field `key` holds a page of `nodes`. */
export const appendPage =
  <K extends string>(key: K) =>
  <Q extends { [P in K]: { nodes: readonly unknown[] } }>(previous: Q, { fetchMoreResult }: { fetchMoreResult: Q }): Q =>
    ({ [key]: { ...fetchMoreResult[key], nodes: [...previous[key].nodes, ...fetchMoreResult[key].nodes] } }) as unknown as Q;

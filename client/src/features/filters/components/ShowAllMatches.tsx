// "Show all N matches": fits the timeline to the first and last of the events the filters leave, wherever they are.
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import ui from '../../../components/ui.module.css';
import { MATCHES_EXTENT_QUERY } from '../api/filters.queries';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

/** The first and last day of the matches, or null while unknown or when nothing matches. */
export function useMatchesExtent(filter: EventFilter, skip = false): { from: string; to: string; count: number } | null {
  const { data } = useQuery(MATCHES_EXTENT_QUERY, { variables: { filter }, skip, context: SUPERSEDES_PREVIOUS });
  const first = data?.first.nodes[0];
  const last = data?.last.nodes[0];
  if (!data || !first || !last) return null;
  const lastDay = last.endDate && last.endDate > last.startDate ? last.endDate : last.startDate;
  return { from: first.startDate, to: lastDay, count: data.first.totalCount };
}

export function ShowAllMatches({
  filter,
  count,
  onShowAll,
}: {
  filter: EventFilter;
  count: number;
  onShowAll: (from: string, to: string) => void;
}) {
  const extent = useMatchesExtent(filter);
  return (
    <button type="button" className={ui.button} disabled={!extent} onClick={() => extent && onShowAll(extent.from, extent.to)}>
      Show all {count} {count === 1 ? 'match' : 'matches'} on the timeline
    </button>
  );
}

/** Under "No events match these filters in this period": where the matches are, and a jump to them. */
export function MatchesElsewhere({ filter, onShow }: { filter: EventFilter; onShow: (from: string, to: string) => void }) {
  const extent = useMatchesExtent(filter);
  if (!extent || extent.count === 0) return null;
  return (
    <>
      <p data-testid="matches-elsewhere">
        {extent.count} {extent.count === 1 ? 'event matches' : 'events match'} from {formatEventDate(extent.from, 'DAY')} to{' '}
        {formatEventDate(extent.to, 'DAY')}.
      </p>
      <button type="button" className={ui.button} onClick={() => onShow(extent.from, extent.to)}>
        Show {extent.count === 1 ? 'it' : `all ${extent.count}`}
      </button>
    </>
  );
}

// The accessible alternative to the timeline: the same filtered events of the visible period as a
// list in time order. Up/down (or left/right) arrows move the selection, Enter opens details.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { kindAppearance } from '../../../domain/eventKinds';
import { describeTone, toneClassNames } from '../../../domain/tone';
import { EmptyResults, SkeletonLines } from '../../../components/Placeholders';
import ui from '../../../components/ui.module.css';
import styles from './EventList.module.css';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { adjacentEvent } from '../../../lib/selection';
import { EVENT_LIST_QUERY } from '../api/eventList.queries';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

export interface EventListProps {
  filter: EventFilter;
  /** Inclusive days of the period listed. */
  from: string | null;
  to: string | null;
  selectedEventId: string | null;
  onSelectEvent: (event: TimelineEvent, how: { open: boolean }) => void;
  onOpenSelected: () => void;
  onClearFilters?: () => void;
  filtersActive: boolean;
}

const PAGE = 50;

export function EventList({
  filter,
  from,
  to,
  selectedEventId,
  onSelectEvent,
  onOpenSelected,
  onClearFilters,
  filtersActive,
}: EventListProps) {
  const listFilter = { ...filter, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const { data, loading, error, refetch, fetchMore } = useQuery(EVENT_LIST_QUERY, {
    variables: { filter: listFilter, first: PAGE },
    notifyOnNetworkStatusChange: true,
    context: SUPERSEDES_PREVIOUS,
  });
  const events = data?.events.nodes ?? [];
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the selected row in view and focused when the selection moves by keyboard.
  useEffect(() => {
    if (!selectedEventId || !listRef.current?.contains(document.activeElement)) return;
    listRef.current.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedEventId)}"]`)?.focus();
  }, [selectedEventId]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const step =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = adjacentEvent(events, selectedEventId, step);
    if (next) onSelectEvent(next, { open: false });
  };

  const period = from && to ? `${formatEventDate(from, 'DAY')} – ${formatEventDate(to, 'DAY')}` : 'all dates';

  return (
    <section aria-labelledby="event-list-heading" aria-busy={loading}>
      <h2 id="event-list-heading" className={ui.panelHeading}>
        Events, {period}
        {data && <span className={ui.muted}> · {data.events.totalCount}</span>}
      </h2>
      {error && <ErrorMessage what="the list of events" error={error} onRetry={() => void refetch()} />}
      {!data && loading && <SkeletonLines count={6} />}
      {data && events.length === 0 && (
        <EmptyResults filtersActive={filtersActive} onClearFilters={onClearFilters} inline testId="list-empty" />
      )}
      {events.length > 0 && (
        <ol className={styles.items} ref={listRef} onKeyDown={onKeyDown} data-testid="event-list">
          {events.map((item) => {
            const selected = item.id === selectedEventId;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={[styles.row, ...toneClassNames(item.tone), selected ? styles.selected : ''].join(' ')}
                  data-event-id={item.id}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => (selected ? onOpenSelected() : onSelectEvent(item, { open: true }))}
                >
                  <span className={styles.date}>{formatEventDate(item.startDate, item.datePrecision, item.endDate)}</span>
                  <span className={styles.title}>
                    <span className={styles.icon} aria-hidden="true">
                      {kindAppearance(item.kind).icon}
                    </span>
                    {item.title}
                  </span>
                  <span className={styles.meta}>
                    {kindAppearance(item.kind).label}
                    {describeTone(item.tone) && ` · tone ${describeTone(item.tone)}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {data?.events.pageInfo.hasNextPage && (
        <button
          type="button"
          className={ui.button}
          disabled={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: data.events.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                events: { ...fetchMoreResult.events, nodes: [...previous.events.nodes, ...fetchMoreResult.events.nodes] },
              }),
            })
          }
        >
          Show more
        </button>
      )}
    </section>
  );
}

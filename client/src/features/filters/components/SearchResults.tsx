// Full-text search hits, ranked, each with its snippet: matches are <mark> elements React builds
// around plain text runs (never innerHTML). Choosing a hit selects it and moves the timeline there.
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { kindAppearance } from '../../../domain/eventKinds';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { SEARCH_QUERY } from '../api/filters.queries';
import { ShowAllMatches } from './ShowAllMatches';
import { splitHighlights } from '../utils/highlights';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SkeletonLines } from '../../../components/Placeholders';
import ui from '../../../components/ui.module.css';
import styles from './SearchResults.module.css';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

export interface SearchResultsProps {
  filter: EventFilter;
  onJump: (event: TimelineEvent) => void;
  /** Fits the timeline to all the matches ("Show all N matches"). */
  onShowAll?: (from: string, to: string) => void;
}

const SEARCH_PAGE = 20;

export function SearchResults({ filter, onJump, onShowAll }: SearchResultsProps) {
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SEARCH_QUERY, {
    variables: { filter, first: SEARCH_PAGE },
    notifyOnNetworkStatusChange: true,
    context: SUPERSEDES_PREVIOUS,
  });
  const result = (data ?? previousData)?.events;

  return (
    <section aria-labelledby="search-results-heading" aria-busy={loading}>
      <h2 id="search-results-heading" className={ui.panelHeading}>
        {result ? `${result.totalCount} ${result.totalCount === 1 ? 'match' : 'matches'}` : 'Matches'}
        {result && result.totalCount > result.edges.length && <span className={ui.muted}> (best {result.edges.length})</span>}
      </h2>
      {onShowAll && result && result.totalCount > 0 && <ShowAllMatches filter={filter} count={result.totalCount} onShowAll={onShowAll} />}
      {error && <ErrorMessage what="the search results" error={error} onRetry={() => void refetch()} />}
      {!result && loading && <SkeletonLines count={3} />}
      {result && result.edges.length === 0 && <p className={ui.muted}>No event matches this search.</p>}
      {result && result.edges.length > 0 && (
        <ol className={styles.list} data-testid="search-results">
          {result.edges.map(({ node, snippet }) => (
            <li key={node.id}>
              <button type="button" className={styles.hit} onClick={() => onJump(node)}>
                <span className={styles.title} data-testid="search-hit-title">
                  <span aria-hidden="true">{kindAppearance(node.kind).icon} </span>
                  {node.title}
                </span>
                <span className={styles.date}>{formatEventDate(node.startDate, node.datePrecision, node.endDate)}</span>
                {snippet && (
                  <span className={styles.snippet}>
                    {splitHighlights(snippet.text, snippet.highlights).map((run, index) =>
                      run.highlighted ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
                    )}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
      {result?.pageInfo.hasNextPage && (
        <button
          type="button"
          className={`${ui.button} ${ui.quiet}`}
          disabled={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: result.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                events: { ...fetchMoreResult.events, edges: [...previous.events.edges, ...fetchMoreResult.events.edges] },
              }),
            })
          }
        >
          Next {Math.min(SEARCH_PAGE, result.totalCount - result.edges.length)} matches
        </button>
      )}
    </section>
  );
}

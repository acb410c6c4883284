// Stand-ins while there is nothing to show: loading skeletons, and "no results" with a way out.

export function SkeletonLines({ count }: { count: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className="skeleton__line" />
      ))}
    </div>
  );
}

export interface EmptyResultsProps {
  filtersActive: boolean;
  onClearFilters?: () => void;
  /** Laid over the timeline (the default) or in the flow of a list. */
  inline?: boolean;
  testId?: string;
}

export function EmptyResults({ filtersActive, onClearFilters, inline = false, testId }: EmptyResultsProps) {
  return (
    <div className={inline ? 'timeline-empty timeline-empty--inline' : 'timeline-empty'} data-testid={testId}>
      <p>{filtersActive ? 'No events match these filters in this period.' : 'No events in this period.'}</p>
      {filtersActive && onClearFilters && (
        <button type="button" className="button" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}

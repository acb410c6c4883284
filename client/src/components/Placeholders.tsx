// Stand-ins while there is nothing to show: loading skeletons, and "no results" with a way out.
import type { ReactNode } from 'react';
import styles from './Placeholders.module.css';
import ui from './ui.module.css';

/** One shimmering bar; laid out by the caller (the timeline's skeleton places three over its lanes). */
export function SkeletonBar({ className }: { className?: string }) {
  return <span className={className ? `${styles.bar} ${className}` : styles.bar} />;
}

export function SkeletonLines({ count }: { count: number }) {
  return (
    <div className={styles.skeleton} aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <SkeletonBar key={index} />
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
  /** More to say (where the matches are instead). */
  children?: ReactNode;
}

export function EmptyResults({ filtersActive, onClearFilters, inline = false, testId, children }: EmptyResultsProps) {
  return (
    <div className={inline ? `${styles.empty} ${styles.inline}` : styles.empty} data-testid={testId}>
      <p>{filtersActive ? 'No events match these filters in this period.' : 'No events in this period.'}</p>
      {filtersActive && onClearFilters && (
        <button type="button" className={ui.button} onClick={onClearFilters}>
          Clear filters
        </button>
      )}
      {children}
    </div>
  );
}

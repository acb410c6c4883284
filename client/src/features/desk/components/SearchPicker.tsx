// A labelled search box with its results as a list of buttons: Tab or the arrow keys reach them, Enter picks one.
// The actor, source and event pickers are this with their own query and row.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import styles from './pickers.module.css';

export interface SearchPickerProps<T> {
  label: string;
  placeholder?: string;
  results: readonly T[];
  loading: boolean;
  query: string;
  onQuery: (query: string) => void;
  onPick: (item: T) => void;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** Shown under the results (e.g. "New actor…"). */
  footer?: ReactNode;
  testId?: string;
}

export function SearchPicker<T>({
  label,
  placeholder,
  results,
  loading,
  query,
  onQuery,
  onPick,
  keyOf,
  render,
  footer,
  testId,
}: SearchPickerProps<T>) {
  const inputId = useId();
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const focusResult = (index: number) => list.current?.querySelectorAll('button')[index]?.focus();
  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && results.length) {
      event.preventDefault();
      focusResult(0);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };
  const onListKey = (event: KeyboardEvent, index: number) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) document.getElementById(inputId)?.focus();
      else focusResult(index - 1);
    }
  };
  const showing = open && query.trim().length > 0;
  return (
    <div className={styles.picker} data-testid={testId} onFocus={() => setOpen(true)}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        autoComplete="off"
        value={query}
        placeholder={placeholder}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onInputKey}
        aria-controls={showing ? listId : undefined}
      />
      {showing && (
        <div className={styles.results}>
          <p className={styles.status} role="status">
            {loading ? 'Searching…' : results.length ? `${results.length} found` : 'Nothing found'}
          </p>
          <ul id={listId} ref={list} aria-label={`${label}: results`}>
            {results.map((item, index) => (
              <li key={keyOf(item)}>
                <button
                  type="button"
                  onKeyDown={(event) => onListKey(event, index)}
                  onClick={() => {
                    onPick(item);
                    onQuery('');
                    setOpen(false);
                  }}
                >
                  {render(item)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {footer}
    </div>
  );
}

// Chooses a source the record already holds (by title, publisher or URL) to fill a citation's fields.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { SOURCE_SEARCH, type SourceChoice } from './pickers.queries';
import { SearchPicker } from './SearchPicker';
import { useDebounced } from './useDebounced';
import styles from './pickers.module.css';

export function SourcePicker({ label, onPick }: { label: string; onPick: (source: SourceChoice) => void }) {
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim());
  const { data, loading } = useQuery(SOURCE_SEARCH, { variables: { search }, skip: search.length === 0 });
  return (
    <SearchPicker
      label={label}
      placeholder="Title, publisher or URL"
      query={query}
      onQuery={setQuery}
      results={search ? (data?.sources.nodes ?? []) : []}
      loading={loading}
      keyOf={(source) => source.id}
      onPick={onPick}
      render={(source) => (
        <>
          <strong>{source.title ?? source.url}</strong>
          <span className={styles.muted}>
            {' '}
            — {source.publisher ?? 'unknown publisher'}
            {source.publishedAt && `, ${source.publishedAt}`}
          </span>
        </>
      )}
    />
  );
}

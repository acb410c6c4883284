// Finds an event by full-text search (title, summary, quotes, actor names; English and Russian).
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { EVENT_SEARCH, type EventChoice } from './pickers.queries';
import { SearchPicker } from './SearchPicker';
import { useDebounced } from './useDebounced';
import styles from './pickers.module.css';

export function EventPicker({ label, onPick, excludeId }: { label: string; onPick: (event: EventChoice) => void; excludeId?: string }) {
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim());
  const { data, loading } = useQuery(EVENT_SEARCH, { variables: { search }, skip: search.length === 0 });
  return (
    <SearchPicker
      label={label}
      placeholder="Words from its title or summary"
      query={query}
      onQuery={setQuery}
      results={search ? (data?.events.nodes ?? []).filter((event) => event.id !== excludeId) : []}
      loading={loading}
      keyOf={(event) => event.id}
      onPick={onPick}
      render={(event) => (
        <>
          <span className={styles.muted}>{event.startDate} · </span>
          {event.title}
        </>
      )}
    />
  );
}

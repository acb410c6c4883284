// /desk/actors: find an actor by any name, alias or title (Cyrillic included), correct it, or merge a duplicate.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import ui from '../../../components/ui.module.css';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { humanize } from '../intake/labels';
import { ActorEditor } from './ActorEditor';
import { DESK_ACTORS_QUERY, type DeskActor } from './actors.queries';
import { MergeActors } from './MergeActors';
import { SearchRow, SearchStatus } from '../components/SearchRow';
import { useDebounced } from '../components/useDebounced';
import styles from './ActorsScreen.module.css';

const PAGE = 50;

type Mode = { actorId: string; action: 'edit' | 'merge' } | null;

export default function ActorsScreen() {
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim());
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(DESK_ACTORS_QUERY, { variables: { search: debounced || null, first: PAGE } });
  const actors = data?.actors.nodes ?? [];

  const finish = (message: string | null) => {
    setMode(null);
    if (message) setNotice(message);
    void refetch();
  };

  return (
    <div className={styles.screen}>
      <header>
        <h2 className={styles.title}>Actors</h2>
        <p className={ui.muted}>People, bodies and outlets of the record. Correct one, or merge a duplicate into the actor to keep.</p>
      </header>
      <SearchRow
        id="actor-search"
        label="Search actors (name, alias or title, any script)"
        value={search}
        onChange={setSearch}
        placeholder="Ryabkov, Рябков, State Department…"
      />
      <SearchStatus notice={notice} loading={loading} total={data?.actors.totalCount} noun={['actor', 'actors']} page={PAGE} />
      {error && <ErrorMessage what="the actors" error={error} onRetry={() => void refetch()} />}
      <ul className={styles.list} aria-label="Actors">
        {actors.map((actor) => (
          <li key={actor.id} className={styles.row} data-testid="actor-row">
            <ActorSummary actor={actor} />
            {mode?.actorId === actor.id && mode.action === 'edit' ? (
              <ActorEditor actor={actor} onDone={(saved) => finish(saved ? `Saved ${saved.name}.` : null)} />
            ) : mode?.actorId === actor.id && mode.action === 'merge' ? (
              <MergeActors from={actor} onDone={(kept) => finish(kept ? `Merged ${actor.name} into ${kept.name}.` : null)} />
            ) : (
              <div className={styles.actions}>
                <button
                  type="button"
                  className={ui.button}
                  onClick={() => setMode({ actorId: actor.id, action: 'edit' })}
                  aria-label={`Edit ${actor.name}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className={ui.button}
                  onClick={() => setMode({ actorId: actor.id, action: 'merge' })}
                  aria-label={`Merge ${actor.name} into another actor`}
                >
                  Merge into…
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ActorSummary({ actor }: { actor: DeskActor }) {
  return (
    <div className={styles.summary}>
      <h3 className={styles.name}>{actor.name}</h3>
      <p className={ui.muted}>
        {[humanize(actor.kind), actor.title, actor.country, `${actor.stats.total} ${actor.stats.total === 1 ? 'event' : 'events'}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {actor.aliases.length > 0 && <p className={styles.aliases}>Also: {actor.aliases.join(', ')}</p>}
    </div>
  );
}

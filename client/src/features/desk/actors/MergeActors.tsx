// Merge a duplicate actor into the one to keep: pick the actor to keep by search, then confirm in a dialog that
// says what moves (the duplicate's events, and its names as aliases if wanted) before anything is written.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import ui from '../../../components/ui.module.css';
import { serverFieldErrors } from '../intake/serverFieldErrors';
import { ACTOR_MERGE_PREVIEW_QUERY, DESK_ACTORS_QUERY, MERGE_ACTORS, UPDATE_ACTOR, type DeskActor } from './actors.queries';
import { useDebounced } from '../components/useDebounced';
import styles from './ActorsScreen.module.css';

export function MergeActors({ from, onDone }: { from: DeskActor; onDone: (kept: DeskActor | null) => void }) {
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim());
  const [into, setInto] = useState<DeskActor | null>(null);
  const [copyNames, setCopyNames] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const candidates = useQuery(DESK_ACTORS_QUERY, { variables: { search: debounced, first: 10 }, skip: debounced.length < 2 });
  const preview = useQuery(ACTOR_MERGE_PREVIEW_QUERY, { variables: { id: from.id }, fetchPolicy: 'network-only' });
  const [mergeActors, merging] = useMutation(MERGE_ACTORS);
  const [updateActor, updating] = useMutation(UPDATE_ACTOR);
  const busy = merging.loading || updating.loading;

  useEffect(() => {
    if (into && !dialog.current?.open) dialog.current?.showModal();
  }, [into]);

  // The dialog opens as the choice is made. Its close event comes a task after Escape, so a choice made again
  // before it arrives must not be undone by it: a close that finds the dialog open again is stale.
  function choose(actor: DeskActor) {
    setInto(actor);
    if (!dialog.current?.open) dialog.current?.showModal();
  }
  function closed() {
    if (!dialog.current?.open) setInto(null);
  }

  const names = [from.name, ...from.aliases];
  const newAliases = into ? names.filter((n) => n !== into.name && !into.aliases.includes(n)) : [];

  async function confirm() {
    if (!into) return;
    setError(null);
    try {
      const { data } = await mergeActors({ variables: { fromId: from.id, intoId: into.id } });
      let kept = data?.mergeActors ?? null;
      if (kept && copyNames && newAliases.length) {
        const updated = await updateActor({ variables: { id: kept.id, input: { aliases: [...kept.aliases, ...newAliases] } } });
        kept = updated.data?.updateActor ?? kept;
      }
      dialog.current?.close();
      onDone(kept);
    } catch (e) {
      const { fields, general } = serverFieldErrors(e, ['fromId', 'intoId', 'aliases']);
      setError([...Object.values(fields), general].filter(Boolean).join('; '));
    }
  }

  const events = preview.data?.actor?.events;
  const options = (candidates.data?.actors.nodes ?? []).filter((a) => a.id !== from.id);
  const searchId = `merge-${from.id}-search`;
  return (
    <section className={styles.merge} aria-labelledby={`merge-${from.id}-heading`}>
      <h4 id={`merge-${from.id}-heading`} className={styles.editorHeading}>
        Merge {from.name} into another actor
      </h4>
      <p className={ui.muted}>
        Use this when {from.name} is a duplicate: its events move to the actor you keep, and it redirects there from then on.
      </p>
      <label htmlFor={searchId} className={styles.label}>
        Actor to keep (search any name or alias)
      </label>
      <input id={searchId} type="search" className={styles.search} value={search} onChange={(e) => setSearch(e.target.value)} />
      {debounced.length >= 2 && (
        <ul className={styles.candidates} aria-label="Actors to keep">
          {options.map((a) => (
            <li key={a.id}>
              <button type="button" className={ui.button} onClick={() => choose(a)}>
                Keep {a.name}
              </button>{' '}
              <span className={ui.muted}>{[a.title, a.country, `${a.stats.total} events`].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {candidates.data && options.length === 0 && <li className={ui.muted}>No other actor matches.</li>}
        </ul>
      )}
      <div className={styles.actions}>
        <button type="button" className={ui.button} onClick={() => onDone(null)}>
          Cancel merge
        </button>
      </div>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`merge-${from.id}-confirm`} onClose={closed}>
        {into && (
          <div className={styles.dialogBody}>
            <h4 id={`merge-${from.id}-confirm`} className={styles.editorHeading}>
              Merge {from.name} into {into.name}?
            </h4>
            <ul className={styles.moves}>
              <li>
                {events ? events.totalCount : from.stats.total}{' '}
                {(events?.totalCount ?? from.stats.total) === 1 ? 'event moves' : 'events move'} from {from.name} to {into.name} (each gets
                a new revision)
                {events && events.nodes.length > 0 && (
                  <ul>
                    {events.nodes.map((e) => (
                      <li key={e.id}>
                        {e.startDate}: {e.title}
                      </li>
                    ))}
                    {events.totalCount > events.nodes.length && <li>… and {events.totalCount - events.nodes.length} more</li>}
                  </ul>
                )}
              </li>
              <li>
                {from.name} ({from.slug}) stays only as a redirect to {into.name} ({into.slug}).
              </li>
            </ul>
            {newAliases.length > 0 && (
              <label className={styles.checkbox}>
                <input type="checkbox" checked={copyNames} onChange={(e) => setCopyNames(e.target.checked)} /> Add {newAliases.join(', ')}{' '}
                to {into.name}&apos;s aliases
              </label>
            )}
            {error && (
              <p className={styles.error} role="alert">
                Not merged: {error}
              </p>
            )}
            <div className={styles.actions}>
              <button type="button" className={`${ui.button} ${styles.danger}`} onClick={confirm} disabled={busy}>
                {busy ? 'Merging…' : `Merge into ${into.name}`}
              </button>
              <button type="button" className={ui.button} onClick={() => dialog.current?.close()} disabled={busy}>
                Don&apos;t merge
              </button>
            </div>
          </div>
        )}
      </dialog>
    </section>
  );
}

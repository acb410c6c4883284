// Finds an actor by any of their names or aliases, Cyrillic included ("Рябков" finds Sergei Ryabkov), or adds a new
// one inline when the record does not know them yet (createActor; the actor exists from then on).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ActorKind, enumValues } from '@detente/shared/enums';
import { ACTOR_SEARCH, CREATE_ACTOR, type ActorChoice } from './pickers.queries';
import { SearchPicker } from './SearchPicker';
import { useDebounced } from './useDebounced';
import { errorMessage } from './errors';
import styles from './pickers.module.css';

export function ActorPicker({ label, onPick }: { label: string; onPick: (actor: ActorChoice) => void }) {
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const search = useDebounced(query.trim());
  const { data, loading } = useQuery(ACTOR_SEARCH, { variables: { search }, skip: search.length === 0 });
  const results = search ? (data?.actors.nodes ?? []) : [];
  return (
    <div>
      <SearchPicker
        label={label}
        placeholder="Name or alias, e.g. Lavrov or Лавров"
        query={query}
        onQuery={setQuery}
        results={results}
        loading={loading}
        keyOf={(actor) => actor.id}
        onPick={onPick}
        render={(actor) => (
          <>
            <strong>{actor.name}</strong>
            {actor.country && ` (${actor.country})`}
            {actor.title && <span className={styles.muted}> — {actor.title}</span>}
            {actor.aliases.length > 0 && <span className={styles.muted}> · also {actor.aliases.slice(0, 3).join(', ')}</span>}
          </>
        )}
        footer={
          !adding && (
            <button type="button" className={styles.link} onClick={() => setAdding(true)}>
              New actor…
            </button>
          )
        }
      />
      {adding && (
        <NewActorForm
          initialName={query}
          onCancel={() => setAdding(false)}
          onCreated={(actor) => {
            setAdding(false);
            setQuery('');
            onPick(actor);
          }}
        />
      )}
    </div>
  );
}

function NewActorForm({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  onCreated: (actor: ActorChoice) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<string>('PERSON');
  const [country, setCountry] = useState('');
  const [title, setTitle] = useState('');
  const [aliases, setAliases] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [createActor, { loading }] = useMutation(CREATE_ACTOR);
  // Not a <form>: it sits inside the event form, and a nested form is not valid HTML.
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return setError('name is required');
    if (country && !/^[A-Z]{2}$/.test(country)) return setError('country must be an ISO 3166-1 alpha-2 code such as "US"');
    try {
      const { data } = await createActor({
        variables: {
          input: {
            name: name.trim(),
            kind: kind as ActorKind,
            country: country || null,
            title: title.trim() || null,
            aliases: aliases
              .split(',')
              .map((alias) => alias.trim())
              .filter(Boolean),
          },
        },
      });
      if (data) onCreated(data.createActor);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <fieldset className={styles.inline} data-testid="new-actor">
      <legend>New actor</legend>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value)}>
        {enumValues(ActorKind).map((value) => (
          <option key={value} value={value}>
            {value.toLowerCase().replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-country`}>Country (ISO code)</label>
      <input id={`${id}-country`} value={country} maxLength={2} onChange={(event) => setCountry(event.target.value.toUpperCase())} />
      <label htmlFor={`${id}-title`}>Title or office</label>
      <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
      <label htmlFor={`${id}-aliases`}>Other names, comma-separated (Cyrillic too)</label>
      <input id={`${id}-aliases`} value={aliases} onChange={(event) => setAliases(event.target.value)} />
      {error && (
        <p className="desk-field-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" onClick={() => void submit()} disabled={loading}>
          {loading ? 'Adding…' : 'Add actor'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

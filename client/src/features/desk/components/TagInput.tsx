// Tags as removable chips, added from a field that completes from the tags the record already uses (a datalist).
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { TAG_LIST } from './pickers.queries';
import styles from './pickers.module.css';

export function TagInput({
  tags,
  onChange,
  describedBy,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  describedBy?: Record<string, unknown>;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const { data } = useQuery(TAG_LIST);
  const add = () => {
    const tag = draft.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  };
  return (
    <div className={styles.tags}>
      <label htmlFor={id}>Tags</label>
      {tags.length > 0 && (
        <ul className={styles.chips} aria-label="Tags on this event">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <input
          id={id}
          list={`${id}-known`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
          {...describedBy}
        />
        <button type="button" onClick={add} disabled={!draft.trim()}>
          Add tag
        </button>
      </div>
      <datalist id={`${id}-known`}>
        {(data?.tags ?? []).map((t) => (
          <option key={t.tag} value={t.tag} />
        ))}
      </datalist>
    </div>
  );
}

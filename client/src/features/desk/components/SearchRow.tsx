// The search box and the count line of the desk's list screens (actors, sources): one labelled search field, and a
// live status that says what was saved, that a search runs, or how many records match and how many are shown.
import styles from '../actors/ActorsScreen.module.css';

interface SearchRowProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}

export function SearchRow({ id, label, value, onChange, placeholder }: SearchRowProps) {
  return (
    <div className={styles.searchRow} role="search">
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={styles.search}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </div>
  );
}

interface SearchStatusProps {
  notice: string | null;
  loading: boolean;
  /** How many match; undefined before the first answer. */
  total: number | undefined;
  /** The record's name, singular and plural. */
  noun: [string, string];
  page: number;
}

export function SearchStatus({ notice, loading, total, noun, page }: SearchStatusProps) {
  const count = total === undefined ? '' : `${total} ${total === 1 ? noun[0] : noun[1]}${total > page ? `, first ${page} shown` : ''}`;
  return (
    <p className={styles.status} role="status">
      {notice && <strong>{notice} </strong>}
      {loading ? 'Searching…' : count}
    </p>
  );
}

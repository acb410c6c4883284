// A revision's changes, field by field: "old → new" for a value, what was added and removed for a list.
import { describeChange, inReadingOrder, type FieldChangeInput } from './describeChange';
import styles from './HistoryScreen.module.css';

export function RevisionChanges({ changes, first }: { changes: readonly FieldChangeInput[]; first: boolean }) {
  if (changes.length === 0) return <p className={styles.noChanges}>No field changed.</p>;
  const list = <ChangeList changes={inReadingOrder(changes)} first={first} />;
  // The first revision sets every field: folded, so the history reads as a list of changes.
  if (first)
    return (
      <details className={styles.firstFields}>
        <summary>The {changes.length} fields it set</summary>
        {list}
      </details>
    );
  return list;
}

function ChangeList({ changes, first }: { changes: readonly FieldChangeInput[]; first: boolean }) {
  return (
    <dl className={styles.changes} aria-label={first ? 'Fields set' : 'Changes from the previous version'}>
      {changes.map((change) => {
        const described = describeChange(change);
        return (
          <div key={change.field} className={styles.change} data-testid={`change-${change.field}`}>
            <dt>{described.label}</dt>
            <dd>
              {described.kind === 'list' ? (
                <ul className={styles.listChange}>
                  {described.removed.map((item, index) => (
                    <li key={`-${index}`} className={styles.removed}>
                      <span className="visually-hidden">Removed: </span>
                      <span aria-hidden="true">− </span>
                      {item}
                    </li>
                  ))}
                  {described.added.map((item, index) => (
                    <li key={`+${index}`} className={styles.added}>
                      <span className="visually-hidden">Added: </span>
                      <span aria-hidden="true">+ </span>
                      {item}
                    </li>
                  ))}
                  {described.unchanged > 0 && !first && <li className={styles.unchanged}>{described.unchanged} unchanged</li>}
                </ul>
              ) : first || described.before === null ? (
                <span className={described.long ? styles.long : undefined}>
                  {!first && <span className={styles.was}>(none) → </span>}
                  <ins className={styles.after}>{described.after ?? '(none)'}</ins>
                </span>
              ) : (
                <span className={described.long ? styles.long : undefined}>
                  <del className={styles.before}>{described.before}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden"> changed to </span>
                  {described.after === null ? (
                    <span className={styles.was}>(removed)</span>
                  ) : (
                    <ins className={styles.after}>{described.after}</ins>
                  )}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

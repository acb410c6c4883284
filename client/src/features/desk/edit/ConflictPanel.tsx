// Someone saved the event while this editor was working on it: their version beside this editor's, field by field.
// Nothing of either is lost: "Re-apply my edits" puts each field this editor changed onto the stored version, to be
// checked and saved again; "Take their version" drops this editor's edits.
import { changedFields, type FormValues } from './formValues';
import styles from './EventForm.module.css';

const LABELS: Partial<Record<keyof FormValues, string>> = {
  locationName: 'Place',
  locationCountry: "Place's country",
  cameoCode: 'CAMEO code',
  toneNote: 'Tone note',
  quoteLanguage: 'Quote language',
  quoteType: 'Quote type',
  translatedFrom: 'Translated from',
  translatedBy: 'Translated by',
  startDate: 'Start date',
  endDate: 'End date',
  datePrecision: 'Date precision',
  actingCountry: 'Acting country',
  affectedCountry: 'Affected country',
  personnelCount: 'Personnel count',
};
const labelOf = (field: keyof FormValues) => LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);

function show(value: unknown): string {
  if (value === null || value === '' || value === undefined) return '—';
  if (Array.isArray(value))
    return value.length
      ? value
          .map((item) =>
            typeof item === 'string'
              ? item
              : 'actor' in item
                ? `${item.actor?.name ?? '?'} (${item.role}${item.side ? `, ${item.side}` : ''})`
                : `${item.title || item.url}${item.publisher ? `, ${item.publisher}` : ''}`,
          )
          .join('; ')
      : '—';
  if (typeof value === 'object' && 'name' in value) return String((value as { name: string }).name);
  return String(value);
}

export function ConflictPanel({
  base,
  yours,
  theirs,
  theirVersion,
  onReapply,
  onTakeTheirs,
}: {
  base: FormValues;
  yours: FormValues;
  theirs: FormValues;
  theirVersion: number;
  onReapply: () => void;
  onTakeTheirs: () => void;
}) {
  const mine = new Set(changedFields(base, yours));
  const theirsChanged = new Set(changedFields(base, theirs));
  const fields = [...new Set([...mine, ...theirsChanged])];
  return (
    <section className={styles.conflict} role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h3 id="conflict-title">Someone else saved this event while you were editing</h3>
      <p>
        It is now at version {theirVersion}. Your edits are kept below; nothing has been saved. Compare the two, then re-apply your edits
        onto their version and save again.
      </p>
      <div className={styles.tableWrap}>
        <table>
          <caption className={styles.visuallyHidden}>Their version and yours, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Their version (saved)</th>
              <th scope="col">Yours (not saved)</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field} data-field={field}>
                <th scope="row">{labelOf(field)}</th>
                <td className={theirsChanged.has(field) ? styles.changed : undefined}>
                  {show(theirs[field])}
                  {theirsChanged.has(field) && <span className={styles.badge}>changed by them</span>}
                </td>
                <td className={mine.has(field) ? styles.changed : undefined}>
                  {show(yours[field])}
                  {mine.has(field) && <span className={styles.badge}>your edit</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.submitRow}>
        <button type="button" className={styles.primary} onClick={onReapply}>
          Re-apply my edits onto their version
        </button>
        <button type="button" className={styles.quiet} onClick={onTakeTheirs}>
          Discard my edits and take their version
        </button>
      </div>
    </section>
  );
}

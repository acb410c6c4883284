// "Record up to <date>": how far the record reaches (the latest event's day, from dataRange).
import { formatEventDate } from '@detente/shared/dates';
import styles from './RecordUpTo.module.css';

export function RecordUpTo({ latestEventDate }: { latestEventDate: string | null | undefined }) {
  if (!latestEventDate) return null;
  return (
    <p className={styles.note} data-testid="record-up-to">
      Record up to <time dateTime={latestEventDate}>{formatEventDate(latestEventDate, 'DAY')}</time>
    </p>
  );
}

// "History" on the detail panel for a signed-in editor: the event's revisions with their diffs and revert, at the
// desk (loaded lazily). Readers see the panel's own short history of the entry instead.
import { useApiKey } from '../../../lib/apiKey';
import { deskPaths, linkProps } from '../../../lib/navigation';
import styles from './EventDetail.module.css';

export function HistoryAction({ eventId }: { eventId: string }) {
  const key = useApiKey();
  if (!key) return null;
  return (
    <p className={styles.editorActions} data-testid="history-action">
      <a {...linkProps(deskPaths.history(eventId))}>History</a>
    </p>
  );
}

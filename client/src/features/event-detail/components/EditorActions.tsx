// "Edit" and "Duplicate as new" on the detail panel, shown only while an editor is signed in (a key kept for this tab);
// readers see nothing. Both open the lazily loaded desk, so the timeline page carries only these two links.
import { useApiKey } from '../../../lib/apiKey';
import { deskPaths, linkProps } from '../../../lib/navigation';
import styles from './EventDetail.module.css';

export function EditorActions({ eventId, kind }: { eventId: string; kind: string }) {
  const key = useApiKey();
  if (!key) return null;
  return (
    <p className={styles.editorActions} data-testid="editor-actions">
      <a {...linkProps(deskPaths.edit(eventId))}>Edit</a>
      <a {...linkProps(deskPaths.newEvent(kind, eventId))}>Duplicate as new</a>
    </p>
  );
}

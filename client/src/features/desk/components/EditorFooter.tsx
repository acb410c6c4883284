// The foot of the desk's small record editors (actors, sources): the server's general refusal, Save and Cancel.
import ui from '../../../components/ui.module.css';
import styles from '../actors/ActorsScreen.module.css';

export function EditorFooter({
  general,
  loading,
  saveLabel,
  onCancel,
}: {
  general: string | null | undefined;
  loading: boolean;
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {general && (
        <p className={styles.error} role="alert">
          Not saved: {general}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={`${ui.button} ${ui.primary}`} disabled={loading}>
          {loading ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className={ui.button} onClick={onCancel} disabled={loading}>
          Cancel
        </button>
      </div>
    </>
  );
}

// "Copy citation": the event and its sources as APA references, formatted by the server (/export/citation.txt).
import { useState } from 'react';
import ui from '../../../components/ui.module.css';
import styles from './EventProvenance.module.css';

type CopyState = { status: 'idle' | 'copying' | 'copied' } | { status: 'manual'; text: string } | { status: 'failed'; message: string };

export function CopyCitation({ eventId }: { eventId: string }) {
  const [state, setState] = useState<CopyState>({ status: 'idle' });

  const copy = async () => {
    setState({ status: 'copying' });
    let text: string;
    try {
      const response = await fetch(`/export/citation.txt?event=${encodeURIComponent(eventId)}`);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      text = await response.text();
    } catch (error) {
      setState({ status: 'failed', message: `Could not get the citation: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setState({ status: 'copied' });
    } catch {
      // No clipboard permission (or no secure context): show the text to copy by hand.
      setState({ status: 'manual', text });
    }
  };

  return (
    <div className={styles.actions}>
      <button
        type="button"
        className={ui.button}
        onClick={() => void copy()}
        disabled={state.status === 'copying'}
        data-testid="copy-citation"
      >
        Copy citation
      </button>
      <a className={styles.status} href={`/export/citation.txt?event=${encodeURIComponent(eventId)}`} target="_blank" rel="noopener">
        APA, with sources
      </a>
      <span role="status" className={styles.status}>
        {state.status === 'copied' && 'Citation copied.'}
        {state.status === 'failed' && state.message}
      </span>
      {state.status === 'manual' && (
        <textarea
          className={styles.fallback}
          readOnly
          value={state.text}
          aria-label="Citation to copy"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

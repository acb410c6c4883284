// "Suggest a correction" on every event's panel, for any reader, no sign-in. Only the button ships with the panel;
// the form is loaded when it is first opened.
import { lazy, Suspense, useState } from 'react';
import ui from '../../../components/ui.module.css';
import styles from './SuggestCorrection.module.css';

const CorrectionForm = lazy(() => import('./CorrectionForm'));

export function SuggestCorrection({ eventId, eventTitle }: { eventId: string; eventTitle: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className={styles.section} aria-label="Suggest a correction" data-testid="suggest-correction">
      <button type="button" className={`${ui.button} ${ui.quiet}`} aria-expanded={open} onClick={() => setOpen((shown) => !shown)}>
        {open ? 'Close the correction form' : 'Suggest a correction'}
      </button>
      {open && (
        <Suspense fallback={<p className={ui.muted}>Loading the form…</p>}>
          <CorrectionForm key={eventId} eventId={eventId} eventTitle={eventTitle} onDone={() => setOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}

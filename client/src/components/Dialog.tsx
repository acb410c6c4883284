// A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (focus stays inside,
// Escape closes), and closing hands focus back to what had it before, so a keyboard user is never left stranded.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './Dialog.module.css';

export interface DialogProps {
  /** The dialog's heading, which is also its accessible name. */
  title: string;
  open: boolean;
  /** Escape, the backdrop's Cancel or the caller's own button: the dialog closes without acting. */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ title, open, onClose, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first field (or button) inside takes focus; autoFocus on a child wins when it is set.
    const first = dialog.querySelector<HTMLElement>('[autofocus], input, textarea, select, button:not([data-dialog-close])');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the control that opened it, if it is still on the page.
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={headingId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: React decides whether the dialog is open, not the browser.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={headingId} className={styles.title}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

// One labelled form field with its message: the error (client check or server answer) is tied to the control with
// aria-describedby and aria-invalid, so a screen reader reads it with the field.
import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import ui from '../../../components/ui.module.css';
import styles from './FormField.module.css';

export interface FormFieldProps {
  label: string;
  /** The control: an <input>, <select> or <textarea>; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

export function FormField({ label, children, error, hint, required, className }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={[styles.field, ui.textFields, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required && <span className={styles.required}> (required)</span>}
      </label>
      {cloneElement(children, {
        id,
        required: required || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

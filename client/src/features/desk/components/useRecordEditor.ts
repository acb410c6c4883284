// The state of a desk editor for one record (an actor, a source): its values, the client's own checks before the
// round trip, and the server's errors placed on their fields. On an error the edits stay in the form.
import { useState, type FormEvent } from 'react';
import { serverFieldErrors } from '../intake/serverFieldErrors';

interface RecordEditorOptions<V> {
  initial: () => V;
  /** The client's checks, the same as the server's: a message by field, empty when the values may be sent. */
  check: (values: V) => Record<string, string>;
  /** Fields the server's errors may name, so each shows on its own field. */
  fields: readonly string[];
  /** Sends the values; a refusal is thrown. */
  write: (values: V) => Promise<void>;
}

export function useRecordEditor<V extends object>({ initial, check, fields, write }: RecordEditorOptions<V>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return;
    try {
      await write(values);
    } catch (error) {
      const placed = serverFieldErrors(error, fields);
      setErrors(placed.fields);
      setGeneral(placed.general);
    }
  }

  return { values, set, errors, general, save };
}

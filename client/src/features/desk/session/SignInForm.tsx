// The desk's front door: paste an API key; it is checked with the server before it is kept, for this tab only.
import { useId, useState, type FormEvent } from 'react';
import styles from '../DeskPage.module.css';

export function SignInForm({
  onSignIn,
  error,
  busy,
}: {
  onSignIn: (key: string) => Promise<boolean>;
  error: string | null;
  busy: boolean;
}) {
  const [key, setKey] = useState('');
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSignIn(key)) setKey('');
  };
  return (
    <form className={styles.signIn} onSubmit={(event) => void submit(event)} aria-labelledby="desk-sign-in-title" noValidate>
      <h2 id="desk-sign-in-title">Sign in to keep the record</h2>
      <p id={helpId} className={styles.help}>
        Paste the API key an admin gave you (they make one with <code>npm run keys -- create --name you --role editor</code>). It is kept in
        this tab only and forgotten when you close it or sign out.
      </p>
      <label htmlFor={inputId}>API key</label>
      <input
        id={inputId}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        onChange={(event) => setKey(event.target.value)}
        aria-describedby={error ? `${helpId} ${errorId}` : helpId}
        aria-invalid={error ? true : undefined}
        required
      />
      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}
      <button type="submit" className={styles.primary} disabled={busy}>
        {busy ? 'Checking the key…' : 'Sign in'}
      </button>
    </form>
  );
}

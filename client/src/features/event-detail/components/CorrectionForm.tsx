// A reader's correction: what is wrong (10–4000 characters) and, if they have one, a page that shows it. Checked
// here with the server's rules, then sent; the server's answer — a field's error, or RATE_LIMITED — is shown as given.
import { useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { apiErrorOf, type ApiError } from '../../../lib/apiError';
import ui from '../../../components/ui.module.css';
import { SUBMIT_CORRECTION_MUTATION } from '../api/correction.queries';
import styles from './SuggestCorrection.module.css';

/** The server's limits (server/src/corrections/correction.service.ts). */
const MIN_TEXT = 10;
const MAX_TEXT = 4000;

function checkLocally(text: string, sourceUrl: string): ApiError | null {
  const length = text.trim().length;
  if (length < MIN_TEXT)
    return { code: 'BAD_USER_INPUT', field: 'text', message: `Say what is wrong in at least ${MIN_TEXT} characters (now ${length}).` };
  if (length > MAX_TEXT)
    return { code: 'BAD_USER_INPUT', field: 'text', message: `At most ${MAX_TEXT} characters, please (now ${length}).` };
  if (sourceUrl.trim() && !/^https?:\/\/\S+$/i.test(sourceUrl.trim()))
    return { code: 'BAD_USER_INPUT', field: 'sourceUrl', message: 'The source must be a web address starting with http:// or https://.' };
  return null;
}

export default function CorrectionForm({ eventId, eventTitle, onDone }: { eventId: string; eventTitle: string; onDone: () => void }) {
  const ids = useId();
  const [text, setText] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [submit, { loading }] = useMutation(SUBMIT_CORRECTION_MUTATION);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);

  const send = async () => {
    const local = checkLocally(text, sourceUrl);
    const showProblem = (found: ApiError) => {
      setProblem(found);
      if (found.field === 'sourceUrl') urlRef.current?.focus();
      else if (found.field === 'text') textRef.current?.focus();
    };
    if (local) return showProblem(local);
    setProblem(null);
    try {
      await submit({ variables: { eventId, text: text.trim(), sourceUrl: sourceUrl.trim() || null } });
      setSent(true);
      requestAnimationFrame(() => thanksRef.current?.focus());
    } catch (caught) {
      showProblem(apiErrorOf(caught));
    }
  };

  if (sent)
    return (
      <div className={styles.thanks}>
        <p ref={thanksRef} tabIndex={-1} role="status" data-testid="correction-sent">
          Thank you: your correction was sent. An editor will review it; the event stays as it is until they do.
        </p>
        <button type="button" className={ui.button} onClick={onDone}>
          Close
        </button>
      </div>
    );

  const errorFor = (field: string) => (problem?.field === field ? `${ids}-${field}-error` : undefined);
  const general = problem && problem.field !== 'text' && problem.field !== 'sourceUrl';
  return (
    <form
      className={styles.form}
      noValidate
      aria-label={`Suggest a correction to “${eventTitle}”`}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void send();
      }}
    >
      <p className={ui.muted}>No sign-in needed. An editor reads every suggestion; it changes nothing by itself.</p>
      <label className={styles.field} htmlFor={`${ids}-text`}>
        What is wrong or missing?
      </label>
      <textarea
        id={`${ids}-text`}
        ref={textRef}
        rows={4}
        value={text}
        maxLength={MAX_TEXT}
        required
        autoFocus
        aria-invalid={problem?.field === 'text' || undefined}
        aria-describedby={errorFor('text')}
        onChange={(changed) => setText(changed.target.value)}
      />
      {problem?.field === 'text' && (
        <p id={errorFor('text')} className={styles.error}>
          {problem.message}
        </p>
      )}
      <label className={styles.field} htmlFor={`${ids}-source`}>
        A source that shows it (optional)
      </label>
      <input
        id={`${ids}-source`}
        ref={urlRef}
        type="url"
        inputMode="url"
        placeholder="https://…"
        value={sourceUrl}
        aria-invalid={problem?.field === 'sourceUrl' || undefined}
        aria-describedby={errorFor('sourceUrl')}
        onChange={(changed) => setSourceUrl(changed.target.value)}
      />
      {problem?.field === 'sourceUrl' && (
        <p id={errorFor('sourceUrl')} className={styles.error}>
          {problem.message}
        </p>
      )}
      {general && (
        <p role="alert" className={styles.error} data-testid="correction-error">
          Not sent: {problem.message}
        </p>
      )}
      <button type="submit" className={ui.button} disabled={loading}>
        {loading ? 'Sending…' : 'Send the correction'}
      </button>
    </form>
  );
}

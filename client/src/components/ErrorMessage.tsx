// One way to say something failed: what could not be loaded, why in plain words, and a Retry.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import styles from './ErrorMessage.module.css';
import ui from './ui.module.css';

export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === 'RATE_LIMITED') return 'too many requests; wait a moment';
    if (code === 'SERVICE_UNAVAILABLE') return 'the server is busy';
    return error.errors[0]?.message ?? 'the server returned an error';
  }
  if (ServerError.is(error)) return `the server answered ${error.statusCode}`;
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return 'the server could not be reached';
  }
  return error instanceof Error ? error.message : 'something went wrong';
}

export interface ErrorMessageProps {
  /** What failed to load, e.g. "the events for this period". */
  what: string;
  error: unknown;
  onRetry?: () => void;
}

export function ErrorMessage({ what, error, onRetry }: ErrorMessageProps) {
  return (
    <div className={styles.error} role="alert">
      <p>
        Could not load {what}: {describeError(error)}.
      </p>
      {onRetry && (
        <button type="button" className={ui.button} onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

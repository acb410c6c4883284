// What a failed mutation means for a form: the server's code, its message, and the field it names (the API puts
// `extensions.field` on bad input), whether Apollo handed the errors over parsed or, for a non-2xx answer, as text.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface ApiError {
  code: string | null;
  message: string;
  /** The input field the error is about, e.g. "text" or "sourceUrl"; null when it is about the whole request. */
  field: string | null;
}

interface ErrorLike {
  message?: string;
  extensions?: { code?: unknown; field?: unknown; fields?: unknown };
}

function fromGraphQLError(error: ErrorLike | undefined): ApiError | null {
  if (!error) return null;
  const ext = error.extensions ?? {};
  const fields = Array.isArray(ext.fields) ? ext.fields : [];
  const field = typeof ext.field === 'string' ? ext.field : typeof fields[0] === 'string' ? fields[0] : null;
  return { code: typeof ext.code === 'string' ? ext.code : null, message: error.message ?? 'The server refused the request', field };
}

export function apiErrorOf(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const parsed = fromGraphQLError(error.errors[0]);
    if (parsed) return parsed;
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorLike[] };
      const parsed = fromGraphQLError(body.errors?.[0]);
      if (parsed) return parsed;
    } catch {
      // not JSON: fall through to the status
    }
    return { code: null, message: `The server answered ${error.statusCode}`, field: null };
  }
  if (error instanceof TypeError) return { code: null, message: 'The server could not be reached', field: null };
  return { code: null, message: error instanceof Error ? error.message : 'Something went wrong', field: null };
}

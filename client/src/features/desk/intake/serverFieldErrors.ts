// Turns a BAD_USER_INPUT answer into messages keyed by the form field it names, so each shows on its own field.
// The server names a field as `extensions.field` ("article.publishedAt", "input.url") or, for argument validation,
// `extensions.fields` (["url"]); the form's field names are the last segment of either.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeError } from '../../../components/ErrorMessage';

export interface ServerFieldErrors {
  /** Messages for fields the form has, by field name. */
  fields: Record<string, string>;
  /** What could not be put on a field (another code, a field the form lacks, a network failure). */
  general: string | null;
}

const lastSegment = (path: string) => path.split('.').pop() ?? path;

export function serverFieldErrors(error: unknown, formFields: readonly string[]): ServerFieldErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const named = [e.extensions?.field, ...((e.extensions?.fields as unknown[] | undefined) ?? [])].filter(
        (f): f is string => typeof f === 'string',
      );
      const onForm = named.map(lastSegment).filter((f) => formFields.includes(f));
      if (e.extensions?.code === 'BAD_USER_INPUT' && onForm.length) {
        for (const f of onForm) fields[f] = e.message;
      } else {
        unplaced.push(e.message);
      }
    }
  } else if (error) {
    unplaced.push(describeError(error));
  }
  return { fields, general: unplaced.length ? unplaced.join('; ') : null };
}

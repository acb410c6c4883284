// The message to show for a failed request: the server's own sentence when it sent one.
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** The first GraphQL error's code and extensions, when the server answered with one. */
export function graphQLErrorOf(error: unknown): { code?: string; message: string; extensions?: Record<string, unknown> } | null {
  if (!CombinedGraphQLErrors.is(error) || !error.errors.length) return null;
  const first = error.errors[0];
  return {
    code: first.extensions?.code as string | undefined,
    message: first.message,
    extensions: first.extensions as Record<string, unknown>,
  };
}

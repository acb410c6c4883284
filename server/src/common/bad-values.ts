// Names the argument behind a rejected literal ("Argument \"from\": Date must be …"); graphql-js reports only the value.
import { DocumentNode, GraphQLError, visit } from 'graphql';

export function nameRejectedValues(document: DocumentNode | undefined, errors: readonly Error[]): void {
  if (!document) return;
  const nameAt = new Map<number, string>();
  visit(document, {
    Argument(node) {
      if (node.value.loc) nameAt.set(node.value.loc.start, `Argument "${node.name.value}"`);
    },
    ObjectField(node) {
      if (node.value.loc) nameAt.set(node.value.loc.start, `Field "${node.name.value}"`);
    },
  });
  for (const error of errors) {
    if (!(error instanceof GraphQLError)) continue;
    const start = error.nodes?.[0]?.loc?.start;
    const name = start === undefined ? undefined : nameAt.get(start);
    if (name && !error.message.startsWith(name)) {
      error.message = `${name}: ${error.message}`;
      (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
    }
  }
}

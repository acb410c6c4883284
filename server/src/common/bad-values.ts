// Names the argument behind a rejected literal ("Argument \"from\": Date must be …"); graphql-js reports only the value.
import { DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';

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

const NUL = '\u0000';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * PostgreSQL text cannot hold U+0000, so a string carrying it would fail in SQL as an internal error; it is
 * refused here instead, naming the argument (or input field) it was given for, literal or variable.
 */
export function nullCharacterError(document: DocumentNode, variables: Record<string, unknown> = {}): GraphQLError | undefined {
  let found: GraphQLError | undefined;
  const refuse = (path: string[]) => {
    const [argument, ...fields] = path;
    const where = fields.length ? `Field "${fields.at(-1)}" of argument "${argument}"` : `Argument "${argument}"`;
    found ??= new GraphQLError(`${where} must not contain the null character (U+0000)`, {
      extensions: { code: 'BAD_USER_INPUT', field: path.join('.'), http: { status: 400 } },
    });
  };
  const check = (value: ValueNode, path: string[]) => {
    if (value.kind === Kind.STRING && value.value.includes(NUL)) refuse(path);
    else if (value.kind === Kind.VARIABLE && holdsNul(variables[value.name.value])) refuse(path);
    else if (value.kind === Kind.LIST) value.values.forEach((item) => check(item, path));
    else if (value.kind === Kind.OBJECT) value.fields.forEach((field) => check(field.value, [...path, field.name.value]));
  };
  visit(document, {
    Argument(node) {
      check(node.value, [node.name.value]);
      return false;
    },
  });
  return found;
}

/** Quoted runs longer than this in an error message are client input being echoed back. */
const ECHO_LIMIT = 40;
const MAX_MESSAGE = 500;

/**
 * Errors never echo input: graphql-js writes the whole rejected value into its messages (`got invalid value
 * "…"`, `found "…"`, `cannot represent value: …`), which for a 50,000-character variable is a 50 kB answer.
 * Long quoted values are replaced by their length, and the message is cut to MAX_MESSAGE characters.
 */
export function withoutEchoes(message: string): string {
  const cut = message.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
    quoted.length > ECHO_LIMIT + 2 ? `(a value of ${quoted.length - 2} characters)` : quoted,
  );
  return cut.length > MAX_MESSAGE ? `${cut.slice(0, MAX_MESSAGE)}…` : cut;
}

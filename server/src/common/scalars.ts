// The `Date` scalar: a calendar day written YYYY-MM-DD, validated as a real date.
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parse(value: unknown, node?: ValueNode): string {
  if (!isIsoDate(value)) {
    // The value is not repeated back: errors never echo input (README, Errors).
    throw new GraphQLError('Date must be a calendar day in YYYY-MM-DD form', {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, "YYYY-MM-DD" (ISO 8601), with no time zone.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parse(value);
  },
  parseValue: (value) => parse(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string in YYYY-MM-DD form', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value, ast);
  },
});

// The `Date` scalar: a calendar day written YYYY-MM-DD, validated as a real date.
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { isIsoDate } from '@detente/shared';

// The day check is shared with the page (the desk's form) through shared/src/dates.ts.
export { isIsoDate };

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

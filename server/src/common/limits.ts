// Query limits as one validation rule (depth, aliases, cost, expanded size), run by every transport with the
// request's variables, plus the token count that comes before parsing.
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  Lexer,
  OperationDefinitionNode,
  SelectionSetNode,
  Source,
  TokenKind,
  ValidationContext,
  ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  validate,
  valueFromASTUntyped,
} from 'graphql';
import type { QueryLimits } from '../config';
import { DEFAULT_PAGE_SIZE } from './pagination';
import { ErrorCode } from './errors';

/** How many items a list field is assumed to return when nothing bounds it (participants, citations, links). */
export const ASSUMED_LIST_SIZE = 5;
/** Introspection is cheap but can be nested without end through `ofType`; it gets its own, looser depth cap. */
export const MAX_INTROSPECTION_DEPTH = 20;
/**
 * What a full-text search adds to the field that runs it: ranking scores every match, so one search costs the
 * database about what a hundred-event page with its relations does several times over (a common term took 2.9 s
 * for 30 aliased searches of 100 events; a plain list of the same size is a few milliseconds).
 */
export const SEARCH_COST = 5000;
/** Arguments that bound the size of the list a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'maxItems'];
const DEFAULT_SIZES: Record<string, number> = { timeline: 200 };

export function limitError(limit: string, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, limit, max, actual, http: { status: 400 } } });
}

export interface Measure {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  cost: number;
  /** Fields of the operation with every fragment spread inlined: what a naive walk of it would visit. */
  nodes: number;
}

const EMPTY: Measure = { depth: 0, introspectionDepth: 0, aliases: 0, cost: 0, nodes: 0 };

/**
 * True when a field's event `filter` asks for a non-empty full-text search. (`actors(search)` and
 * `sources(search)` match names in small tables and cost what a list does.)
 */
function searches(field: FieldNode, variables: Record<string, unknown>): boolean {
  const filter = field.arguments?.find((arg) => arg.name.value === 'filter');
  if (!filter) return false;
  const text = (valueFromASTUntyped(filter.value, variables) as { search?: unknown } | null)?.search;
  return typeof text === 'string' && text.trim() !== '';
}

/**
 * Measures an operation in one pass over the document: each fragment is measured once per way it can be entered
 * (under a page or not, inside introspection or not) and the result reused at every spread, so a fragment that
 * spreads two others, each spreading two more, costs a multiplication instead of an exponential walk. Depths are
 * kept relative to where a selection set starts, so a fragment's measure holds wherever it is spread.
 * Connections multiply their children's cost by their page size; other lists by ASSUMED_LIST_SIZE.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragmentNamed: (name: string) => FragmentDefinitionNode | undefined,
  variables: Record<string, unknown> = {},
): Measure {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const memo = new Map<string, Measure>();

  const sizeOf = (field: FieldNode): number | undefined => {
    for (const arg of field.arguments ?? []) {
      if (!SIZE_ARGUMENTS.includes(arg.name.value)) continue;
      const value = valueFromASTUntyped(arg.value, variables);
      if (typeof value === 'number') return value;
    }
    return DEFAULT_SIZES[field.name.value];
  };

  // `sized`: the parent field already multiplied by its page size, so the lists right under it (a connection's
  // nodes and edges, the timeline's events) are wrappers of that page, not further multipliers.
  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | null | undefined,
    introspection: boolean,
    sized: boolean,
  ): Measure => {
    const total = { ...EMPTY };
    const add = (part: Measure) => {
      total.depth = Math.max(total.depth, part.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, part.introspectionDepth);
      total.aliases += part.aliases;
      total.cost += part.cost;
      total.nodes += part.nodes;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const key = `${name}\n${introspection}\n${sized}`;
        let measure = memo.get(key);
        if (!measure) {
          const fragment = fragmentNamed(name);
          // A cycle (refused by graphql-js's own rule) meets its own placeholder and counts nothing.
          memo.set(key, EMPTY);
          measure = fragment ? walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), introspection, sized) : EMPTY;
          memo.set(key, measure);
        }
        add(measure);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        add(walk(selection.selectionSet, type, introspection, sized));
        continue;
      }
      const name = selection.name.value;
      const isIntrospection = introspection || name.startsWith('__');
      const own: Measure = { ...EMPTY, aliases: selection.alias ? 1 : 0, nodes: 1 };
      if (isIntrospection) own.introspectionDepth = 1;
      else own.depth = 1;
      if (!selection.selectionSet) {
        add(own); // scalars cost nothing beyond their parent
        continue;
      }
      const fieldDef = parentType && 'getFields' in parentType ? parentType.getFields()[name] : undefined;
      const fieldType = fieldDef?.type;
      const named = fieldType ? getNamedType(fieldType) : null;
      const isSized = Boolean(named?.name.endsWith('Connection')) || DEFAULT_SIZES[name] !== undefined;
      const isList = Boolean(fieldType && isListType(getNullableType(fieldType)));
      const children = walk(selection.selectionSet, named, isIntrospection, isSized);
      if (!isIntrospection && children.depth) own.depth = 1 + children.depth;
      if (children.introspectionDepth) own.introspectionDepth = 1 + children.introspectionDepth;
      own.aliases += children.aliases;
      own.nodes += children.nodes;
      if (isIntrospection) {
        // Introspection reads the in-memory schema; its depth is capped instead of priced.
      } else if (isSized) {
        own.cost = 1 + (sizeOf(selection) ?? DEFAULT_PAGE_SIZE) * children.cost + (searches(selection, variables) ? SEARCH_COST : 0);
      } else if (isList && sized) {
        own.cost = children.cost;
      } else if (isList) {
        own.cost = 1 + ASSUMED_LIST_SIZE * children.cost;
      } else {
        own.cost = 1 + children.cost + (searches(selection, variables) ? SEARCH_COST : 0);
      }
      add(own);
    }
    return total;
  };
  return walk(operation.selectionSet, root, false, false);
}

/** The first limit the operation breaks, naming the limit and its value; undefined when it keeps them all. */
export function brokenLimit(measure: Measure, limits: QueryLimits): GraphQLError | undefined {
  if (measure.nodes > limits.maxNodes) {
    return limitError(
      'nodes',
      limits.maxNodes,
      measure.nodes,
      `Query expands to too many fields: ${measure.nodes} once its fragments are spread, the limit is ${limits.maxNodes} (MAX_QUERY_NODES)`,
    );
  }
  if (measure.depth > limits.maxDepth) {
    return limitError(
      'depth',
      limits.maxDepth,
      measure.depth,
      `Query is too deep: depth ${measure.depth}, the limit is ${limits.maxDepth} (MAX_QUERY_DEPTH)`,
    );
  }
  if (measure.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
    return limitError(
      'introspectionDepth',
      MAX_INTROSPECTION_DEPTH,
      measure.introspectionDepth,
      `Introspection is too deep: depth ${measure.introspectionDepth}, the limit is ${MAX_INTROSPECTION_DEPTH}`,
    );
  }
  if (measure.aliases > limits.maxAliases) {
    return limitError(
      'aliases',
      limits.maxAliases,
      measure.aliases,
      `Query uses too many aliases: ${measure.aliases}, the limit is ${limits.maxAliases} (MAX_QUERY_ALIASES)`,
    );
  }
  if (measure.cost > limits.maxCost) {
    return limitError(
      'cost',
      limits.maxCost,
      measure.cost,
      `Query is too expensive: estimated cost ${measure.cost}, the limit is ${limits.maxCost} (MAX_QUERY_COST); ask for smaller pages, fewer nested lists or fewer searches`,
    );
  }
  return undefined;
}

/**
 * The limits as a graphql-js validation rule: every operation in the document is measured (not only the one
 * chosen by name, so a heavy operation cannot hide beside a light one) with the request's variables, which
 * decide page sizes and whether a filter searches.
 */
export function queryLimitsRule(limits: QueryLimits, variables: Record<string, unknown> = {}): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const error = brokenLimit(
        measureOperation(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, variables),
        limits,
      );
      if (error) context.reportError(error);
      return false; // measured whole above; nothing below needs this rule's visit
    },
  });
}

/** Runs the limits rule alone (the other validation has already run): the first broken limit, or undefined. */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): GraphQLError | undefined {
  return validate(schema, document, [queryLimitsRule(limits, variables ?? {})])[0];
}

/** Tokens in `text` as graphql-js's parser counts them for its `maxTokens` (every lexed token but the end). */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexing error ends the count: the parser reports the syntax error itself.
  }
  return count;
}

/** The token limit checked before parsing, so the refusal can say how many tokens the query has. */
export function tokenLimitError(text: string, limits: QueryLimits): GraphQLError | undefined {
  const tokens = countTokens(text);
  if (tokens <= limits.maxTokens) return undefined;
  return limitError(
    'tokens',
    limits.maxTokens,
    tokens,
    `Query has too many tokens: ${tokens}, the limit is ${limits.maxTokens} (MAX_QUERY_TOKENS)`,
  );
}

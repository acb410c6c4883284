// Query limits: depth, aliases and cost are measured on the resolved operation (with its variables), before execution.
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  isListType,
  getNullableType,
  valueFromASTUntyped,
} from 'graphql';
import type { QueryLimits } from '../config';
import { DEFAULT_PAGE_SIZE } from './pagination';
import { ErrorCode } from './errors';

/** How many items a list field is assumed to return when nothing bounds it (participants, citations, links). */
export const ASSUMED_LIST_SIZE = 5;
/** Introspection is cheap but can be nested without end through `ofType`; it gets its own, looser depth cap. */
export const MAX_INTROSPECTION_DEPTH = 20;
/** Arguments that bound the size of the list a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'maxItems'];
const DEFAULT_SIZES: Record<string, number> = { timeline: 200 };

export function limitError(limit: string, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, limit, max, actual, http: { status: 400 } } });
}

interface Measure {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  cost: number;
}

/**
 * Walks the operation like the executor would, inlining fragments (each spread at most once per path, so a cycle
 * cannot loop), and returns its depth, alias count and estimated cost. Connections multiply their children's cost
 * by their page size; other lists by ASSUMED_LIST_SIZE.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): Measure {
  const measure: Measure = { depth: 0, introspectionDepth: 0, aliases: 0, cost: 0 };
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();

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
    parentType: ReturnType<typeof getNamedType> | null | undefined,
    depth: number,
    introspection: boolean,
    seen: Set<string>,
    sized = false,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        cost += walk(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value),
          depth,
          introspection,
          new Set([...seen, name]),
          sized,
        );
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += walk(selection.selectionSet, type, depth, introspection, seen, sized);
        continue;
      }
      if (selection.alias) measure.aliases++;
      const name = selection.name.value;
      const isIntrospection = introspection || name.startsWith('__');
      const fieldDepth = depth + 1;
      if (isIntrospection) measure.introspectionDepth = Math.max(measure.introspectionDepth, fieldDepth);
      else measure.depth = Math.max(measure.depth, fieldDepth);
      if (!selection.selectionSet) {
        continue; // scalars cost nothing beyond their parent
      }
      const fieldDef = parentType && 'getFields' in parentType ? parentType.getFields()[name] : undefined;
      const fieldType = fieldDef?.type;
      const named = fieldType ? getNamedType(fieldType) : null;
      const isSized = Boolean(named?.name.endsWith('Connection')) || DEFAULT_SIZES[name] !== undefined;
      const isList = Boolean(fieldType && isListType(getNullableType(fieldType)));
      const children = walk(selection.selectionSet, named, fieldDepth, isIntrospection, seen, isSized);
      if (isIntrospection) {
        // Introspection reads the in-memory schema; its depth is capped instead of priced.
      } else if (isSized) {
        cost += 1 + (sizeOf(selection) ?? DEFAULT_PAGE_SIZE) * children;
      } else if (isList && sized) {
        cost += children;
      } else if (isList) {
        cost += 1 + ASSUMED_LIST_SIZE * children;
      } else {
        cost += 1 + children;
      }
    }
    return cost;
  };
  measure.cost = walk(operation.selectionSet, root, 0, false, new Set());
  return measure;
}

/** Throws the first limit the operation breaks, naming the limit and its value. */
export function enforceLimits(measure: Measure, limits: QueryLimits): void {
  if (measure.depth > limits.maxDepth) {
    throw limitError(
      'depth',
      limits.maxDepth,
      measure.depth,
      `Query is too deep: depth ${measure.depth}, the limit is ${limits.maxDepth} (MAX_QUERY_DEPTH)`,
    );
  }
  if (measure.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
    throw limitError(
      'introspectionDepth',
      MAX_INTROSPECTION_DEPTH,
      measure.introspectionDepth,
      `Introspection is too deep: depth ${measure.introspectionDepth}, the limit is ${MAX_INTROSPECTION_DEPTH}`,
    );
  }
  if (measure.aliases > limits.maxAliases) {
    throw limitError(
      'aliases',
      limits.maxAliases,
      measure.aliases,
      `Query uses too many aliases: ${measure.aliases}, the limit is ${limits.maxAliases} (MAX_QUERY_ALIASES)`,
    );
  }
  if (measure.cost > limits.maxCost) {
    throw limitError(
      'cost',
      limits.maxCost,
      measure.cost,
      `Query is too expensive: estimated cost ${measure.cost}, the limit is ${limits.maxCost} (MAX_QUERY_COST); ask for smaller pages or fewer nested lists`,
    );
  }
}

// Runs operations through graphql-jit instead of graphql-js: each distinct operation is compiled once into a
// JavaScript function and reused. A 200-event answer builds about 7,000 fields, and graphql-js's interpreter
// spends most of the request's Node CPU walking them (README, Performance). Apollo Server 5 has no executor
// option; its `gateway` interface is the documented way to hand it one. Parsing, validation, the limits and every
// plugin hook still run in Apollo Server before this is called.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { answerShape, AnswerText, type AnswerShape, type AnswerTextInfo } from './answer-text';

/** Distinct operations kept compiled; analysts' ad-hoc queries beyond this evict the oldest. */
export const COMPILED_OPERATIONS_KEPT = 500;

/**
 * graphql-jit reports errors with its own error type. Apollo Server and formatError expect graphql-js's, whose
 * original error (a database outage, a validation failure) decides the code and what is masked.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  // graphql-jit's errors pass `instanceof GraphQLError` (they borrow its prototype) but were never constructed
  // by it: no extensions, no original error where Apollo Server looks. So every one is rebuilt.
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js derives locations from AST nodes, which graphql-jit has already turned into line and column.
  Object.assign(converted, { locations: error.locations });
  return converted;
}

/** A root field whose answer PostgreSQL writes whole: the field, where it is asked, and the shape under it. */
interface TextField {
  node: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  shape: AnswerShape;
}

/** An operation whose root fields are all text fields, with its fragments by name. */
interface TextPlan {
  fields: TextField[];
  fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * The root fields of a query when every one of them can be answered as text (answer-text.ts): each is one of
 * `textFields`, with no directives, and its selection has an exact shape. Undefined otherwise.
 */
function textPlanOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  textFields: TextFields,
): TextPlan | undefined {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const fields: TextField[] = [];
  const keys = new Set<string>();
  for (const node of operation.selectionSet.selections) {
    const supports = node.kind === Kind.FIELD && !node.directives?.length ? textFields.get(node.name.value) : undefined;
    if (node.kind !== Kind.FIELD || !supports) return undefined;
    const key = node.alias?.value ?? node.name.value;
    // The same key twice is merged by the executor; rare enough to leave to it.
    if (keys.has(key)) return undefined;
    keys.add(key);
    const definition = queryType.getFields()[node.name.value];
    const type = definition && getNamedType(definition.type);
    const shape = isObjectType(type) || isInterfaceType(type) ? answerShape(node.selectionSet, type, fragments) : undefined;
    if (!shape || !supports(shape)) return undefined;
    fields.push({ node, definition, shape });
  }
  return fields.length ? { fields, fragments } : undefined;
}

/**
 * Runs each text field's own resolver (argument validation included) asking for text. Undefined when any of
 * them throws or answers otherwise: the executor then runs the operation as usual, so its answer and errors are
 * exactly the usual ones.
 */
async function answerAsText(
  { fields, fragments }: TextPlan,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context: { spliceAnswer?: (json: string) => string },
): Promise<ExecutionResult | undefined> {
  const splice = context.spliceAnswer;
  if (!splice) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return undefined;
  const queryType = schema.getQueryType()!;
  const texts: Array<[string, string]> = [];
  try {
    for (const { node, definition, shape } of fields) {
      const key = node.alias?.value ?? node.name.value;
      const info: GraphQLResolveInfo & AnswerTextInfo = {
        fieldName: node.name.value,
        fieldNodes: [node],
        returnType: definition.type,
        parentType: queryType,
        path: { prev: undefined, key, typename: queryType.name },
        schema,
        fragments,
        rootValue: undefined,
        operation,
        variableValues: coerced.coerced,
        answerShape: shape,
      };
      const value = await definition.resolve?.(undefined, getArgumentValues(definition, node, coerced.coerced), context, info);
      if (!(value instanceof AnswerText)) return undefined;
      texts.push([key, value.json]);
    }
  } catch {
    return undefined;
  }
  return { data: Object.fromEntries(texts.map(([key, json]) => [key, splice(json)])) };
}

/** Root fields whose resolvers can answer as text (answer-text.ts), each with the shapes it can write. */
export type TextFields = ReadonlyMap<string, (shape: AnswerShape) => boolean>;

/** `textFields` answer as text when the request's context carries `spliceAnswer`. */
export function jitGateway(schema: GraphQLSchema, textFields: TextFields = new Map()): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();
  const asText = new Map<string, TextPlan | undefined>();

  const executor: GatewayExecutor = async ({ document, source, operation, operationName, request, context }) => {
    const key = `${operationName ?? ''}\n${source}`;
    let query = compiled.get(key);
    if (query) {
      // Most recently used last, so the oldest is evicted first.
      compiled.delete(key);
      compiled.set(key, query);
    } else {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // Compilation fails only on what validation lets through but cannot run (bad variable values): its errors
      // are the answer, as graphql-js's would be.
      if (!isCompiledQuery(result)) return result;
      query = result;
      compiled.set(key, query);
      asText.set(key, textPlanOf(schema, document, operation, textFields));
      if (compiled.size > COMPILED_OPERATIONS_KEPT) {
        const oldest = compiled.keys().next().value!;
        compiled.delete(oldest);
        asText.delete(oldest);
      }
    }
    const plan = asText.get(key);
    if (plan) {
      const answer = await answerAsText(plan, schema, operation, request.variables ?? {}, context);
      if (answer) return answer;
    }
    const result = await query.query(undefined, context, request.variables ?? {});
    // No data at all means the variables were refused. graphql-js says why in the words Apollo Server reads as
    // BAD_USER_INPUT, which graphql-jit's message does not match; only this failing path pays for asking it.
    if (result.data == null && operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, request.variables ?? {});
      if (coerced.errors) return { errors: coerced.errors };
    }
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

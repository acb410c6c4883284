// Runs operations through graphql-jit instead of graphql-js: each distinct operation is compiled once into a
// JavaScript function and reused. A 200-event answer builds about 7,000 fields, and graphql-js's interpreter
// spends most of the request's Node CPU walking them (README, Performance). Apollo Server 5 has no executor
// option; its `gateway` interface is the documented way to hand it one. Parsing, validation, the limits and every
// plugin hook still run in Apollo Server before this is called.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

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

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();

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
      if (compiled.size > COMPILED_OPERATIONS_KEPT) compiled.delete(compiled.keys().next().value!);
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

// What every transport (HTTP and graphql-ws) runs on an operation before executing it, in one place, so neither
// can skip a rule: text limits before parsing; then, on the parsed and chosen operation, values PostgreSQL cannot
// hold, the query limits (a validation rule), the write limit and the heavy-query lane.
import { DocumentNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode } from 'graphql';
import type { QueryLimits } from '../config';
import { nullCharacterError } from './bad-values';
import { requestBudget } from './db-budget';
import { checkLimits, limitError, measureOperation, SEARCH_COST, tokenLimitError } from './limits';
import type { ClientLimits, HeavyLane } from './rate-limit';

/** Operations at or above this estimated cost take a place in the heavy lane: any search, or pages of hundreds. */
export const HEAVY_QUERY_COST = SEARCH_COST;

export interface Admission {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  schema: GraphQLSchema;
  variables: Record<string, unknown> | undefined;
  /** The client address the per-client limits count against. */
  client: string;
}

export interface OperationGuard {
  /** The query text's size and token count, checked before it is parsed. */
  textError(query: string): GraphQLError | undefined;
  /** Refuses (throws) or admits the chosen operation; the returned function gives back its heavy-lane place. */
  admit(admission: Admission): Promise<() => void>;
}

export function createOperationGuard(limits: QueryLimits, clientLimits: ClientLimits, heavyLane: HeavyLane): OperationGuard {
  return {
    textError(query) {
      const size = Buffer.byteLength(query);
      if (size > limits.maxQueryBytes)
        return limitError(
          'querySize',
          limits.maxQueryBytes,
          size,
          `Query is too large: ${size} bytes, the limit is ${limits.maxQueryBytes} (MAX_QUERY_BYTES)`,
        );
      return tokenLimitError(query, limits);
    },
    async admit({ document, operation, schema, variables, client }) {
      const refusal = nullCharacterError(document, variables) ?? checkLimits(schema, document, variables, limits);
      if (refusal) throw refusal;
      if (operation.operation === 'mutation') {
        const writes = await clientLimits.write(client);
        if (writes.refusal) throw writes.refusal.error;
      }
      const fragments = new Map(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((f) => [f.name.value, f] as const),
      );
      const { cost } = measureOperation(schema, operation, (name) => fragments.get(name), variables ?? {});
      if (cost < HEAVY_QUERY_COST) return () => undefined;
      // A heavy read runs its statements one at a time, so its share of the pool is its lane place. (Writes keep
      // their transaction's connection and may need a second one meanwhile: they are never held to one.)
      const budget = requestBudget();
      if (budget && operation.operation === 'query') budget.connections = 1;
      return heavyLane.enter(client);
    },
  };
}

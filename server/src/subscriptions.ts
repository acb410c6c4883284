// graphql-ws on the same port and path as HTTP GraphQL: `eventChanged` reaches open pages as changes commit. Only
// subscriptions are served here, under the same rules as HTTP: request rate limit, text and query limits, error
// masking, a log line per operation, and the same size limit on a message as on a request body.
import type http from 'node:http';
import crypto from 'node:crypto';
import {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DataSource } from 'typeorm';
import { createContext } from './context';
import { nameRejectedValues } from './common/bad-values';
import type { Logger } from './common/logger';
import type { OperationGuard } from './common/operation-guard';
import type { ClientLimits } from './common/rate-limit';
import { getSchema } from './schema';

export interface SubscriptionOptions {
  dataSource: DataSource;
  guard: OperationGuard;
  clientLimits: ClientLimits;
  formatError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError;
  logger: Logger;
  /** The client's address as the HTTP side sees it (behind the trusted proxies). */
  clientAddress(request: http.IncomingMessage): string;
  /** Largest message accepted, in bytes: the HTTP body limit. */
  maxPayload: number;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** An error with the code graphql-js leaves out, so formatError maps it as HTTP's pipeline would. */
const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: error.extensions.code ?? code } });

export async function attachSubscriptions(server: http.Server, options: SubscriptionOptions): Promise<{ close(): Promise<void> }> {
  const { dataSource, guard, clientLimits, formatError, logger } = options;
  const schema: GraphQLSchema = await getSchema();
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxPayload });

  const cleanup = useServer(
    {
      schema,
      onSubscribe: async (ctx, _id, payload) => {
        const started = process.hrtime.bigint();
        const client = options.clientAddress(ctx.extra.request);
        const requestId = crypto.randomUUID();
        const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
        let named = operationName;
        const log = (level: 'info' | 'warn', outcome: string) =>
          logger[level](
            {
              requestId,
              transport: 'ws',
              operation: named && NAME.test(named) ? named : undefined,
              outcome,
              ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
              ip: client,
            },
            'subscribe',
          );
        const refuse = (errors: readonly GraphQLError[]) => {
          log('warn', String(errors[0].extensions?.code ?? 'refused'));
          for (const error of errors) (error.extensions as Record<string, unknown>).requestId = requestId;
          return errors;
        };

        const allowance = await clientLimits.request(client);
        if (allowance.refusal) return refuse([allowance.refusal.error]);
        const query = typeof payload.query === 'string' ? payload.query : '';
        const textError = guard.textError(query);
        if (textError) return refuse([textError]);
        let document: DocumentNode;
        try {
          document = parse(query);
        } catch (error) {
          return refuse([withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')]);
        }
        const invalid = validate(schema, document, specifiedRules);
        if (invalid.length) {
          nameRejectedValues(document, invalid);
          return refuse(invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
        }
        const operation = getOperationAST(document, operationName);
        named ??= operation?.name?.value;
        if (!operation)
          return refuse([new GraphQLError('No operation of that name in the document', { extensions: { code: 'BAD_USER_INPUT' } })]);
        if (operation.operation !== 'subscription')
          return refuse([
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations by HTTP POST', {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ]);
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
        if (coerced.errors) return refuse(coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')));
        try {
          // A subscription is cheap to hold; it takes no heavy-lane place past its admission.
          (await guard.admit({ document, operation, schema, variables, client }))();
        } catch (error) {
          return refuse([error as GraphQLError]);
        }
        log('info', 'subscribed');
        const authorization = ctx.connectionParams?.authorization;
        return {
          schema,
          document,
          operationName,
          variableValues: coerced.coerced,
          contextValue: createContext(dataSource, requestId, typeof authorization === 'string' ? authorization : undefined, client),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : undefined,
    },
    wss,
  );
  return {
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

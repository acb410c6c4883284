// Builds the HTTP app (GraphQL API, page, health checks) from a data source and config; main.ts only starts it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Express, NextFunction, Request, Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { DataSource } from 'typeorm';
import type { Config } from './config';
import { Context, createContext } from './context';
import type http from 'node:http';
import proxyaddr from 'proxy-addr';
import { nameRejectedValues } from './common/bad-values';
import { createFormatError, ErrorCode, httpStatusFor } from './common/errors';
import { createOperationGuard } from './common/operation-guard';
import { budgetConnections, withRequestBudget } from './common/db-budget';
import { createClientLimits, HeavyLane } from './common/rate-limit';
import { correctionLimiter } from './corrections/correction-limit';
import { corsFor, securityHeaders } from './common/security';
import type { Logger } from './common/logger';
import { jitGateway } from './common/jit-executor';
import { answerSplicer, type AnswerShape } from './common/answer-text';
import { eventCountsWrites } from './events/aggregates';
import { timelineWrites } from './events/timeline.service';
import { getSchema } from './schema';
import { createMetrics } from './ops/metrics';
import { keepRequestId, requestLogger } from './ops/request-log';
import { MAX_ARTICLE_BODY_BYTES } from './intake/intake.types';
import { exportRouter } from './export/export.router';
import { staticFiles } from './ops/static-files';
import { watchDatabase } from './ops/database-watch';
import { attachSubscriptions } from './subscriptions';

export interface DetenteApp {
  app: Express;
  apollo: ApolloServer<Context>;
  /** Called on SIGTERM: /readyz answers 503 so load balancers stop sending new work while in-flight requests finish. */
  beginShutdown(): void;
  /** Serves subscriptions over graphql-ws on `server`'s /graphql, under the same rules as HTTP. */
  attachSubscriptions(server: http.Server): Promise<{ close(): Promise<void> }>;
  /** The heavy-query lane, for tests that need to know who waits in it. */
  heavyLane: HeavyLane;
  stop(): Promise<void>;
}

export interface AppOptions {
  dataSource: DataSource;
  config: Pick<
    Config,
    | 'clientDist'
    | 'limits'
    | 'graphqlExecutor'
    | 'compiledReads'
    | 'corsOrigins'
    | 'metricsEnabled'
    | 'trustProxy'
    | 'rateLimit'
    | 'contentSecurityPolicy'
    | 'dbPoolSize'
    | 'statementTimeoutMs'
    | 'corrections'
  >;
  logger: Logger;
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

export async function createApp({ dataSource, config, logger }: AppOptions): Promise<DetenteApp> {
  const schema = await getSchema();
  const metrics = createMetrics(dataSource);
  let shuttingDown = false;
  const databaseWatch = watchDatabase(dataSource, logger);
  const clientLimits = createClientLimits(config.rateLimit, config.corrections);
  // Expensive operations share half the pool; one client runs two of them at once and queues up to six more.
  const heavyLane = new HeavyLane(Math.max(1, Math.floor(config.dbPoolSize / 2)), 2, 6, config.statementTimeoutMs);
  const guard = createOperationGuard(config.limits, clientLimits, heavyLane);
  budgetConnections(dataSource);
  const formatError = keepRequestId(
    createFormatError({
      logInternal: (error, requestId) =>
        logger.error(
          { requestId, err: error instanceof Error ? { message: error.message, stack: error.stack, name: error.name } : error },
          'internal error',
        ),
      onDatabaseUnavailable: (reason) => databaseWatch.lost(reason),
    }),
  );
  // Root fields that answer as PostgreSQL's JSON text when the selection allows (common/answer-text.ts).
  const textFields = new Map([
    ['eventCounts', eventCountsWrites],
    ['timeline', (shape: AnswerShape) => timelineWrites(dataSource, shape)],
  ]);
  const apollo = new ApolloServer<Context>({
    ...(config.graphqlExecutor === 'jit' ? { gateway: jitGateway(schema, textFields) } : { schema }),
    introspection: true,
    csrfPrevention: true,
    // main.ts owns SIGTERM: Apollo's own handler would stop the server before in-flight requests finish.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints, and the default cache-control plugin would wrap every field resolver to
      // collect them: a tenth of the CPU of a 200-event answer, for a header it never sends.
      ApolloServerPluginCacheControlDisabled(),
      metrics.apolloPlugin,
      {
        async requestDidStart() {
          let release: (() => void) | undefined;
          return {
            async didResolveOperation({ operation, document, request, schema: operationSchema, contextValue }) {
              if (!operation) return;
              release = await guard.admit({
                document,
                operation,
                schema: operationSchema,
                variables: request.variables,
                client: contextValue.client,
              });
            },
            async willSendResponse({ response, contextValue }) {
              release?.();
              if (response.body.kind === 'single' && response.body.singleResult.errors?.length)
                contextValue.outcome.errorCodes = [
                  ...new Set(response.body.singleResult.errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN'))),
                ];
            },
            async validationDidStart({ document }) {
              return async (errors) => {
                if (errors?.length) nameRejectedValues(document, errors);
              };
            },
            async didEncounterErrors({ errors, contextValue }) {
              // Every error carries the request id, so a user's report can be matched with the log line.
              for (const error of errors) (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const app = express();
  // Room for the variables beside the query text, and for a whole article sent to draftEventsFromArticle.
  const bodyLimit = Math.max(config.limits.maxQueryBytes * 4, 100_000, MAX_ARTICLE_BODY_BYTES);
  app.disable('x-powered-by');
  // Behind nginx (compose) the client address is in X-Forwarded-For; believe it only from the configured proxies.
  app.set('trust proxy', config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    req.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('x-request-id', req.requestId);
    next();
  });
  app.use(requestLogger(logger));
  app.use(securityHeaders(config.contentSecurityPolicy));
  const admitCorrectionFrom = correctionLimiter(clientLimits);
  app.use(metrics.httpMiddleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (error) {
      databaseWatch.lost(error instanceof Error ? error.message : String(error));
      res.status(503).json({ status: 'unavailable', reason: 'database does not answer' });
    }
  });

  if (config.metricsEnabled) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.render());
    });
  }

  /** A refusal as the GraphQL answer's shape, with the request id, before the request reaches Apollo. */
  const refuse = (req: Request, res: Response, status: number, error: { message: string; extensions: Record<string, unknown> }) => {
    const { http: _http, ...extensions } = error.extensions;
    res.status(status).json({ errors: [{ message: error.message, extensions: { ...extensions, requestId: req.requestId } }] });
  };
  /** Counts the request against its client's allowance, or answers 429 with Retry-After. */
  const countRequest = async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'OPTIONS') {
      const allowance = await clientLimits.request(req.ip ?? 'unknown');
      if (Number.isFinite(allowance.remaining)) res.setHeader('x-ratelimit-remaining', String(allowance.remaining));
      if (allowance.refusal) {
        res.setHeader('retry-after', String(allowance.refusal.retryAfterSeconds));
        refuse(req, res, 429, allowance.refusal.error);
        return;
      }
    }
    next();
  };

  app.use(
    '/graphql',
    corsFor(config.corsOrigins),
    // Every statement the request sends counts against its own database budget: twice the statement timeout.
    (_req: Request, _res: Response, next: NextFunction) => withRequestBudget(2 * config.statementTimeoutMs, next),
    express.json({ limit: bodyLimit }),
    countRequest,
    (req: Request, res: Response, next: NextFunction) => {
      // The query text has its own limits (size, then tokens), below the body limit that leaves room for variables.
      const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
      const textError = typeof query === 'string' ? guard.textError(query) : undefined;
      if (textError) {
        refuse(req, res, textError.extensions.limit === 'querySize' ? 413 : httpStatusFor(ErrorCode.BAD_USER_INPUT), textError);
        return;
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = {
          ...createContext(dataSource, req.requestId, req.header('authorization'), req.ip ?? 'unknown', config.compiledReads),
          admitCorrection: admitCorrectionFrom(req.ip ?? 'unknown'),
          spliceAnswer: answerSplicer(res),
        };
        res.locals.outcome = context.outcome;
        return context;
      },
    }),
  );

  // An export reads the whole view: it counts against the same per-client budget as a GraphQL request.
  app.use('/export', countRequest, exportRouter(dataSource, logger));

  // The built page: static assets, and index.html for every other GET so client-side routes work.
  const indexHtml = path.join(config.clientDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    const page = staticFiles(config.clientDist);
    app.use(page);
    app.get(/^\/(?!graphql|healthz|readyz|metrics|export\/).*/, (req, res, next) => {
      // Client-side routes get index.html (precompressed, like every other file of the page).
      req.url = '/index.html';
      page(req, res, next);
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The page has not been built. Run `npm run build` (npm start does it for you).');
    });
  }

  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ requestId: req.requestId, err: { message: error.message, stack: error.stack } }, 'unhandled error');
    const [code, message] =
      status === 413
        ? ['BAD_USER_INPUT', 'Request body too large']
        : status === 404
          ? ['NOT_FOUND', 'Not found']
          : status < 500
            ? ['BAD_USER_INPUT', 'Malformed request']
            : ['INTERNAL_SERVER_ERROR', `Internal server error (request id ${req.requestId})`];
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.requestId } }] });
  });

  return {
    app,
    apollo,
    heavyLane,
    beginShutdown: () => {
      shuttingDown = true;
    },
    attachSubscriptions: (server) =>
      attachSubscriptions(server, {
        dataSource,
        guard,
        clientLimits,
        formatError,
        logger,
        clientAddress: (request) => proxyaddr(request, app.get('trust proxy fn')),
        maxPayload: bodyLimit,
      }),
    stop: async () => {
      databaseWatch.close();
      await apollo.stop();
      await clientLimits.close();
    },
  };
}

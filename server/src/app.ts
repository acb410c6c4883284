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
import { FragmentDefinitionNode, Kind } from 'graphql';
import { nameRejectedValues } from './common/bad-values';
import { enforceLimits, measureOperation } from './common/limits';
import { createFormatError } from './common/errors';
import { createRateLimitStore, rateLimiter } from './common/rate-limit';
import { correctionLimiter } from './corrections/correction-limit';
import { corsFor, securityHeaders } from './common/security';
import type { Logger } from './common/logger';
import { jitGateway } from './common/jit-executor';
import { getSchema } from './schema';
import { createMetrics } from './ops/metrics';
import { keepRequestId, requestLogger } from './ops/request-log';
import { MAX_ARTICLE_BODY_BYTES } from './intake/intake.types';
import { exportRouter } from './export/export.router';
import { staticFiles } from './ops/static-files';

export interface DetenteApp {
  app: Express;
  apollo: ApolloServer<Context>;
  /** Called on SIGTERM: /readyz answers 503 so load balancers stop sending new work while in-flight requests finish. */
  beginShutdown(): void;
  stop(): Promise<void>;
}

export interface AppOptions {
  dataSource: DataSource;
  config: Pick<
    Config,
    'clientDist' | 'limits' | 'graphqlExecutor' | 'corsOrigins' | 'metricsEnabled' | 'trustProxy' | 'rateLimit' | 'contentSecurityPolicy'
  > &
    Pick<Config, 'corrections'>;
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
  const apollo = new ApolloServer<Context>({
    ...(config.graphqlExecutor === 'jit' ? { gateway: jitGateway(schema) } : { schema }),
    introspection: true,
    csrfPrevention: true,
    // main.ts owns SIGTERM: Apollo's own handler would stop the server before in-flight requests finish.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError: keepRequestId(
      createFormatError({
        logInternal: (error, requestId) =>
          logger.error(
            { requestId, err: error instanceof Error ? { message: error.message, stack: error.stack, name: error.name } : error },
            'internal error',
          ),
      }),
    ),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints, and the default cache-control plugin would wrap every field resolver to
      // collect them: a tenth of the CPU of a 200-event answer, for a header it never sends.
      ApolloServerPluginCacheControlDisabled(),
      metrics.apolloPlugin,
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, document, request, schema: operationSchema }) {
              if (!operation) return;
              const fragments = Object.fromEntries(
                document.definitions
                  .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                  .map((f) => [f.name.value, f]),
              );
              enforceLimits(measureOperation(operationSchema, operation, fragments, request.variables ?? {}), config.limits);
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
  const rateLimitStore = createRateLimitStore(config.rateLimit);
  const admitCorrectionFrom = correctionLimiter(config.corrections, rateLimitStore, logger);
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
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database does not answer' });
    }
  });

  if (config.metricsEnabled) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.render());
    });
  }

  app.use(
    '/graphql',
    corsFor(config.corsOrigins),
    express.json({ limit: Math.max(config.limits.maxQueryBytes * 4, MAX_ARTICLE_BODY_BYTES) }),
    (req: Request, res: Response, next: NextFunction) => {
      // The query text has its own limit, below the body limit that leaves room for variables.
      const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
      const size = typeof query === 'string' ? Buffer.byteLength(query) : 0;
      if (size > config.limits.maxQueryBytes) {
        res.status(413).json({
          errors: [
            {
              message: `Query is too large: ${size} bytes, the limit is ${config.limits.maxQueryBytes} (MAX_QUERY_BYTES)`,
              extensions: {
                code: 'BAD_USER_INPUT',
                limit: 'querySize',
                max: config.limits.maxQueryBytes,
                actual: size,
                requestId: req.requestId,
              },
            },
          ],
        });
        return;
      }
      next();
    },
    rateLimiter(config.rateLimit, rateLimitStore, logger),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        ...createContext(dataSource, req.requestId, req.header('authorization')),
        admitCorrection: admitCorrectionFrom(req.ip ?? 'unknown'),
      }),
    }),
  );

  // An export reads the whole view: it counts against the same per-client budget as a GraphQL request.
  app.use('/export', rateLimiter(config.rateLimit, rateLimitStore, logger), exportRouter(dataSource, logger));

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
    beginShutdown: () => {
      shuttingDown = true;
    },
    stop: async () => {
      await apollo.stop();
      await rateLimitStore.close();
    },
  };
}

// Starts Détente: config, database (embedded unless DATABASE_URL), migrations, first data, HTTP.
import http from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';
import { deliverChangesThroughRedis } from './events/event-changes';
import { createLogger } from './common/logger';
import { createDataSource } from './db/data-source';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from './db/embedded';
import { DatasetFileError } from './dataset/dataset.files';
import { seedIfEmpty } from './dataset/dataset.store';

class StartupError extends Error {}

function describeDatabaseError(error: unknown, url: string): string {
  const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED')
    return `Cannot reach PostgreSQL at ${safeUrl}: connection refused. Is the server running? Check DATABASE_URL.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Cannot reach PostgreSQL at ${safeUrl}: unknown host. Check DATABASE_URL.`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL at ${safeUrl} refused the login: ${message}. Check the user and password in DATABASE_URL.`;
  if (code === '3D000') return `PostgreSQL at ${safeUrl}: ${message}. Create the database or fix DATABASE_URL.`;
  return `Cannot use PostgreSQL at ${safeUrl}: ${message}`;
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }

  const dataSource = createDataSource({
    url,
    replicaUrls: config.databaseReplicaUrls,
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    throw new StartupError(describeDatabaseError(error, url));
  }
  if (config.seedOnStart) {
    const loaded = await seedIfEmpty(dataSource, config.datasetDir, (m) => logger.info(m));
    if (loaded) logger.info(loaded, 'dataset loaded');
  }

  const { app, stop, beginShutdown, attachSubscriptions } = await createApp({ dataSource, config, logger });
  const server = http.createServer(app);
  let stopping = false;
  // While draining, every answer still to be sent closes its connection: a kept-alive connection would otherwise
  // hold the process open until its idle timeout, and the client reconnects to another replica.
  const unanswered = new Set<http.ServerResponse>();
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.setHeader('connection', 'close');
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`
            : `Cannot listen on port ${config.port}: ${error.message}`,
        ),
      ),
    );
    server.listen(config.port, config.host, resolve);
  });
  const stopRedisDelivery = config.rateLimit.redisUrl ? deliverChangesThroughRedis(config.rateLimit.redisUrl) : undefined;
  const subscriptions = await attachSubscriptions(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, ms: Date.now() - started }, `Détente is ready on http://localhost:${port}`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const shutdownStarted = Date.now();
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing in-flight requests');
    beginShutdown();
    for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
    // Open sockets would keep server.close() waiting; subscribers reconnect to another replica or after a restart.
    await subscriptions.close().catch(() => undefined);
    await stopRedisDelivery?.();
    // No new connections; the database stays open until every request in flight has had its answer.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const forceClose = setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running after SHUTDOWN_TIMEOUT_MS: closing their connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await closed;
    clearTimeout(forceClose);
    await stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    await stopEmbedded?.().catch(() => undefined);
    logger.info({ ms: Date.now() - shutdownStarted }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (
    error instanceof ConfigError ||
    error instanceof StartupError ||
    error instanceof EmbeddedDatabaseError ||
    error instanceof DatasetFileError
  ) {
    console.error(`\nDétente could not start.\n${error.message}\n`);
  } else {
    console.error('\nDétente could not start:', error instanceof Error ? error.message : error, '\n');
  }
  process.exit(1);
});

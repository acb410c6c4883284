// Prometheus metrics on /metrics: HTTP and GraphQL request counts and latency, database pool use, process stats.
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Client-chosen operation names become labels; past this many distinct names the rest count as "other". */
export const MAX_OPERATION_LABELS = 200;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/** The part of a `pg.Pool` the metrics read. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * TypeORM keeps its `pg` pools on the driver (`master`, and `slaves` when replicas are configured) without a
 * public accessor; these are plain `pg.Pool` objects whose counters are public.
 */
export function databasePools(dataSource: DataSource): Array<{ name: string; pool: PoolCounts }> {
  const driver = dataSource.driver as unknown as { master?: PoolCounts; slaves?: PoolCounts[] };
  const pools: Array<{ name: string; pool: PoolCounts }> = [];
  if (driver.master) pools.push({ name: 'primary', pool: driver.master });
  (driver.slaves ?? []).forEach((pool, index) => pools.push({ name: `replica${index + 1}`, pool }));
  return pools;
}

export interface Metrics {
  registry: Registry;
  /** Counts and times every HTTP request by method, route and status. */
  httpMiddleware: RequestHandler;
  /** Counts and times every GraphQL operation by name, type and outcome. */
  apolloPlugin: ApolloServerPlugin;
  /** The text for GET /metrics. */
  render(): Promise<string>;
}

export function createMetrics(dataSource: DataSource): Metrics {
  // One registry per app, so tests can build several apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'detente_' });

  const httpRequests = new Counter({
    name: 'detente_http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'detente_http_request_duration_seconds',
    help: 'HTTP request latency by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const graphqlRequests = new Counter({
    name: 'detente_graphql_requests_total',
    help: 'GraphQL operations by operation name, type and outcome (success or error).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'detente_graphql_request_duration_seconds',
    help: 'GraphQL operation latency by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // Pool gauges are read when Prometheus scrapes, straight from each pg pool's counters.
  const poolGauge = (
    name: string,
    help: string,
    labelNames: string[],
    read: (set: (labels: Record<string, string>, value: number) => void, pool: string, counts: PoolCounts) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        for (const { name: pool, pool: counts } of databasePools(dataSource))
          read((labels, value) => this.set(labels, value), pool, counts);
      },
    });
  poolGauge(
    'detente_db_pool_connections',
    'Database pool connections by pool (primary, replicaN) and state (in_use, idle).',
    ['pool', 'state'],
    (set, pool, counts) => {
      set({ pool, state: 'in_use' }, counts.totalCount - counts.idleCount);
      set({ pool, state: 'idle' }, counts.idleCount);
    },
  );
  poolGauge('detente_db_pool_waiting_requests', 'Queries waiting for a free connection, by pool.', ['pool'], (set, pool, counts) =>
    set({ pool }, counts.waitingCount),
  );
  poolGauge('detente_db_pool_max_connections', 'Configured size of each database pool.', ['pool'], (set, pool, counts) =>
    set({ pool }, counts.options?.max ?? 0),
  );

  const seenOperations = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (seenOperations.has(name)) return name;
    if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
    seenOperations.add(name);
    return name;
  };

  const httpMiddleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const stopTimer = httpDuration.startTimer();
    // Fixed route labels: page URLs are unbounded, so they all count as "page". Read before routing rewrites req.url.
    const route = KNOWN_ROUTES.has(req.path) ? req.path : 'page';
    res.once('finish', () => {
      stopTimer({ method: req.method, route });
      httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stopTimer = graphqlDuration.startTimer();
      return {
        async willSendResponse(requestContext) {
          // Only a name the parsed document really defines becomes a label; otherwise "anonymous".
          const operation = operationLabel(requestContext.operation ? requestContext.operationName : null);
          const type = requestContext.operation?.operation ?? 'invalid';
          const failed =
            requestContext.response.body.kind === 'single' && (requestContext.response.body.singleResult.errors?.length ?? 0) > 0;
          stopTimer({ operation, type });
          graphqlRequests.inc({ operation, type, outcome: failed ? 'error' : 'success' });
        },
      };
    },
  };

  return { registry, httpMiddleware, apolloPlugin, render: () => registry.metrics() };
}

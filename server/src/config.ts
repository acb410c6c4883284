// Every setting comes from the environment, is validated once at start-up, and is exported typed.
import path from 'node:path';
import fs from 'node:fs';

export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent, an embedded server runs from `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  statementTimeoutMs: number;
  /** Load the curated dataset from `server/data` when the database holds no events. */
  seedOnStart: boolean;
  datasetDir: string;
  clientDist: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  corsOrigins: string[];
  rateLimit: RateLimitConfig;
  /** Content-Security-Policy on the page and API; off only to debug a browser extension. */
  contentSecurityPolicy: boolean;
  limits: QueryLimits;
  /** Who runs operations: graphql-jit (compiled once per distinct query) or graphql-js's interpreter. */
  graphqlExecutor: 'jit' | 'graphql-js';
  /**
   * The hot reads (timeline, events, event, actor's events) as one SQL statement returning the answer's JSON
   * (events/compiled-reads.ts). Off: the resolvers and loaders build it, the reference the tests and bench compare to.
   */
  compiledReads: boolean;
  // --- Operations: read replicas, metrics, shutdown ---
  /** Read-only replicas of DATABASE_URL; reads outside transactions go to them (TypeORM replication). */
  databaseReplicaUrls: string[];
  /** Serve Prometheus metrics on /metrics. */
  metricsEnabled: boolean;
  /** After SIGTERM, how long in-flight requests may run before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address (logs, limits). */
  trustProxy: number | string | false;
  // --- end of operations settings ---
  /** Readers' suggested corrections: how many one client address may send per window (0: no limit). */
  corrections: { max: number; windowMs: number };
}

export interface RateLimitConfig {
  windowMs: number;
  /** Requests per client per window; 0 turns rate limiting off. */
  max: number;
  /** Mutations per client per window, counted on top of `max`. */
  writeMax: number;
  /** Share counters between replicas through Redis; in memory when unset. */
  redisUrl: string | undefined;
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxQueryBytes: number;
  /** Fields an operation may expand to once every fragment spread is inlined. */
  maxNodes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The repository root: the folder whose package.json declares the workspaces. */
export function findRepoRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces) return dir;
      } catch {
        // an unreadable package.json is not the root; keep climbing
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..', '..');
    dir = parent;
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const root = findRepoRoot();

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  let databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}//…")`);
      } else if (!url.hostname) {
        problems.push('DATABASE_URL has no host name');
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
    }
    if (problems.length) databaseUrl = undefined;
  }

  // --- Operations: read replicas, metrics, shutdown ---
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  databaseReplicaUrls.forEach((replica, index) => {
    let protocol = '';
    try {
      protocol = new URL(replica).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:')
      problems.push(`DATABASE_REPLICA_URLS entry ${index + 1} must be a postgres:// URL`);
  });
  if (databaseReplicaUrls.length && !env.DATABASE_URL)
    problems.push('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary); the embedded PostgreSQL has no replicas');
  const trustProxyRaw = (env.TRUST_PROXY || 'loopback').trim();
  let trustProxy: Config['trustProxy'] = 'loopback';
  if (/^\d+$/.test(trustProxyRaw)) trustProxy = Number(trustProxyRaw);
  else if (/^(false|off|no|0)$/i.test(trustProxyRaw)) trustProxy = false;
  else if (trustProxyRaw.split(',').every((entry) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry.trim())))
    trustProxy = trustProxyRaw;
  else
    problems.push(
      `TRUST_PROXY must be a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges (got "${trustProxyRaw}")`,
    );
  // --- end of operations settings ---

  if (env.REDIS_URL && !/^rediss?:\/\/\S+$/.test(env.REDIS_URL)) problems.push('REDIS_URL must look like redis://host:6379');

  const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${env.LOG_LEVEL}")`);

  const graphqlExecutor = (env.GRAPHQL_EXECUTOR || 'jit') as Config['graphqlExecutor'];
  if (graphqlExecutor !== 'jit' && graphqlExecutor !== 'graphql-js')
    problems.push(`GRAPHQL_EXECUTOR must be jit or graphql-js (got "${env.GRAPHQL_EXECUTOR}")`);

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" must look like https://example.org`);
  }

  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || path.join(root, '.data')),
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    seedOnStart: bool('SEED_ON_START', true),
    datasetDir: path.resolve(env.DATASET_DIR || path.join(root, 'server', 'data')),
    clientDist: path.resolve(env.CLIENT_DIST || path.join(root, 'client', 'dist')),
    logLevel,
    corsOrigins,
    // --- Operations ---
    databaseReplicaUrls,
    metricsEnabled: bool('METRICS_ENABLED', true),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    trustProxy,
    // --- end of operations settings ---
    rateLimit: {
      windowMs: int('RATE_LIMIT_WINDOW_MS', 60000, 1000, 3600000),
      max: int('RATE_LIMIT_MAX', 600, 0, 1000000),
      writeMax: int('RATE_LIMIT_WRITE_MAX', 60, 0, 1000000),
      redisUrl: env.REDIS_URL || undefined,
    },
    contentSecurityPolicy: bool('CONTENT_SECURITY_POLICY', true),
    graphqlExecutor,
    compiledReads: bool('COMPILED_READS', true),
    limits: {
      maxDepth: int('MAX_QUERY_DEPTH', 12, 2, 100),
      maxAliases: int('MAX_QUERY_ALIASES', 30, 1, 1000),
      maxCost: int('MAX_QUERY_COST', 50000, 10, 10000000),
      maxTokens: int('MAX_QUERY_TOKENS', 3000, 50, 100000),
      maxQueryBytes: int('MAX_QUERY_BYTES', 20000, 500, 1000000),
      maxNodes: int('MAX_QUERY_NODES', 10000, 100, 10000000),
    },
    corrections: {
      max: int('CORRECTION_RATE_LIMIT_MAX', 5, 0, 10000),
      windowMs: int('CORRECTION_RATE_LIMIT_WINDOW_MS', 3600000, 1000, 86400000),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

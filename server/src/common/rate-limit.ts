// Per-client limits: requests and writes per window (rate-limiter-flexible, in memory or in Redis so replicas
// share them), and how many expensive operations one client may have in flight.
import Redis from 'ioredis';
import { GraphQLError } from 'graphql';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config';
import { ErrorCode } from './errors';

export interface Refusal {
  error: GraphQLError;
  retryAfterSeconds: number;
}

export interface Allowance {
  remaining: number;
  refusal?: Refusal;
}

export const rateLimitedError = (message: string, retryAfterSeconds: number) =>
  new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });

export interface ClientLimits {
  /** Counts one request (an HTTP operation or a subscription) for `client`. */
  request(client: string): Promise<Allowance>;
  /** Counts one mutation, on top of its request. */
  write(client: string): Promise<Allowance>;
  close(): Promise<void>;
}

/**
 * Fixed windows per client address. With REDIS_URL the counters live in Redis so every replica counts the same;
 * while Redis does not answer, each replica counts in its own memory (rate-limiter-flexible's insurance limiter)
 * instead of letting everything through.
 */
export function createClientLimits(config: RateLimitConfig): ClientLimits {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  // Reported by the insurance limiter taking over; a flapping Redis must not crash the server.
  redis?.on('error', () => undefined);
  const limiter = (points: number, keyPrefix: string): RateLimiterAbstract | undefined => {
    if (points <= 0 || config.max === 0) return undefined;
    const options = { points, duration: config.windowMs / 1000, keyPrefix };
    const memory = new RateLimiterMemory(options);
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  };
  const requests = limiter(config.max, 'detente:rl:all');
  const writes = limiter(config.writeMax, 'detente:rl:write');
  const perWindow = `${config.windowMs / 1000} s`;

  const consume = async (target: RateLimiterAbstract | undefined, client: string, what: string, max: number): Promise<Allowance> => {
    if (!target) return { remaining: Number.POSITIVE_INFINITY };
    try {
      const result = await target.consume(client);
      return { remaining: result.remainingPoints };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        remaining: 0,
        refusal: {
          retryAfterSeconds,
          error: rateLimitedError(
            `Too many ${what}: at most ${max} per ${perWindow}; try again in ${retryAfterSeconds} s`,
            retryAfterSeconds,
          ),
        },
      };
    }
  };

  return {
    request: (client) => consume(requests, client, 'requests', config.max),
    write: (client) => consume(writes, client, 'mutations', config.writeMax),
    async close() {
      redis?.disconnect();
    },
  };
}

/**
 * Keeps expensive operations (searches, big pages: cost at or above `heavyCost`) to a share of the database pool,
 * and each client to a few of them at once, so one client flooding them cannot take every connection from the
 * cheap queries of everyone else. Over a client's share the answer is RATE_LIMITED at once; while the shared lane
 * is full an operation waits its turn, up to `waitMs`, then SERVICE_UNAVAILABLE.
 */
export class HeavyLane {
  private inFlight = 0;
  private readonly perClient = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly slots: number,
    readonly perClientMax: number,
    private readonly waitMs: number,
  ) {}

  async enter(client: string): Promise<() => void> {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.perClientMax) {
      throw rateLimitedError(
        `Too many expensive queries in flight from this client: at most ${this.perClientMax} at once (searches and large pages); wait for one to finish`,
        1,
      );
    }
    this.perClient.set(client, mine + 1);
    try {
      // A slot freed while waiting is handed over directly, so a newcomer cannot take it first.
      if (this.inFlight >= this.slots) await this.waitTurn();
      else this.inFlight++;
    } catch (error) {
      this.leaveClient(client);
      throw error;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leaveClient(client);
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    };
  }

  private leaveClient(client: string) {
    const mine = (this.perClient.get(client) ?? 1) - 1;
    if (mine > 0) this.perClient.set(client, mine);
    else this.perClient.delete(client);
  }

  private waitTurn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(turn);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(
          new GraphQLError('The server is busy with expensive queries; try again in a few seconds.', {
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
          }),
        );
      }, this.waitMs);
      this.waiting.push(turn);
    });
  }
}

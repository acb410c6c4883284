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
  /** Counts one reader's correction (submitCorrection needs no key), against its own, smaller allowance. */
  correction(client: string): Promise<Allowance>;
  close(): Promise<void>;
}

/** The allowance for readers' corrections: `max` per `windowMs` per client address; `max` 0 turns it off. */
export interface CorrectionLimitConfig {
  max: number;
  windowMs: number;
}

const windowText = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/**
 * Fixed windows per client address. With REDIS_URL the counters live in Redis so every replica counts the same;
 * while Redis does not answer, each replica counts in its own memory (rate-limiter-flexible's insurance limiter)
 * instead of letting everything through.
 */
export function createClientLimits(config: RateLimitConfig, corrections: CorrectionLimitConfig = { max: 0, windowMs: 1 }): ClientLimits {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  // Reported by the insurance limiter taking over; a flapping Redis must not crash the server.
  redis?.on('error', () => undefined);
  const limiter = (points: number, keyPrefix: string, windowMs = config.windowMs): RateLimiterAbstract | undefined => {
    if (points <= 0) return undefined;
    const options = { points, duration: windowMs / 1000, keyPrefix };
    const memory = new RateLimiterMemory(options);
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  };
  // RATE_LIMIT_MAX=0 turns the request and write limits off; corrections keep their own switch.
  const requests = config.max === 0 ? undefined : limiter(config.max, 'detente:rl:all');
  const writes = config.max === 0 ? undefined : limiter(config.writeMax, 'detente:rl:write');
  const correctionLimiter = limiter(corrections.max, 'detente:rl:correction', corrections.windowMs);

  const consume = async (
    target: RateLimiterAbstract | undefined,
    client: string,
    what: string,
    max: number,
    windowMs = config.windowMs,
  ): Promise<Allowance> => {
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
            `Too many ${what}: at most ${max} per ${windowText(windowMs)}; try again in ${retryAfterSeconds} s`,
            retryAfterSeconds,
          ),
        },
      };
    }
  };

  return {
    request: (client) => consume(requests, client, 'requests', config.max),
    write: (client) => consume(writes, client, 'mutations', config.writeMax),
    correction: (client) => consume(correctionLimiter, client, 'corrections from this address', corrections.max, corrections.windowMs),
    async close() {
      redis?.disconnect();
    },
  };
}

/** A counting semaphore whose waiters are served in arrival order; a place freed is handed to the next directly. */
class Gate {
  active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly size: number) {}

  get waiting() {
    return this.queue.length;
  }

  get idle() {
    return this.active === 0 && this.queue.length === 0;
  }

  /** Resolves once a place is this caller's; rejects with `timeout()` after `waitMs` in the queue. */
  enter(waitMs: number, timeout: () => Error): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.queue.indexOf(turn);
        if (index >= 0) this.queue.splice(index, 1);
        reject(timeout());
      }, waitMs);
      this.queue.push(turn);
    });
  }

  leave() {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

const busy = () =>
  new GraphQLError('The server is busy with expensive queries; try again in a few seconds.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });

/**
 * Keeps expensive operations (searches, big pages: cost at or above HEAVY_QUERY_COST) to a share of the database
 * pool, and each client to a few of them at once, so one client flooding them cannot take every connection from
 * the cheap queries of everyone else. A client's operations past its share wait their turn in its own queue
 * (a page searching sends six at once); past `perClientQueue` waiting, the answer is RATE_LIMITED at once. While
 * the shared lane is full an operation waits its turn too, up to `waitMs` each time, then SERVICE_UNAVAILABLE.
 */
export class HeavyLane {
  private readonly shared: Gate;
  private readonly clients = new Map<string, Gate>();

  constructor(
    slots: number,
    readonly perClientMax: number,
    readonly perClientQueue: number,
    private readonly waitMs: number,
  ) {
    this.shared = new Gate(slots);
  }

  async enter(client: string): Promise<() => void> {
    let own = this.clients.get(client);
    if (!own) this.clients.set(client, (own = new Gate(this.perClientMax)));
    const gate = own;
    if (gate.active >= gate.size && gate.waiting >= this.perClientQueue) {
      throw rateLimitedError(
        `Too many expensive queries from this client: ${gate.active} running and ${gate.waiting} waiting (searches and large pages); wait for them to finish`,
        1,
      );
    }
    const forget = () => {
      if (gate.idle && this.clients.get(client) === gate) this.clients.delete(client);
    };
    try {
      await gate.enter(this.waitMs, busy);
    } catch (error) {
      forget();
      throw error;
    }
    try {
      await this.shared.enter(this.waitMs, busy);
    } catch (error) {
      gate.leave();
      forget();
      throw error;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.shared.leave();
      gate.leave();
      forget();
    };
  }
}

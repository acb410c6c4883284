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

const busy = () =>
  new GraphQLError('The server is busy with expensive queries; try again in a few seconds.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });

/** One client's part of the heavy lane: its operations running, and those waiting their turn in arrival order. */
interface Share {
  active: number;
  waiting: Array<() => void>;
  /** When it was last given a place (the lane's turn counter): the least recently served goes first. */
  lastServed: number;
}

/**
 * Keeps expensive operations (searches, big pages: cost at or above HEAVY_QUERY_COST) to a share of the database
 * pool, and each client to a few of them at once, so one client flooding them cannot take every connection from
 * the cheap queries of everyone else.
 *
 * Waiting clients are served in turn, not in arrival order: a freed place goes to the waiting client with the
 * fewest operations running, and among equals to the one served least recently. A client sending one search at a
 * time therefore goes ahead of every queued operation of a client that already has some running, however many
 * that client queued first. A client's operations past its `perClientMax` running wait in its own queue (a page
 * searching sends six at once); past `perClientQueue` waiting, the answer is RATE_LIMITED at once, and an
 * operation still waiting after `waitMs` while its client has others running is RATE_LIMITED too: the lane is busy
 * with that client's own work. A client with nothing running is never refused for another's load; it waits for
 * the next place, and only a lane full for three times `waitMs` (the database itself overwhelmed) answers
 * SERVICE_UNAVAILABLE.
 */
export class HeavyLane {
  private free: number;
  private turn = 0;
  private readonly shares = new Map<string, Share>();

  constructor(
    slots: number,
    readonly perClientMax: number,
    readonly perClientQueue: number,
    private readonly waitMs: number,
  ) {
    this.free = slots;
  }

  async enter(client: string): Promise<() => void> {
    let share = this.shares.get(client);
    if (!share) this.shares.set(client, (share = { active: 0, waiting: [], lastServed: 0 }));
    const own = share;
    if (own.active >= this.perClientMax && own.waiting.length >= this.perClientQueue) {
      throw rateLimitedError(
        `Too many expensive queries from this client: ${own.active} running and ${own.waiting.length} waiting (searches and large pages); wait for them to finish`,
        1,
      );
    }
    if (this.free > 0 && own.active < this.perClientMax && own.waiting.length === 0) this.give(own);
    else await this.wait(client, own);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      own.active--;
      this.free++;
      this.forget(client, own);
      this.dispatch();
    };
  }

  /** Operations waiting for a place, all clients together. */
  get waiting(): number {
    let count = 0;
    for (const share of this.shares.values()) count += share.waiting.length;
    return count;
  }

  private give(share: Share) {
    share.active++;
    this.free--;
    share.lastServed = ++this.turn;
  }

  private wait(client: string, share: Share): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let timer: NodeJS.Timeout;
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const giveUp = (error: Error) => {
        share.waiting.splice(share.waiting.indexOf(turn), 1);
        this.forget(client, share);
        reject(error);
      };
      const check = () => {
        if (share.active > 0)
          return giveUp(
            rateLimitedError(
              `This client's expensive queries are using its share (${share.active} running, ${share.waiting.length} waiting); wait for them to finish`,
              1,
            ),
          );
        if (performance.now() - started >= 3 * this.waitMs) return giveUp(busy());
        timer = setTimeout(check, this.waitMs);
      };
      timer = setTimeout(check, this.waitMs);
      share.waiting.push(turn);
      this.dispatch();
    });
  }

  /** Hands free places to waiting clients: fewest running first, then the least recently served. */
  private dispatch() {
    while (this.free > 0) {
      let next: Share | undefined;
      for (const share of this.shares.values()) {
        if (share.waiting.length === 0 || share.active >= this.perClientMax) continue;
        if (!next || share.active < next.active || (share.active === next.active && share.lastServed < next.lastServed)) next = share;
      }
      if (!next) return;
      this.give(next);
      next.waiting.shift()!();
    }
  }

  private forget(client: string, share: Share) {
    if (share.active === 0 && share.waiting.length === 0 && this.shares.get(client) === share) this.shares.delete(client);
  }
}

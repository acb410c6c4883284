// Per-client rate limits on /graphql: fixed windows counted in memory, or in Redis so replicas share them.
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import type { RateLimitConfig } from '../config';
import type { Logger } from './logger';

export interface RateLimitStore {
  /** Counts one hit for `key` and returns the count in the current window and when the window ends (ms from now). */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  close(): Promise<void>;
}

export class MemoryStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    }, sweepEveryMs);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return { count: window.count, resetMs: window.resetAt - now };
  }

  async close() {
    clearInterval(this.sweeper);
  }
}

export class RedisStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.redis.on('error', () => undefined); // reported per hit instead; a flapping Redis must not crash the server
  }

  async hit(key: string, windowMs: number) {
    const name = `detente:rl:${key}`;
    const result = await this.redis.multi().incr(name).pexpire(name, windowMs, 'NX').pttl(name).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? windowMs);
    return { count, resetMs: ttl > 0 ? ttl : windowMs };
  }

  async close() {
    this.redis.disconnect();
  }
}

const isMutation = (body: unknown) =>
  typeof (body as { query?: unknown })?.query === 'string' && /^\s*mutation\b/.test((body as { query: string }).query);

/**
 * Limits requests per client address. Past the limit the answer is 429 with RATE_LIMITED and Retry-After. When the
 * store fails (Redis down) requests pass, and the failure is logged: availability over strictness.
 */
export function rateLimiter(config: RateLimitConfig, store: RateLimitStore, logger: Logger) {
  let lastStoreError = 0;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (config.max === 0 || req.method === 'OPTIONS') return next();
    const client = req.ip ?? 'unknown';
    try {
      const checks: Array<[string, number]> = [[`all:${client}`, config.max]];
      if (isMutation(req.body) && config.writeMax > 0) checks.push([`write:${client}`, config.writeMax]);
      for (const [key, max] of checks) {
        const { count, resetMs } = await store.hit(key, config.windowMs);
        res.setHeader(key.startsWith('write') ? 'x-ratelimit-write-remaining' : 'x-ratelimit-remaining', String(Math.max(0, max - count)));
        if (count > max) {
          const retryAfter = Math.ceil(resetMs / 1000);
          res.setHeader('retry-after', String(retryAfter));
          res.status(429).json({
            errors: [
              {
                message: `Too many ${key.startsWith('write') ? 'mutations' : 'requests'}: at most ${max} per ${config.windowMs / 1000} s; try again in ${retryAfter} s`,
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, requestId: req.requestId },
              },
            ],
          });
          return;
        }
      }
    } catch (error) {
      if (Date.now() - lastStoreError > 10_000)
        logger.warn({ err: { message: (error as Error).message } }, 'rate-limit store failed; letting requests through');
      lastStoreError = Date.now();
    }
    next();
  };
}

export function createRateLimitStore(config: RateLimitConfig): RateLimitStore {
  return config.redisUrl ? new RedisStore(config.redisUrl) : new MemoryStore();
}

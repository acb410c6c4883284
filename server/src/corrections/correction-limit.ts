// Readers send corrections without a key, so each client address gets its own small allowance, counted in the same
// store as the /graphql rate limits (common/rate-limit.ts: memory, or Redis shared by replicas).
import { HeaderMap } from '@apollo/server';
import type { Config } from '../config';
import { AppError, ErrorCode } from '../common/errors';
import type { Logger } from '../common/logger';
import type { RateLimitStore } from '../common/rate-limit';

/** Counts one correction for the request's client, or throws RATE_LIMITED past the allowance. */
export type AdmitCorrection = () => Promise<void>;

/** What the request context carries for corrections; absent where no client address is known. */
export interface CorrectionContext {
  admitCorrection?: AdmitCorrection;
}

const windowText = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`);

export function correctionLimiter(limit: Config['corrections'], store: RateLimitStore, logger: Logger) {
  let lastStoreError = 0;
  return (client: string): AdmitCorrection =>
    async () => {
      if (limit.max === 0) return;
      let hit: { count: number; resetMs: number };
      try {
        hit = await store.hit(`correction:${client}`, limit.windowMs);
      } catch (error) {
        // Like the request limits: when the store fails, availability wins and the failure is logged.
        if (Date.now() - lastStoreError > 10_000)
          logger.warn({ err: { message: (error as Error).message } }, 'rate-limit store failed; letting a correction through');
        lastStoreError = Date.now();
        return;
      }
      if (hit.count <= limit.max) return;
      const retryAfterSeconds = Math.ceil(hit.resetMs / 1000);
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Too many corrections from this address: at most ${limit.max} per ${windowText(limit.windowMs)}; try again in ${retryAfterSeconds} s`,
        // Apollo turns `http` into the response's status and headers (and leaves it out of the body), as the
        // request limits answer: 429 with Retry-After.
        { retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
      );
    };
}

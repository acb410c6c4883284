// Readers send corrections without a key, so each client address gets its own small allowance, counted by the same
// per-client limits as /graphql (common/rate-limit.ts: memory, or Redis shared by replicas).
import type { ClientLimits } from '../common/rate-limit';

/** Counts one correction for the request's client, or throws RATE_LIMITED (HTTP 429, Retry-After) past the allowance. */
export type AdmitCorrection = () => Promise<void>;

/** What the request context carries for corrections; absent where no client address is known. */
export interface CorrectionContext {
  admitCorrection?: AdmitCorrection;
}

export function correctionLimiter(limits: ClientLimits) {
  return (client: string): AdmitCorrection =>
    async () => {
      const allowance = await limits.correction(client);
      if (allowance.refusal) throw allowance.refusal.error;
    };
}

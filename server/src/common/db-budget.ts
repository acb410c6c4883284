// Per-request database budget: how many pool connections one request may hold at once, and how long it may hold
// them in all. Without it one request of eight aliased searches takes eight connections at once, and a pool of
// ten is gone to two such requests while everyone's cheap queries wait.
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { ErrorCode } from './errors';

export class RequestBudget {
  /** Connections this request may hold at once; Infinity until its operation is known to be heavy. */
  connections = Number.POSITIVE_INFINITY;
  private held = 0;
  private usedMs = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxMs: number) {}

  async acquire(): Promise<() => void> {
    if (this.usedMs > this.maxMs) {
      throw new GraphQLError(
        `The query used its database time (${Math.round(this.usedMs)} ms, the limit is ${this.maxMs} ms); ask for less`,
        { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
      );
    }
    if (this.held >= this.connections) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held++;
    const since = performance.now();
    return () => {
      this.usedMs += performance.now() - since;
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    };
  }
}

const current = new AsyncLocalStorage<RequestBudget>();

/** Runs `work` (an HTTP request's handling) with its own budget, reachable by every statement it sends. */
export function withRequestBudget<T>(maxMs: number, work: () => T): T {
  return current.run(new RequestBudget(maxMs), work);
}

/** The budget of the request being served, if any (migrations, CLIs and probes have none). */
export const requestBudget = (): RequestBudget | undefined => current.getStore();

type Release = (error?: unknown) => void;
interface PooledDriver {
  obtainMasterConnection(): Promise<[unknown, Release]>;
  obtainSlaveConnection(): Promise<[unknown, Release]>;
}

/**
 * Makes every pool checkout of `dataSource` (TypeORM's postgres driver: the primary and replicas) count against
 * the budget of the request that asks for it.
 */
const BUDGETED = Symbol('budgeted');

export function budgetConnections(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as PooledDriver & { [BUDGETED]?: true };
  if (driver[BUDGETED]) return; // several apps over one data source (tests) must not count a checkout twice
  driver[BUDGETED] = true;
  for (const method of ['obtainMasterConnection', 'obtainSlaveConnection'] as const) {
    const obtain = driver[method].bind(driver);
    driver[method] = async () => {
      const budget = current.getStore();
      if (!budget) return obtain();
      const giveBack = await budget.acquire();
      try {
        const [connection, release] = await obtain();
        return [
          connection,
          (error?: unknown) => {
            giveBack();
            release(error);
          },
        ];
      } catch (error) {
        giveBack();
        throw error;
      }
    };
  }
}

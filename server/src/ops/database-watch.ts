// Says in the log when the database goes away and when it is back, once each, with how long it was gone: the
// requests failing meanwhile are many, the outage is one fact.
import type { DataSource } from 'typeorm';
import type { Logger } from '../common/logger';

export interface DatabaseWatch {
  /** A request met a connection failure; the first one starts the outage and probes until the database answers. */
  lost(reason: string): void;
  readonly down: boolean;
  close(): void;
}

export function watchDatabase(dataSource: DataSource, logger: Logger, probeEveryMs = 500): DatabaseWatch {
  let lostAt: number | undefined;
  let probe: NodeJS.Timeout | undefined;
  let closed = false;

  const check = async () => {
    probe = undefined;
    if (closed || lostAt === undefined) return;
    try {
      await dataSource.query('SELECT 1');
      const outageMs = Date.now() - lostAt;
      lostAt = undefined;
      logger.warn({ outageMs, outageSeconds: Math.round(outageMs / 100) / 10 }, 'database is back');
    } catch {
      if (!closed) probe = setTimeout(() => void check(), probeEveryMs).unref();
    }
  };

  return {
    lost(reason) {
      if (lostAt !== undefined || closed) return;
      lostAt = Date.now();
      logger.error({ reason }, 'database lost: requests fail with SERVICE_UNAVAILABLE until it answers again');
      probe = setTimeout(() => void check(), probeEveryMs).unref();
    },
    get down() {
      return lostAt !== undefined;
    },
    close() {
      closed = true;
      if (probe) clearTimeout(probe);
    },
  };
}

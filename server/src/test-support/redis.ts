// Whether this machine's Redis (127.0.0.1:6379) answers; tests that need it skip with a note when it does not.
import net from 'node:net';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(6379, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

/** Set by the suite's global setup: "ok", or why Redis cannot be used. */
export const REDIS_PROBE_ENV = 'DETENTE_TEST_REDIS';

/** `it` when the global setup found Redis answering; otherwise a skipped test whose title says why. */
export function itWithRedis(name: string, fn: () => Promise<void>, timeout?: number): void {
  const probe = process.env[REDIS_PROBE_ENV];
  if (probe === 'ok') it(name, fn, timeout);
  else it.skip(`${name} (skipped: ${probe ?? 'Redis was not probed'})`, fn, timeout);
}

// Whether this machine's Redis (127.0.0.1:6379) answers; tests that need it skip with a note when it does not.
import net from 'node:net';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(6379, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

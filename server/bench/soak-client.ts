// The load generator for soak.ts, run as a separate process: CONNECTIONS loops posting a mix of page queries for
// SECONDS, recording every request's start, latency and whether it succeeded (HTTP 200 and no GraphQL errors).
// Each loop posts from its own loopback address (127.0.0.x) when `addresses` are given: to the server's per-client
// limits, 64 readers are 64 clients, as they would be in the world.
import http from 'node:http';

interface Job {
  url: string;
  seconds: number;
  connections: number;
  bodies: string[];
  /** Local addresses to post from, one per loop in turn; the system's choice when empty. */
  addresses?: string[];
}

function post(url: URL, body: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' }, timeout: 10_000 },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

async function main() {
  const job = JSON.parse(process.argv[2]) as Job;
  const url = new URL(job.url);
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const samples: Array<[number, number, number]> = []; // [start ms since begin, latency ms, ok 1/0]
  const codes: Record<string, number> = {};
  let next = 0;
  const loop = async (index: number) => {
    const localAddress = job.addresses?.length ? job.addresses[index % job.addresses.length] : undefined;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
    while (performance.now() < deadline) {
      const body = job.bodies[next++ % job.bodies.length];
      const t0 = performance.now();
      let ok: 0 | 1;
      try {
        const response = await post(url, body, agent);
        ok = response.status === 200 && !response.text.includes('"errors"') ? 1 : 0;
        const code = ok ? 'ok' : (/"code":"(\w+)"/.exec(response.text)?.[1] ?? `HTTP ${response.status}`);
        codes[code] = (codes[code] ?? 0) + 1;
      } catch {
        ok = 0;
        codes.network = (codes.network ?? 0) + 1;
      }
      const t1 = performance.now();
      samples.push([t0 - started, t1 - t0, ok]);
      if (!ok) await new Promise((r) => setTimeout(r, 50)); // a failing server is not hammered in a tight loop
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: job.connections }, (_, i) => loop(i)));
  process.stdout.write(JSON.stringify({ elapsedMs: performance.now() - started, samples, codes }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

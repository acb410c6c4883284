// The load generator for soak.ts, run as a separate process: CONNECTIONS loops posting a mix of page queries for
// SECONDS, recording every request's start, latency and whether it succeeded (HTTP 200 and no GraphQL errors).
interface Job {
  url: string;
  seconds: number;
  connections: number;
  bodies: string[];
}

async function main() {
  const job = JSON.parse(process.argv[2]) as Job;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const samples: Array<[number, number, number]> = []; // [start ms since begin, latency ms, ok 1/0]
  let next = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const body = job.bodies[next++ % job.bodies.length];
      const t0 = performance.now();
      let ok: 0 | 1;
      try {
        const response = await fetch(job.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        ok = response.status === 200 && !text.includes('"errors"') ? 1 : 0;
      } catch {
        ok = 0;
      }
      const t1 = performance.now();
      samples.push([t0 - started, t1 - t0, ok]);
      if (!ok) await new Promise((r) => setTimeout(r, 50)); // a failing server is not hammered in a tight loop
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  process.stdout.write(JSON.stringify({ elapsedMs: performance.now() - started, samples }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

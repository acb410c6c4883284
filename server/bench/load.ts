// The load generator, run as its own process so its work does not share the event loop of the servers it
// measures: autocannon with a fixed number of keep-alive connections, every response's latency kept for exact
// percentiles. Reads one JSON job from argv, writes one JSON result line to stdout.
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  body: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  non2xx: number;
  errors: number;
  latenciesMs: number[];
}

async function main() {
  const job = JSON.parse(process.argv[2]) as LoadJob;
  const latenciesMs: number[] = [];
  let non2xx = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: job.body,
        connections: job.connections,
        duration: job.seconds,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) non2xx++;
      latenciesMs.push(responseTime);
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out: LoadResult = {
    requests: latenciesMs.length,
    seconds,
    rps: latenciesMs.length / seconds,
    non2xx,
    errors: result.errors + result.timeouts,
    latenciesMs,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

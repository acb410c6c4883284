// `npm run bench:soak` (also run by `npm run bench`): 64 clients on a mix of page queries for 60 s against the app
// as it runs in production (its own process, PostgreSQL in another): once steady, once while one more client floods
// the heaviest queries the limits accept (the noisy neighbour), and once while PostgreSQL restarts.
// Reports errors, p50/p99 and requests per second, and for the restart: requests failed, time to recover, data intact.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/test-support/net';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const PG_PROCESS = path.join(REPO, 'server', 'src', 'test-support', 'embedded-process.mjs');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64);
const RESTART_AT = Number(process.env.SOAK_RESTART_AT ?? Math.round(SECONDS / 3));
const DOWN_FOR = Number(process.env.SOAK_DOWN_SECONDS ?? 5);
/** Loops the noisy neighbour keeps in flight; 0 skips that run. */
const FLOOD_CONNECTIONS = Number(process.env.SOAK_FLOOD_CONNECTIONS ?? 8);
/** Each reader posts from an address of its own, 127.0.0.10 and up; the flooder from 127.0.0.2. */
const READER_ADDRESSES = Array.from({ length: CONNECTIONS }, (_, i) => `127.0.${Math.floor((10 + i) / 250)}.${((10 + i) % 250) + 1}`);
const FLOODER_ADDRESS = '127.0.0.2';

const QUERIES = [
  `{ timeline(from: "2021-01-01", to: "2022-12-31", maxItems: 200) { totalCount events { id title startDate endDate kind tone importance } omitted { from to count } } }`,
  `{ events(filter: { search: "sanctions" }, first: 20) { totalCount edges { rank node { id title startDate } } } }`,
  `{ event(id: "2021-10-12-ryabkov-nuland-talks-moscow") { title summary participants { role actor { name } } citations { source { url publisher } } links { type direction event { title } } } }`,
  `{ eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: YEAR) { start count byKind { kind count } } }`,
  `{ relationsTemperature(from: "2014-01-01", to: "2024-12-31", bucket: MONTH) { start usToRu { meanTone smoothed } ruToUs { meanTone smoothed } } }`,
  `{ actors(search: "Lavrov") { nodes { id name title } } }`,
].map((query) => JSON.stringify({ query }));

/**
 * The heaviest accepted query: as many aliased searches for a common term, each a full page of events with their
 * participants and citations, as MAX_QUERY_COST (50,000) lets through (8, at SEARCH_COST 5,000 plus 1,201 each).
 */
const HEAVIEST = JSON.stringify({
  query: `{ ${Array.from(
    { length: 8 },
    (_, i) =>
      `a${i}: events(first: 100, filter: { search: "sanctions" }) { nodes { title participants { actor { name } } citations { source { url } } } }`,
  ).join(' ')} }`,
});

function startPostgres(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [PG_PROCESS, dataDir, String(port), 'soak'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (c) => String(c).includes('READY') && resolve(child));
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}`)));
  });
}
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

async function waitReady(url: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the app did not become ready');
}

interface Run {
  requests: number;
  failed: number;
  rps: number;
  p50: number;
  p99: number;
  firstFailureS: number | null;
  lastFailureS: number | null;
}

interface ClientRun {
  samples: Array<[number, number, number]>;
  codes: Record<string, number>;
}

function runClient(
  url: string,
  seconds: number,
  options: { connections?: number; bodies?: string[]; addresses?: string[] } = {},
): Promise<ClientRun> {
  const job = {
    url: `${url}/graphql`,
    seconds,
    connections: options.connections ?? CONNECTIONS,
    bodies: options.bodies ?? QUERIES,
    addresses: options.addresses ?? READER_ADDRESSES,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'soak-client.js'), JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (c) => (out += c));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ClientRun) : reject(new Error(`load client exited with ${code}`)),
    );
  });
}

function summarise(samples: Array<[number, number, number]>, seconds: number): Run {
  const latencies = samples
    .filter((s) => s[2])
    .map((s) => s[1])
    .sort((a, b) => a - b);
  const failures = samples.filter((s) => !s[2]).map((s) => s[0] / 1000);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: samples.length,
    failed: failures.length,
    rps: Math.round(samples.length / seconds),
    p50: Math.round(at(0.5) * 10) / 10,
    p99: Math.round(at(0.99) * 10) / 10,
    firstFailureS: failures.length ? Math.round(Math.min(...failures) * 10) / 10 : null,
    lastFailureS: failures.length ? Math.round(Math.max(...failures) * 10) / 10 : null,
  };
}

/** The app process's resident memory (VmRSS) in MiB, from /proc; undefined where there is no /proc. */
function rssMiB(pid: number): number | undefined {
  try {
    const kB = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kB) ? Math.round((kB / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the app's RSS twice a second while a run goes on: where it started, its peak, where it ended. */
function sampleRss(pid: number) {
  const start = rssMiB(pid);
  let max = start ?? 0;
  const timer = setInterval(() => (max = Math.max(max, rssMiB(pid) ?? 0)), 500);
  return () => {
    clearInterval(timer);
    const end = rssMiB(pid);
    return { startMiB: start, maxMiB: Math.max(max, end ?? 0), endMiB: end };
  };
}

async function fingerprint(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ events(first: 100, orderBy: DATE_ASC) { totalCount nodes { id version title } } eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: YEAR) { count } }',
    }),
  });
  return JSON.stringify(await res.json());
}

async function main() {
  if (process.env.BENCH_SOAK === '0') return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-soak-'));
  fs.chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  const appPort = await freePort();
  let pg = await startPostgres(dataDir, pgPort);
  const app = spawn(process.execPath, [path.join(REPO, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(appPort),
      DATABASE_URL: `postgres://postgres:detente-local@127.0.0.1:${pgPort}/soak`,
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${appPort}`;
  const results: Record<string, unknown> = { connections: CONNECTIONS, seconds: SECONDS };
  try {
    await waitReady(url, 60_000);
    console.log(
      `Soak: ${CONNECTIONS} clients, ${SECONDS} s, a mix of ${QUERIES.length} page queries, app and PostgreSQL in their own processes.`,
    );
    const steadyRss = sampleRss(app.pid!);
    const steady = { ...summarise((await runClient(url, SECONDS)).samples, SECONDS), rss: steadyRss() };
    results.steady = steady;
    console.log(
      `  steady          ${steady.requests} requests, ${steady.failed} failed, ${steady.rps} req/s, p50 ${steady.p50} ms, p99 ${steady.p99} ms, ` +
        `app RSS ${steady.rss.startMiB} → peak ${steady.rss.maxMiB} → ${steady.rss.endMiB} MiB`,
    );

    if (FLOOD_CONNECTIONS > 0) {
      // The same readers, while one more client keeps FLOOD_CONNECTIONS of the heaviest accepted queries in flight.
      const noisyRss = sampleRss(app.pid!);
      const [readers, flooder] = await Promise.all([
        runClient(url, SECONDS),
        runClient(url, SECONDS, { connections: FLOOD_CONNECTIONS, bodies: [HEAVIEST], addresses: [FLOODER_ADDRESS] }),
      ]);
      const noisy = { ...summarise(readers.samples, SECONDS), codes: readers.codes };
      const flood = { ...summarise(flooder.samples, SECONDS), codes: flooder.codes };
      const rss = noisyRss();
      results.noisyNeighbour = { readers: noisy, flooder: flood, rss };
      console.log(
        `  noisy neighbour ${noisy.requests} requests, ${noisy.failed} failed, ${noisy.rps} req/s, p50 ${noisy.p50} ms (${(noisy.p50 / steady.p50).toFixed(2)}× steady), ` +
          `p99 ${noisy.p99} ms (${(noisy.p99 / steady.p99).toFixed(2)}× steady); the flooder: ${flood.requests} requests, ` +
          `answers ${JSON.stringify(flooder.codes)}, p50 ${flood.p50} ms; app RSS peak ${rss.maxMiB} MiB, ${rss.endMiB} MiB after`,
      );
    }

    const before = await fingerprint(url);
    const load = runClient(url, SECONDS);
    await new Promise((r) => setTimeout(r, RESTART_AT * 1000));
    const stoppedAt = Date.now();
    await stop(pg);
    await new Promise((r) => setTimeout(r, DOWN_FOR * 1000));
    pg = await startPostgres(dataDir, pgPort);
    const upAt = Date.now();
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - upAt < 30_000) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: QUERIES[0],
      }).catch(() => null);
      if (res?.ok && !(await res.text()).includes('"errors"')) recoveredAt = Date.now();
      else await new Promise((r) => setTimeout(r, 50));
    }
    const restart = summarise((await load).samples, SECONDS);
    const after = await fingerprint(url);
    const restartReport = {
      ...restart,
      databaseDownS: Math.round((upAt - stoppedAt) / 100) / 10,
      recoverAfterRestartMs: recoveredAt ? recoveredAt - upAt : null,
      dataIntact: before === after,
    };
    results.restart = restartReport;
    console.log(
      `  with a restart  ${restart.requests} requests, ${restart.failed} failed (database down ${restartReport.databaseDownS} s), ` +
        `recovered ${restartReport.recoverAfterRestartMs} ms after PostgreSQL was back, data intact: ${restartReport.dataIntact}, p50 ${restart.p50} ms, p99 ${restart.p99} ms`,
    );
    const resultsFile = process.env.SOAK_RESULTS ?? path.join(REPO, 'server', 'bench', 'results', 'soak.json');
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2)}\n`);
  } finally {
    await stop(app);
    await stop(pg);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`The soak failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

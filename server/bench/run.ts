// `npm run bench`: fills (or reuses) the benchmark database, serves every scenario from the app, the floor and the
// peer in turn, loads each from a separate process, and prints and saves the figures. Settings: see README.md.
import './production';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { Breakdown, formatBreakdown, measureBreakdown } from './breakdown';
import { measureColdStart } from './cold-start';
import { openBenchDatabase, prepareBenchDatabase, prepareShippedDatabase } from './database';
import { startFloor } from './floor';
import type { LoadJob, LoadResult } from './load';
import { CHROMIUM, measurePage, PageResult, percentile, REPO_ROOT } from './page';
import { PeerServer, startPeer } from './peer';
import { Figures, HttpRequestSpec, Overlap, SCENARIOS, Scenario } from './scenarios';
import { printTable, ScenarioResult } from './report';

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const flag = (name: string) => env[name] !== '0' && env[name] !== 'false';

const settings = {
  events: num('BENCH_EVENTS', 1_000_000),
  seconds: num('BENCH_DURATION', 10),
  runs: num('BENCH_RUNS', 3),
  warmup: num('BENCH_WARMUP', 3),
  // Responses each row's percentiles are over at least: slow rows run more 10 s runs, up to BENCH_MAX_RUNS.
  minRequests: num('BENCH_MIN_REQUESTS', 200),
  maxRuns: num('BENCH_MAX_RUNS', 12),
  // As many connections as cores: the server is saturated, yet a request rarely queues behind another.
  connections: num('BENCH_CONNECTIONS', os.cpus().length),
  poolSize: num('BENCH_POOL_SIZE', 10),
  peer: flag('BENCH_PEER'),
  interpreted: flag('BENCH_INTERPRETED'),
  page: flag('BENCH_PAGE'),
  shipped: flag('BENCH_SHIPPED'),
  coldStart: flag('BENCH_COLD_START'),
  coldStartRuns: num('BENCH_COLD_START_RUNS', 5),
  pageRuns: num('BENCH_PAGE_RUNS', 5),
  // Sequential requests of scenario (a) timed stage by stage (breakdown.ts); 0 skips.
  breakdownRequests: num('BENCH_BREAKDOWN_REQUESTS', 30),
  only: env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',') : undefined,
};
const dataDir = path.resolve(REPO_ROOT, env.BENCH_DATA_DIR ?? path.join('.data', 'bench'));
const resultsDir = path.resolve(__dirname, '..', '..', 'results');
const log = (message: string) => console.log(message);

const LOAD_SCRIPT = path.join(__dirname, 'load.js');

/** Equal, except that numbers may differ in their last digits: the floor does its float arithmetic in SQL. */
function nearlyEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 2e-6 * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => nearlyEqual(item, b[i]));
  return isDeepStrictEqual(a, b);
}

/** The floor ranks every match (exact relevance order): how much of its top 50 the app's first 50 hold. */
function overlapWithExact(app: string[], exact: string[]): Overlap {
  const top = new Set(exact.slice(0, 50));
  const shared = app.slice(0, 50).filter((id) => top.has(id)).length;
  return {
    at50: top.size ? shared / top.size : 1,
    sameOrder: isDeepStrictEqual(app.slice(0, 50), exact.slice(0, 50)),
    matches: exact.length,
  };
}

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD_SCRIPT, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

async function post(base: string, request: HttpRequestSpec): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

/** One request first, to prove the answer is right and count its SQL; then warm-up, then the measured runs. */
async function measure(
  label: string,
  base: string,
  request: HttpRequestSpec,
  countSql: () => Promise<number>,
): Promise<Figures & { runs: LoadResult[]; body: string }> {
  await countSql();
  const first = await post(base, request);
  const sqlPerRequest = await countSql();
  if (first.status !== 200 || first.body.includes('"errors"'))
    throw new Error(`${label}: HTTP ${first.status} ${first.body.slice(0, 500)}`);
  const job = { url: `${base}${request.path}`, body: request.body, connections: settings.connections };
  if (settings.warmup > 0) await runLoad({ ...job, seconds: settings.warmup });
  const runs: LoadResult[] = [];
  const answered = () => runs.reduce((sum, r) => sum + r.requests, 0);
  for (let i = 0; i < settings.runs || (answered() < settings.minRequests && i < settings.maxRuns); i++) {
    const result = await runLoad({ ...job, seconds: settings.seconds });
    if (result.non2xx || result.errors)
      throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    runs.push(result);
  }
  const latencies = runs.flatMap((r) => r.latenciesMs);
  const figures = {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
    sqlPerRequest,
    requests: latencies.length,
  };
  log(
    `  ${label.padEnd(6)} p50 ${figures.p50.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms  ${figures.rps.toFixed(0)} req/s  ${sqlPerRequest} SQL/request  ${latencies.length} responses`,
  );
  // The latencies are summarised above; the JSON keeps the figures, not every sample.
  return { ...figures, runs: runs.map((r) => ({ ...r, latenciesMs: [] })), body: first.body };
}

function machine(postgres: string, postgraphile?: string) {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu,
    node: process.version,
    postgres,
    postgraphile,
    os: `${os.type()} ${os.release()}`,
  };
}

async function main() {
  const started = new Date();
  const db = await openBenchDatabase({ url: env.BENCH_DATABASE_URL || undefined, dataDir, port: num('BENCH_PG_PORT', 54339), log });
  const stops: Array<() => Promise<void>> = [db.stop];
  const results: ScenarioResult[] = [];
  let page: PageResult | { skipped: string } | undefined;
  let coldStart: Awaited<ReturnType<typeof measureColdStart>> | { skipped: string } | undefined;
  let peerVersion: string | undefined;
  let breakdown: Breakdown | undefined;
  try {
    await prepareBenchDatabase(db.url, settings.events, log);

    let statements = 0;
    const dataSource = createDataSource({
      url: db.url,
      poolSize: settings.poolSize,
      applicationName: 'detente-bench-app',
      onQuery: () => statements++,
    });
    await dataSource.initialize();
    stops.unshift(() => dataSource.destroy());
    const { app, stop } = await createApp({ dataSource, config: loadConfig({ RATE_LIMIT_MAX: '0' }), logger: createLogger('silent') });
    const server = http.createServer(app);
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.unshift(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
    });
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The same app on graphql-js's interpreter, the executor it used before graphql-jit: the gain, measured in
    // this run, and a check that both executors give the same answers.
    let interpretedUrl: string | undefined;
    if (settings.interpreted) {
      const interpreted = await createApp({
        dataSource,
        config: loadConfig({ RATE_LIMIT_MAX: '0', GRAPHQL_EXECUTOR: 'graphql-js' }),
        logger: createLogger('silent'),
      });
      const interpretedServer = http.createServer(interpreted.app);
      interpretedServer.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => interpretedServer.listen(0, '127.0.0.1', resolve));
      stops.unshift(async () => {
        interpretedServer.closeAllConnections();
        await new Promise((resolve) => interpretedServer.close(resolve));
        await interpreted.stop();
      });
      interpretedUrl = `http://127.0.0.1:${(interpretedServer.address() as AddressInfo).port}`;
    }

    const scenarios = SCENARIOS.filter((s) => !settings.only || settings.only.some((id) => s.id.startsWith(id)));
    const floor = await startFloor(db.url, scenarios, settings.poolSize);
    stops.unshift(floor.stop);
    let peer: Awaited<ReturnType<typeof startPeer>> | undefined;
    if (settings.peer) {
      peer = await startPeer(db.url, settings.poolSize, log);
      peerVersion = peer.version;
      stops.unshift(peer.stop);
    }

    log(
      `\nLoad: ${settings.connections} connections, ${settings.warmup} s warm-up, ${settings.runs} × ${settings.seconds} s measured, from a separate process.`,
    );
    /** One scenario against one set of servers: the app (and on graphql-js), the floor, the peer if any. */
    const measureScenario = async (
      scenario: Scenario,
      on: { appUrl: string; interpretedUrl?: string; floorUrl: string; peer?: PeerServer; appSql: () => Promise<number>; dataset?: string },
    ): Promise<ScenarioResult> => {
      log(`\n${scenario.title}${on.dataset ? `, ${on.dataset}` : ''}`);
      const appFigures = await measure('app', on.appUrl, scenario.app, on.appSql);
      const interpretedFigures = on.interpretedUrl
        ? await measure('app on graphql-js', on.interpretedUrl, scenario.app, on.appSql)
        : undefined;
      const floorFigures = await measure('floor', on.floorUrl, { path: `/${scenario.id}`, body: scenario.app.body }, async () => 1);
      const peer = on.peer;
      const peerFigures = peer && scenario.peer ? await measure('peer', peer.url, scenario.peer, () => peer.sqlCount()) : undefined;
      // The floor is only a floor if it gives the same answer.
      const appAnswer = scenario.answer(JSON.parse(appFigures.body));
      const floorAnswer = scenario.answer(JSON.parse(floorFigures.body));
      const executorsAgree = !interpretedFigures || nearlyEqual(appAnswer, scenario.answer(JSON.parse(interpretedFigures.body)));
      if (!executorsAgree) log(`  WARNING: graphql-jit's and graphql-js's answers differ`);
      const answersAgree = nearlyEqual(appAnswer, floorAnswer) && executorsAgree;
      if (!answersAgree) {
        const index = Array.isArray(appAnswer) ? appAnswer.findIndex((row, i) => !nearlyEqual(row, (floorAnswer as unknown[])[i])) : -1;
        log(
          `  WARNING: the app's and the floor's answers differ${index >= 0 ? ` first at row ${index}: app ${JSON.stringify((appAnswer as unknown[])[index])}, floor ${JSON.stringify((floorAnswer as unknown[])[index])}` : ''}`,
        );
      }
      // Byte for byte: the app's body against the floor's JSON re-serialised compactly (PostgreSQL's json text has spaces).
      // (Apollo ends its body with a newline.)
      const sameBytes = scenario.sameBytes ? appFigures.body.trimEnd() === JSON.stringify(JSON.parse(floorFigures.body)) : undefined;
      if (sameBytes === false) {
        const floorJson = JSON.stringify(JSON.parse(floorFigures.body));
        let at = 0;
        while (at < appFigures.body.length && appFigures.body[at] === floorJson[at]) at++;
        log(
          `  WARNING: the floor's JSON is not the app's, byte for byte: from byte ${at}, app …${appFigures.body.slice(Math.max(0, at - 80), at + 80)}…, floor …${floorJson.slice(Math.max(0, at - 80), at + 80)}…`,
        );
      } else if (sameBytes) log(`  the floor's JSON is the app's, byte for byte (${appFigures.body.length.toLocaleString('en')} bytes)`);
      // Whether PostGraphile was asked the same question: its answer must be the app's.
      const peerAgrees =
        peerFigures && scenario.peerAnswer ? nearlyEqual(appAnswer, scenario.peerAnswer(JSON.parse(peerFigures.body))) : undefined;
      if (peerAgrees === false) log(`  WARNING: PostGraphile's answer differs from the app's`);
      const overlap = scenario.search ? overlapWithExact(appAnswer as string[], floorAnswer as string[]) : undefined;
      if (overlap) log(`  overlap@50 with exact ranking ${overlap.at50.toFixed(2)}${overlap.sameOrder ? ', same order' : ''}`);
      const verdictWithOverlap = scenario.check({ app: appFigures, floor: floorFigures, peer: peerFigures, overlap });
      const strip = <T extends { body: string }>({ body: _body, ...rest }: T) => rest;
      return {
        id: on.dataset ? `${scenario.id}@shipped` : scenario.id,
        title: on.dataset ? `${scenario.title}, ${on.dataset}` : scenario.title,
        target: scenario.target,
        app: strip(appFigures),
        interpreted: interpretedFigures && strip(interpretedFigures),
        floor: strip(floorFigures),
        peer: peerFigures && strip(peerFigures),
        answersAgree,
        sameBytes,
        peerAgrees,
        peerQuestion: scenario.peerQuestion,
        overlap,
        ...verdictWithOverlap,
      };
    };
    const countAppSql = async () => {
      const n = statements;
      statements = 0;
      return n;
    };
    for (const scenario of scenarios) {
      results.push(await measureScenario(scenario, { appUrl, interpretedUrl, floorUrl: floor.url, peer, appSql: countAppSql }));
      if (scenario.id === 'a-window' && settings.breakdownRequests > 0) {
        breakdown = await measureBreakdown({
          appUrl,
          request: scenario.app,
          dataSource,
          databaseUrl: db.url,
          requests: settings.breakdownRequests,
        });
        for (const line of formatBreakdown(breakdown)) log(line);
      }
    }

    // The same scenarios on the shipped dataset (a few hundred real events), where the fixed cost per request
    // dominates: the app and the floor, on a database of its own on the same server.
    if (settings.shipped) {
      const shipped = await prepareShippedDatabase(db.url, log);
      let shippedStatements = 0;
      const shippedSource = createDataSource({
        url: shipped.url,
        poolSize: settings.poolSize,
        applicationName: 'detente-bench-shipped',
        onQuery: () => shippedStatements++,
      });
      await shippedSource.initialize();
      stops.unshift(() => shippedSource.destroy());
      const shippedApp = await createApp({
        dataSource: shippedSource,
        config: loadConfig({ RATE_LIMIT_MAX: '0' }),
        logger: createLogger('silent'),
      });
      const shippedServer = http.createServer(shippedApp.app);
      shippedServer.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => shippedServer.listen(0, '127.0.0.1', resolve));
      stops.unshift(async () => {
        shippedServer.closeAllConnections();
        await new Promise((resolve) => shippedServer.close(resolve));
        await shippedApp.stop();
      });
      const shippedFloor = await startFloor(shipped.url, scenarios, settings.poolSize);
      stops.unshift(shippedFloor.stop);
      for (const scenario of scenarios)
        results.push(
          await measureScenario(scenario, {
            appUrl: `http://127.0.0.1:${(shippedServer.address() as AddressInfo).port}`,
            floorUrl: shippedFloor.url,
            dataset: `shipped dataset (${shipped.events} events)`,
            appSql: async () => {
              const n = shippedStatements;
              shippedStatements = 0;
              return n;
            },
          }),
        );
    }
    for (const stopOne of stops.splice(0, stops.length - 1)) await stopOne();

    if (settings.page && (!settings.only || settings.only.some((id) => 'e-page'.startsWith(id)))) {
      log('\n(e) the page in headless Chromium');
      page = fs.existsSync(CHROMIUM)
        ? await measurePage(db.url, { runs: settings.pageRuns, panSeconds: num('BENCH_PAN_SECONDS', 4), log })
        : { skipped: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
      log(`  ${JSON.stringify(page)}`);
    }
    await db.stop();
    stops.length = 0;
    if (settings.coldStart && (!settings.only || settings.only.some((id) => 'f-cold-start'.startsWith(id)))) {
      log('\n(f) cold start of `npm start` with the embedded database');
      coldStart = await measureColdStart({
        runs: settings.coldStartRuns,
        dataDir: path.resolve(REPO_ROOT, env.BENCH_COLD_START_DIR ?? path.join('.data', 'bench-cold-start')),
        log,
      });
      log(`  ${JSON.stringify(coldStart)}`);
    }
  } finally {
    for (const stopOne of stops) await stopOne().catch(() => undefined);
  }

  const report = {
    date: started.toISOString(),
    git: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    })(),
    settings,
    machine: machine(db.version, peerVersion),
    scenarios: results,
    breakdown,
    page,
    coldStart,
  };
  printTable(report);
  const file = env.BENCH_RESULTS
    ? path.resolve(env.BENCH_RESULTS)
    : path.join(resultsDir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nResults: ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nThe benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);

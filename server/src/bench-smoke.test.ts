// Keeps `npm run bench` working: the whole harness at a tiny size and a second per row (no PostGraphile, so no
// download), and every scenario of bench/scenarios.ts comes back with numbers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from './test-support/db';

const ROOT = path.resolve(__dirname, '..', '..');
const SCENARIOS = ['a-window', 'b-search-rare', 'b-search-common', 'c-timeline-30y', 'd-event-counts', 'd-temperature'];
const HAS_CHROMIUM = fs.existsSync(process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium');

let db: TestDatabase;
let workDir: string;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-bench-smoke-'));
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

function runBench(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'bench'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const isFigure = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

describe('npm run bench (smoke)', () => {
  it('Given 2,000 events and one-second runs, When the harness runs, Then the results file has figures for every scenario', async () => {
    const results = path.join(workDir, 'results.json');
    const { code, output } = await runBench({
      BENCH_DATABASE_URL: db.url,
      BENCH_EVENTS: '2000',
      BENCH_DURATION: '1',
      BENCH_RUNS: '1',
      BENCH_WARMUP: '0.3',
      BENCH_MIN_REQUESTS: '1',
      BENCH_PEER: '0',
      BENCH_PAGE_RUNS: '1',
      BENCH_PAN_SECONDS: '1',
      BENCH_COLD_START_RUNS: '1',
      BENCH_BREAKDOWN_REQUESTS: '3',
      // Its own folder, so a full benchmark running meanwhile keeps its own; initialised on the first smoke run.
      BENCH_COLD_START_DIR: path.join('.data', 'bench-smoke-cold-start'),
      BENCH_RESULTS: results,
      SOAK_SECONDS: '3',
      SOAK_CONNECTIONS: '4',
      SOAK_RESTART_AT: '1',
      SOAK_DOWN_SECONDS: '1',
      SOAK_RESULTS: `${results}.soak.json`,
    });
    if (code !== 0) throw new Error(`npm run bench exited with ${code}:\n${output.slice(-3000)}`);
    const report = JSON.parse(fs.readFileSync(results, 'utf8'));

    expect(report.settings.events).toBe(2000);
    // Every scenario on the bench data, then again on the shipped dataset.
    expect(report.scenarios.map((s: { id: string }) => s.id)).toEqual([...SCENARIOS, ...SCENARIOS.map((id) => `${id}@shipped`)]);
    for (const scenario of report.scenarios) {
      for (const server of [scenario.app, scenario.floor]) {
        for (const figure of ['p50', 'p95', 'p99', 'rps', 'sqlPerRequest'])
          expect({ id: scenario.id, figure, ok: isFigure(server[figure]) }).toEqual({ id: scenario.id, figure, ok: true });
      }
      expect({ id: scenario.id, answersAgree: scenario.answersAgree }).toEqual({ id: scenario.id, answersAgree: true });
      expect(typeof scenario.met).toBe('boolean');
      // The timeline's floor is the app's answer byte for byte; a search's first 50 are exact ranking's.
      if (/^[ac]-/.test(scenario.id))
        expect({ id: scenario.id, sameBytes: scenario.sameBytes }).toEqual({ id: scenario.id, sameBytes: true });
      if (scenario.id.startsWith('b-'))
        expect({ id: scenario.id, overlap: scenario.overlap.at50 }).toEqual({ id: scenario.id, overlap: 1 });
    }
    // Where (a)'s time goes: every stage timed, none more than the whole request. The app answers (a) as
    // PostgreSQL's text (src/common/answer-text.ts), so there is no executor walk or stringify to time.
    expect(report.breakdown.asText).toBe(true);
    for (const stage of ['totalMs', 'resolverMs', 'statementMs', 'postgresExecutionMs', 'wireMs'])
      expect({ stage, ok: isFigure(report.breakdown[stage]) && report.breakdown[stage] <= report.breakdown.totalMs }).toEqual({
        stage,
        ok: true,
      });
    if (HAS_CHROMIUM) {
      for (const figure of ['firstDrawP50', 'frameP95', 'itemsLoaded'])
        expect({ figure, ok: isFigure(report.page[figure]) }).toEqual({ figure, ok: true });
    } else {
      expect(report.page.skipped).toMatch(/Chromium/);
    }
    for (const figure of ['p50', 'max']) expect({ figure, ok: isFigure(report.coldStart[figure]) }).toEqual({ figure, ok: true });
    expect(output).toContain('| scenario | server | responses | p50 ms');
    // The soak (bench/soak.ts): steady load and a PostgreSQL restart, the data intact afterwards.
    const soak = JSON.parse(fs.readFileSync(`${results}.soak.json`, 'utf8'));
    expect(soak.steady.requests).toBeGreaterThan(0);
    expect(soak.steady.failed).toBe(0);
    expect(soak.steady.rss.maxMiB).toBeGreaterThan(0);
    expect(soak.restart.dataIntact).toBe(true);
    expect(soak.restart.recoverAfterRestartMs).not.toBeNull();
    // The noisy neighbour: the readers answered throughout while one client flooded the heaviest accepted query.
    expect(soak.noisyNeighbour.readers.requests).toBeGreaterThan(0);
    expect(soak.noisyNeighbour.readers.failed).toBe(0);
    expect(soak.noisyNeighbour.flooder.requests).toBeGreaterThan(0);
  }, 600_000); // a smoke run, not a timing: on a loaded two-core machine the harness (now with the shipped rows) has taken over 400 s
});

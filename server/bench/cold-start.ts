// Scenario (f): `npm start` from a process that is not running to /readyz answering, with the embedded database in
// a data folder that a first start already initialised and filled with the curated dataset (as after install).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../src/test-support/net';
import { buildApp, percentile, REPO_ROOT, waitForReady } from './page';

export interface ColdStartResult {
  runsMs: number[];
  p50: number;
  max: number;
}

/** Runs `npm start` until ready, then stops it as Ctrl-C in its terminal would; returns the time to ready. */
async function startOnce(dataDir: string, timeoutMs: number): Promise<number> {
  const port = await freePort();
  const pgPort = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    // Its own process group, so the interrupt reaches npm, the server and the embedded PostgreSQL together.
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitForReady(`http://127.0.0.1:${port}`, timeoutMs, () => child.exitCode !== null);
    return performance.now() - started;
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGINT');
    await exited;
  }
}

export async function measureColdStart(options: { runs: number; dataDir: string; log: (m: string) => void }): Promise<ColdStartResult> {
  buildApp();
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (!fs.existsSync(path.join(options.dataDir, 'postgres', 'PG_VERSION'))) {
    options.log(`  initialising ${options.dataDir} with a first start (creates the cluster, loads the curated dataset)…`);
    await startOnce(options.dataDir, 180_000);
  }
  const runsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) runsMs.push(await startOnce(options.dataDir, 60_000));
  return { runsMs, p50: percentile(runsMs, 50), max: Math.max(...runsMs) };
}

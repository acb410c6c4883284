// Starts the app exactly as the README says (`npm start`, embedded PostgreSQL in a fresh folder) and opens Debian's Chromium.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, Browser, type Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_ARGS } from '../../server/src/test-support/chromium';
import { freePort } from '../../server/src/test-support/net';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
export const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

if (!HAS_CHROMIUM) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
}

export interface RunningApp {
  url: string;
  output: () => string;
  /** Adds the events of a dataset file to the running app's database (`npm run data:import`'s CLI). */
  importData(file: string): Promise<void>;
  /** Creates an API key with `npm run keys`' CLI and returns it. */
  createKey(name: string, role: 'editor' | 'admin'): Promise<string>;
  /** Revokes a key by name with `npm run keys -- revoke`. */
  revokeKey(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  let output = '';
  const appEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    ...env,
  };
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: appEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not become ready in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  /** Runs one of the server's command-line tools (built by npm start) against this app's database. */
  const runCli = (script: string, args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const cli = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'cli', script), ...args], {
        cwd: ROOT,
        env: appEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      cli.stdout?.on('data', (chunk) => (log += chunk));
      cli.stderr?.on('data', (chunk) => (log += chunk));
      cli.once('error', reject);
      cli.once('exit', (code) => (code === 0 ? resolve(log) : reject(new Error(`${script} exited with ${code}:\n${log}`))));
    });
  return {
    url,
    output: () => output,
    async importData(file: string) {
      // The CLI that `npm run data:import` runs (built by npm start), against this app's embedded PostgreSQL.
      await runCli('data-import.js', [file]);
    },
    async createKey(name: string, role: 'editor' | 'admin') {
      const printed = await runCli('keys.js', ['create', '--name', name, '--role', role]);
      const key = /dtk_[A-Za-z0-9_-]{43}/.exec(printed)?.[0];
      if (!key) throw new Error(`keys printed no key:\n${printed}`);
      return key;
    },
    async revokeKey(name: string) {
      await runCli('keys.js', ['revoke', '--name', name]);
    },
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: HEADLESS_CHROMIUM_ARGS,
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** The timeline's visible window, in milliseconds (the page exposes its timeline to tests: page-globals.d.ts). */
export async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  return page.evaluate(() => {
    const { start, end } = window.__detente!.timeline.getWindow();
    return { start: start.getTime(), end: end.getTime() };
  });
}

/** Asks the running app's GraphQL API directly, as a script would. */
export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of its own query
  return ((await response.json()) as { data: any }).data;
}

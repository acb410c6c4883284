// The embedded PostgreSQL as `npm start` runs it: the built server in its own process (jest's sandbox cannot load
// the ESM package), over a fresh data folder. Its own password, loopback only, restarted after its postmaster is
// killed with nothing acknowledged lost, tools that refuse another clone's database, and old folders migrated.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { embeddedUrl, LEGACY_PASSWORD, passwordFile, readEmbeddedPassword } from './embedded';
import { freePort } from '../test-support/net';

const SERVER = path.resolve(__dirname, '..', '..');
const MAIN = path.join(SERVER, 'dist', 'main.js');
const KEYS = path.join(SERVER, 'dist', 'cli', 'keys.js');
const LEGACY_PROCESS = path.join(SERVER, 'src', 'test-support', 'embedded-process.mjs');

const newDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-embedded-'));
  fs.chmodSync(dir, 0o755); // the postgres user must reach the cluster folder
  return dir;
};

function toolEnv(dataDir: string, pgPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), SEED_ON_START: 'false' };
  delete env.DATABASE_URL;
  return env;
}

interface RunningApp {
  url: string;
  log: string[];
  stop(): Promise<void>;
}

async function startApp(dataDir: string, pgPort: number): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...toolEnv(dataDir, pgPort), PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (chunk) => log.push(...String(chunk).split('\n').filter(Boolean)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const app = {
    url,
    log,
    stop: () =>
      new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
  for (let waited = 0; waited < 90_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${log.join('\n')}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return app;
    await new Promise((r) => setTimeout(r, 250));
  }
  await app.stop();
  throw new Error(`the app did not become ready: ${log.slice(-5).join('\n')}`);
}

const gql = async (url: string, query: string, key?: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(5000),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
};

async function refusesPassword(port: number, password: string): Promise<boolean> {
  const client = new Client({ connectionString: embeddedUrl(port, password, 'postgres') });
  try {
    await client.connect();
    await client.end();
    return false;
  } catch (error) {
    return (error as { code?: string }).code === '28P01';
  }
}

let dataDir: string;
let pgPort: number;
let app: RunningApp;
beforeAll(async () => {
  dataDir = newDataDir();
  pgPort = await freePort();
  app = await startApp(dataDir, pgPort);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the superuser password', () => {
  it('Given a fresh data folder, Then its password is random, kept in the folder with mode 600, and the old fixed one is refused', async () => {
    const password = readEmbeddedPassword(dataDir)!;
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(fs.statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(await refusesPassword(pgPort, LEGACY_PASSWORD)).toBe(true);
    const client = new Client({ connectionString: embeddedUrl(pgPort, password, 'postgres') });
    await client.connect();
    try {
      expect((await client.query('SHOW listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
    } finally {
      await client.end();
    }
  });

  it("Given another clone's data folder, Then the tools refuse to act on this clone's database", () => {
    const other = newDataDir();
    try {
      const run = spawnSync(process.execPath, [KEYS, 'list'], { env: toolEnv(other, pgPort), encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/not this clone's/);
      const own = spawnSync(process.execPath, [KEYS, 'list'], { env: toolEnv(dataDir, pgPort), encoding: 'utf8', timeout: 60_000 });
      expect(own.status).toBe(0);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('Given a data folder made with the old fixed password, Then it starts, and moves to a random password', async () => {
    const old = newDataDir();
    const port = await freePort();
    const legacy = spawn(process.execPath, [LEGACY_PROCESS, old, String(port), 'detente'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      legacy.stdout?.on('data', (chunk) => String(chunk).includes('READY') && resolve());
      legacy.once('exit', (code) => reject(new Error(`legacy PostgreSQL exited with ${code}`)));
    });
    await new Promise<void>((resolve) => (legacy.once('exit', () => resolve()), legacy.kill('SIGTERM')));
    expect(readEmbeddedPassword(old)).toBeUndefined();
    const migrated = await startApp(old, port);
    try {
      expect((await gql(migrated.url, '{ actors(first: 1) { totalCount } }')).errors).toBeUndefined();
      expect(readEmbeddedPassword(old)).toMatch(/^[\w-]{32}$/);
      expect(await refusesPassword(port, LEGACY_PASSWORD)).toBe(true);
    } finally {
      await migrated.stop();
      fs.rmSync(old, { recursive: true, force: true });
    }
  });
});

describe('supervision', () => {
  it('Given writes going on, When the postmaster is killed with SIGKILL, Then reads answer again within 10 s and every acknowledged write is there', async () => {
    const created = spawnSync(process.execPath, [KEYS, 'create', '--name', 'supervision', '--role', 'editor'], {
      env: toolEnv(dataDir, pgPort),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const key = /^\s{2}(\S{20,})$/m.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    const acknowledged: string[] = [];
    const write = async (n: number) => {
      const slug = `supervised-${n}`;
      const res = await gql(
        app.url,
        `mutation { createActor(input: { slug: "${slug}", name: "Supervised ${n}", kind: PERSON }) { slug } }`,
        key,
      );
      if (res.data?.createActor?.slug === slug) acknowledged.push(slug);
    };
    for (let n = 0; n < 5; n++) await write(n);
    expect(acknowledged).toHaveLength(5);

    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const killedAt = Date.now();
    let n = 5;
    let recovered = false;
    while (!recovered && Date.now() - killedAt < 10_000) {
      await write(n++).catch(() => undefined);
      const read = await gql(app.url, '{ actors(search: "Supervised", first: 100) { totalCount } }').catch(() => undefined);
      recovered = Boolean(read && !read.errors && read.data.actors.totalCount >= 5);
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    await write(n);
    const read = await gql(app.url, '{ actors(search: "Supervised", first: 100) { nodes { slug } } }');
    const stored = new Set(read.data.actors.nodes.map((a: { slug: string }) => a.slug));
    expect(acknowledged.filter((slug) => !stored.has(slug))).toEqual([]);
    expect(app.log.some((line) => /stopped unexpectedly/.test(line))).toBe(true);
    // The supervisor logs the restart once `pg.start()` has resolved, which can be a moment after the server first
    // answers a read; the line then still has to cross the app's stderr pipe.
    const loggedBy = Date.now() + 10_000;
    while (!app.log.some((line) => /running again after/.test(line)) && Date.now() < loggedBy) await new Promise((r) => setTimeout(r, 100));
    expect(app.log.some((line) => /running again after/.test(line))).toBe(true);
  });
});

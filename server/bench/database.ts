// The benchmark database: BENCH_DATABASE_URL, or an embedded PostgreSQL of its own (separate data folder and
// port from the app's), migrated with the app's migrations and filled once per size.
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { readDatasetDir } from '../src/dataset/dataset.files';
import { importDataset } from '../src/dataset/dataset.store';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { fillDatabase } from './fill';

export interface BenchDatabase {
  url: string;
  /** The embedded server's version string, or the external one's. */
  version: string;
  stop(): Promise<void>;
}

/** Written on the database once a fill has finished, so an interrupted fill is never mistaken for a full one. */
const FILL_VERSION = 1;
const marker = (events: number) => `detente-bench fill=${FILL_VERSION} events=${events}`;

export async function openBenchDatabase(options: {
  url?: string;
  dataDir: string;
  port: number;
  log: (m: string) => void;
}): Promise<BenchDatabase> {
  let url = options.url;
  let stop = async () => undefined;
  if (!url) {
    options.log(`Starting the benchmark's embedded PostgreSQL in ${path.join(options.dataDir, 'postgres')} on port ${options.port}…`);
    const embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      port: options.port,
      database: 'detente_bench',
      log: options.log,
    });
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
    };
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  return { url, version: rows[0].server_version, stop };
}

export async function prepareBenchDatabase(url: string, events: number, log: (m: string) => void): Promise<{ filled: boolean }> {
  const dataSource = createDataSource({ url, poolSize: 1, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    if (rows[0]?.comment === marker(events)) {
      log(`Reusing the benchmark database: it already holds ${events.toLocaleString('en')} synthetic events.`);
      return { filled: false };
    }
    await client.query(`COMMENT ON DATABASE "${(await client.query('SELECT current_database() AS d')).rows[0].d}" IS NULL`);
  } finally {
    await client.end();
  }
  await fillDatabase({ url, events, log });
  const done = new Client({ connectionString: url });
  await done.connect();
  const { rows } = await done.query('SELECT current_database() AS d');
  await done.query(`COMMENT ON DATABASE "${rows[0].d}" IS '${marker(events)}'`);
  await done.end();
  return { filled: true };
}

/**
 * The shipped dataset (server/data), in a database of its own beside the bench's: created, migrated, imported once.
 * Returns its URL and its live events. The caller drops nothing: a later run reuses it.
 */
export async function prepareShippedDatabase(benchUrl: string, log: (m: string) => void): Promise<{ url: string; events: number }> {
  const url = new URL(benchUrl);
  // Named after the bench's own database, so benches on one server (the smoke test's) keep apart.
  const name = `${decodeURIComponent(url.pathname.slice(1))}_shipped`.replace(/[^a-zA-Z0-9_]/g, '_');
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: benchUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource({ url: url.toString(), poolSize: 2, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM event`);
    if (!n) {
      log(`Importing the shipped dataset into ${name}…`);
      await importDataset(dataSource, readDatasetDir(path.resolve(__dirname, '..', '..', '..', 'data')));
      await dataSource.query('ANALYZE');
    }
    const [{ live }] = await dataSource.query(`SELECT count(*)::int AS live FROM event WHERE deleted_at IS NULL`);
    return { url: url.toString(), events: live };
  } finally {
    await dataSource.destroy();
  }
}

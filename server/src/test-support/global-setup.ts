// Starts one real PostgreSQL for the whole run (embedded), unless TEST_DATABASE_URL names one to use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded';
import { freePort } from './net';

export default async function globalSetup(): Promise<void> {
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

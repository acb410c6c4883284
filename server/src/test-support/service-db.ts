// The machine's own PostgreSQL service (CI always runs one at 127.0.0.1:5432): fresh databases on it for tests
// that need a server outside the suite's own, such as the production start or pg_dump of a matching version.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { Client } from 'pg';

export const SERVICE_URL = process.env.TEST_SERVICE_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Synchronous, so a test file can decide to skip before any test is declared. */
export function serviceAnswers(url = SERVICE_URL): boolean {
  const { hostname, port } = new URL(url);
  const probe = `require('net').connect(${Number(port) || 5432}, ${JSON.stringify(hostname)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1)).setTimeout(2000, () => process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

export const serviceHost = () => new URL(SERVICE_URL).host;

/** Set by the suite's global setup: "ok" when an installed pg_dump can dump the service, otherwise why not. */
export const PG_DUMP_PROBE_ENV = 'DETENTE_TEST_PG_DUMP';

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: SERVICE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export interface ServiceDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty, uniquely named database on the service; `drop` removes it even with connections open. */
export async function createServiceDatabase(prefix = 'detente_svc'): Promise<ServiceDatabase> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(SERVICE_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

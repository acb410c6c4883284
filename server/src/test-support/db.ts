// Each test file gets its own fresh database on the run's PostgreSQL, migrated, and dropped afterwards.
import crypto from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { readDatasetDir } from '../dataset/dataset.files';
import { importDataset } from '../dataset/dataset.store';
import type { DatasetFiles } from '../dataset/dataset.types';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** SQL statements sent since the last reset, for N+1 checks. */
  queries: string[];
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DETENTE_TEST_ADMIN_URL;
  if (!url) throw new Error('No test database: run the tests through jest (its global setup starts PostgreSQL).');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `detente_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  const queries: string[] = [];
  const dataSource = createDataSource({ url, poolSize: 4, onQuery: (sql) => queries.push(sql) });
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  queries.length = 0;
  return {
    url,
    dataSource,
    queries,
    async drop() {
      await dataSource.destroy();
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const DATASET_DIR = path.resolve(__dirname, '..', '..', 'data');

export async function loadShippedDataset(dataSource: DataSource): Promise<DatasetFiles> {
  const files = readDatasetDir(DATASET_DIR);
  await importDataset(dataSource, files);
  return files;
}

// One test file's database, with a dataset loaded, its API keys made and the app started on it, torn down after the file.
import type { ApiKeyRole } from '@detente/shared';
import { ApiKeyService } from '../auth/api-key.service';
import { importDataset } from '../dataset/dataset.store';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, loadShippedDataset, TestDatabase } from './db';
import { fixtureFiles } from './fixture';

export interface FixtureApp {
  db: TestDatabase;
  app: TestApp;
  /** The keys made for the file, by the name they were made under. */
  keys: Record<string, string>;
}

/** A key to make before the app starts; a revoked one is made and then revoked, for the refusals. */
export interface FixtureKey {
  name: string;
  role: ApiKeyRole;
  revoked?: true;
}

export interface FixtureOptions {
  /** Which records to load: the small fixture (the default), the shipped dataset, or none. */
  dataset?: 'fixture' | 'shipped' | 'none';
  keys?: FixtureKey[];
  /** Configuration the app starts with, over the defaults. */
  env?: Record<string, string>;
}

/** Registers the file's beforeAll/afterAll; `started` hands the database, app and keys to the file once they are up. */
export function withFixtureApp(started: (fixture: FixtureApp) => void, options: FixtureOptions = {}): void {
  const { dataset = 'fixture', keys = [], env = {} } = options;
  let fixture: Partial<FixtureApp> = {};
  beforeAll(async () => {
    const db = await createTestDatabase();
    fixture = { db, keys: {} };
    if (dataset === 'fixture') await importDataset(db.dataSource, fixtureFiles());
    if (dataset === 'shipped') await loadShippedDataset(db.dataSource);
    const service = new ApiKeyService(db.dataSource);
    for (const { name, role, revoked } of keys) {
      fixture.keys![name] = (await service.create(name, role)).key;
      if (revoked) await service.revoke(name);
    }
    fixture.app = await startTestApp(db.dataSource, env);
    started(fixture as FixtureApp);
  });
  afterAll(async () => {
    await fixture.app?.stop();
    await fixture.db?.drop();
  });
}

// One test file's database with the fixture dataset loaded and the app started on it, torn down after the file.
import { importDataset } from '../dataset/dataset.store';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './db';
import { fixtureFiles } from './fixture';

export interface FixtureApp {
  db: TestDatabase;
  app: TestApp;
}

/** Registers the file's beforeAll/afterAll; `started` hands the database and app to the file once they are up. */
export function withFixtureApp(started: (fixture: FixtureApp) => void): void {
  let fixture: Partial<FixtureApp> = {};
  beforeAll(async () => {
    const db = await createTestDatabase();
    fixture = { db };
    await importDataset(db.dataSource, fixtureFiles());
    fixture.app = await startTestApp(db.dataSource);
    started(fixture as FixtureApp);
  });
  afterAll(async () => {
    await fixture.app?.stop();
    await fixture.db?.drop();
  });
}

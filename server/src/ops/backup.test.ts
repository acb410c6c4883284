// db:dump / db:restore: a backup restored into another database gives back the same data, in either format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { DatasetFileError } from '../dataset/dataset.files';
import { exportDataset, importDataset } from '../dataset/dataset.store';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { FIXTURE_EVENTS, fixtureFiles } from '../test-support/fixture';
import { createServiceDatabase, PG_DUMP_PROBE_ENV, serviceHost } from '../test-support/service-db';
import { backupFormatOf, dumpDatabase, findPgTools, pickPgDump, restoreDatabase, serverMajor } from './backup';

const opened = (db: TestDatabase) => async () => db.dataSource;
let workDir: string;
let source: TestDatabase;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-backup-'));
  source = await createTestDatabase();
  await importDataset(source.dataSource, fixtureFiles());
});
afterAll(async () => {
  await source.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the dataset format', () => {
  it('Given a dump, When it is restored into a fresh database, Then that database exports the same events, actors, sources and links', async () => {
    const file = path.join(workDir, 'fresh.json');
    expect(await dumpDatabase(source.url, file, { format: 'dataset', dataSource: opened(source) })).toEqual({
      format: 'dataset',
      fallbackReason: undefined,
    });
    const target = await createTestDatabase();
    try {
      expect(await restoreDatabase(target.url, file, { dataSource: opened(target) })).toEqual({ format: 'dataset' });
      expect(await exportDataset(target.dataSource)).toEqual(await exportDataset(source.dataSource));
    } finally {
      await target.drop();
    }
  });

  it('Given a database holding other events, When a dump is restored into it, Then it holds exactly the dump', async () => {
    const file = path.join(workDir, 'replace.json');
    await dumpDatabase(source.url, file, { format: 'dataset', dataSource: opened(source) });
    const target = await createTestDatabase();
    try {
      await importDataset(target.dataSource, fixtureFiles([{ ...FIXTURE_EVENTS[0], id: 'only-in-target', links: [] }]));
      await restoreDatabase(target.url, file, { dataSource: opened(target) });
      const restored = await exportDataset(target.dataSource);
      expect(restored.events.map((e) => e.id).sort()).toEqual(FIXTURE_EVENTS.map((e) => e.id).sort());
    } finally {
      await target.drop();
    }
  });

  it('Given a backup with a bad record, When it is restored, Then nothing changes and the record is named', async () => {
    const file = path.join(workDir, 'bad.json');
    const dataset = await exportDataset(source.dataSource);
    fs.writeFileSync(
      file,
      JSON.stringify({ ...dataset, events: [...dataset.events, { ...dataset.events[0], id: 'broken', startDate: 'not a date' }] }),
    );
    const target = await createTestDatabase();
    try {
      await importDataset(target.dataSource, fixtureFiles());
      const before = await exportDataset(target.dataSource);
      const restoring = restoreDatabase(target.url, file, { dataSource: opened(target) });
      await expect(restoring).rejects.toBeInstanceOf(DatasetFileError);
      await expect(restoring).rejects.toThrow(/broken/);
      expect(await exportDataset(target.dataSource)).toEqual(before);
    } finally {
      await target.drop();
    }
  });

  it('Given a file that is neither format, Then restore refuses it by name', () => {
    const file = path.join(workDir, 'notes.txt');
    fs.writeFileSync(file, 'hello');
    expect(() => backupFormatOf(file)).toThrow(/neither a pg_dump archive .* nor a dataset JSON file/);
  });
});

describe('choosing pg_dump', () => {
  it('Given installed pg_dumps, Then the oldest one at least as new as the server is used, and none older', () => {
    const tools = [17, 16, 15].map((major) => ({ path: `/pg${major}/pg_dump`, major }));
    expect(pickPgDump(tools, 15)?.major).toBe(15);
    expect(pickPgDump(tools, 16)?.major).toBe(16);
    expect(pickPgDump(tools, 18)).toBeUndefined();
  });

  it("Given the suite's database, When dumped with format auto, Then pg_dump is used exactly when a compatible one is installed, and restore reads either", async () => {
    const compatible = pickPgDump(findPgTools('pg_dump'), await serverMajor(source.url));
    const file = path.join(workDir, 'auto.backup');
    const result = await dumpDatabase(source.url, file, { dataSource: opened(source) });
    if (compatible) {
      expect(result).toEqual({ format: 'pg_dump' });
    } else {
      expect(result.format).toBe('dataset');
      expect(result.fallbackReason).toMatch(/pg_dump (is not installed|.* is older than the server)/);
    }
    expect(backupFormatOf(file)).toBe(result.format);
    const target = await createTestDatabase({ migrate: false });
    try {
      await restoreDatabase(target.url, file, { dataSource: async () => (await target.dataSource.runMigrations(), target.dataSource) });
      expect(await exportDataset(target.dataSource)).toEqual(await exportDataset(source.dataSource));
    } finally {
      await target.drop();
    }
  });
});

// pg_dump proper needs a server no newer than an installed pg_dump: the machine's service is one (CI has it).
// The suite's global setup found out whether one can (CI always has the service and a matching client).
const pgDumpProbe = process.env[PG_DUMP_PROBE_ENV] ?? 'pg_dump was not probed';
const pgDumpUsable = pgDumpProbe === 'ok';

describe('the pg_dump format, on the PostgreSQL service', () => {
  const title =
    'Given a migrated database with data, revisions and an API key, When dumped and restored into an empty one, Then everything is back';
  (pgDumpUsable ? it : it.skip)(pgDumpUsable ? title : `${title} (skipped: ${pgDumpProbe}, service at ${serviceHost()})`, async () => {
    const from = await createServiceDatabase('detente_dump');
    const to = await createServiceDatabase('detente_restore');
    const sources: DataSource[] = [];
    try {
      const open = async (url: string) => {
        const ds = createDataSource({ url, poolSize: 2 });
        await ds.initialize();
        sources.push(ds);
        return ds;
      };
      const original = await open(from.url);
      await original.runMigrations();
      await importDataset(original, fixtureFiles());
      await original.query(`INSERT INTO api_key (name, role, key_hash) VALUES ('backup test', 'EDITOR', repeat('a', 64))`);
      const file = path.join(workDir, 'service.dump');
      expect(await dumpDatabase(from.url, file, { format: 'pg_dump', dataSource: async () => original })).toEqual({ format: 'pg_dump' });
      expect(backupFormatOf(file)).toBe('pg_dump');

      expect(await restoreDatabase(to.url, file, { dataSource: () => open(to.url) })).toEqual({ format: 'pg_dump' });
      const restored = await open(to.url);
      expect(await exportDataset(restored)).toEqual(await exportDataset(original));
      const count = async (ds: DataSource, table: string) => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
      expect(await count(restored, 'revision')).toBe(await count(original, 'revision'));
      expect(await count(restored, 'api_key')).toBe(1);
      // The restored schema is the migrated one: nothing left for the app to apply.
      expect(await restored.showMigrations()).toBe(false);
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
      await from.drop();
      await to.drop();
    }
  });
});

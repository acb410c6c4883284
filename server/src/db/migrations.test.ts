import { createTestDatabase, TestDatabase } from '../test-support/db';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('Given an empty database, When migrations run, Then every table of the domain model exists', async () => {
    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toContain('InitialSchema1732700000000');
    const tables = (await db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r: { tablename: string }) => r.tablename,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['actor', 'api_key', 'citation', 'event', 'event_link', 'event_participant', 'revision', 'source']),
    );
  });

  it('Then the indexes the window, kind and tag queries rely on exist', async () => {
    const indexes = (await db.dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'event'`)).map(
      (r: { indexname: string }) => r.indexname,
    );
    expect(indexes).toEqual(expect.arrayContaining(['event_start_idx', 'event_kind_start_idx', 'event_tags_idx', 'event_last_date_idx']));
  });

  it('When migrations run a second time, Then nothing is applied again', async () => {
    expect(await db.dataSource.runMigrations({ transaction: 'each' })).toEqual([]);
  });

  it('Then the database itself refuses an end date before the start date', async () => {
    await expect(
      db.dataSource.query(
        `INSERT INTO event (slug, kind, title, start_date, end_date, importance) VALUES ('x', 'MEETING', 'x', '2021-10-12', '2021-10-11', 1)`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, DATASET_DIR, TestDatabase } from '../test-support/db';
import { fixtureFiles, FIXTURE_ACTORS, FIXTURE_EVENTS } from '../test-support/fixture';
import { DatasetFileError, readDatasetDir, readDatasetFile } from './dataset.files';
import { exportDataset, importDataset, seedIfEmpty } from './dataset.store';
import type { DatasetEvent } from './dataset.types';
import { validateDataset } from './dataset.validate';

const withEvent = (patch: Partial<DatasetEvent>, id = 'e1-statement') =>
  fixtureFiles(FIXTURE_EVENTS.map((e) => (e.id === id ? ({ ...e, ...patch } as DatasetEvent) : e)));

describe('dataset validation (no database)', () => {
  it('Given the shipped dataset, Then it has no problems', () => {
    expect(validateDataset(readDatasetDir(DATASET_DIR))).toEqual([]);
  });

  it('Given the hand-made fixture, Then it has no problems', () => {
    expect(validateDataset(fixtureFiles())).toEqual([]);
  });

  it.each([
    ['a bad date', { startDate: '2021-02-30' }, /startDate must be a real date/],
    ['an end before the start', { endDate: '2021-10-01' }, /endDate is before startDate/],
    ['an unknown actor', { participants: [{ actor: 'nobody', role: 'SPEAKER' }] } as Partial<DatasetEvent>, /unknown actor "nobody"/],
    ['no sources', { citations: [] }, /at least one source/],
    ['a tone out of range', { tone: 11, toneNote: 'too much' }, /tone must be a number from -10 to 10/],
    ['a tone override without a note', { tone: -3 }, /toneNote/],
    ['an unknown CAMEO code', { cameoCode: '999' }, /not a CAMEO code/],
    ['a link to a missing event', { links: [{ type: 'RESPONDS_TO', to: 'missing' }] } as Partial<DatasetEvent>, /unknown event "missing"/],
    ['a field of another kind', { format: 'PHONE' } as Partial<DatasetEvent>, /not allowed on a STATEMENT/],
    ['a quote without its type', { quoteType: undefined }, /quoteType/],
    [
      'a translation of no quote',
      { quote: undefined, quoteType: undefined, quoteLanguage: undefined },
      /translatedFrom is only for a quote/,
    ],
    ['a translation from the quote’s own language', { translatedFrom: 'en' }, /translatedFrom "en" is the quote's own language/],
    ['a translator without a translation', { translatedFrom: undefined }, /translatedBy needs translatedFrom/],
    ['a translation from no language', { translatedFrom: 'Russian' }, /translatedFrom must be an ISO 639-1 code/],
  ])('Given an event with %s, Then the problem names the file and the record', (_name, patch, message) => {
    const problems = validateDataset(withEvent(patch));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'events/fixture.json', record: 'e1-statement', message: expect.stringMatching(message) }),
    ]);
  });

  it('Given two events with one id, Then the duplicate is reported', () => {
    const problems = validateDataset(fixtureFiles([...FIXTURE_EVENTS, { ...FIXTURE_EVENTS[1] }]));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/duplicate event id/));
  });

  it('Given a file that is not JSON, Then reading it fails with the file named', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'detente-')), 'broken.json');
    fs.writeFileSync(file, '{ "events": [ ');
    expect(() => readDatasetFile(file)).toThrow(/broken\.json.*not valid JSON/s);
  });
});

describe('dataset import and export (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  const count = async (table: string) => Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('Given an empty database, When the fixture is imported, Then every record and relation is stored', async () => {
    const result = await importDataset(db.dataSource, fixtureFiles());
    expect(result).toMatchObject({ events: FIXTURE_EVENTS.length, actors: FIXTURE_ACTORS.length, links: 2 });
    expect(await count('event')).toBe(FIXTURE_EVENTS.length);
    expect(await count('citation')).toBe(FIXTURE_EVENTS.length);
    expect(await count('revision')).toBe(FIXTURE_EVENTS.length);
    const [tone] = await db.dataSource.query(`SELECT tone FROM event WHERE slug = 'e3-sanction'`);
    expect(tone.tone).toBe(-8); // the Goldstein value of CAMEO 163
  });

  it('Given one bad record among good ones, When imported, Then nothing is written and the record is named', async () => {
    const files = withEvent({ startDate: 'not a date' }, 'e5-agreement');
    await expect(importDataset(db.dataSource, files)).rejects.toThrow(/e5-agreement: startDate/);
    expect(await count('event')).toBe(0);
    expect(await count('actor')).toBe(0);
  });

  it('Given a translated quote, When imported and exported, Then translatedFrom and translatedBy come back as written', async () => {
    await importDataset(db.dataSource, fixtureFiles());
    const [row] = await db.dataSource.query(`SELECT translated_from, translated_by FROM event WHERE slug = 'e1-statement'`);
    expect(row).toEqual({ translated_from: 'ru', translated_by: 'Interfax' });
    const exported = (await exportDataset(db.dataSource)).events.find((e) => e.id === 'e1-statement');
    expect(exported).toMatchObject({ quoteLanguage: 'en', translatedFrom: 'ru', translatedBy: 'Interfax' });
  });

  it('Given events already in the database, When the same ids are imported again, Then nothing changes and the clash is named', async () => {
    await importDataset(db.dataSource, fixtureFiles());
    await expect(importDataset(db.dataSource, fixtureFiles())).rejects.toThrow(/already exists/);
    expect(await count('event')).toBe(FIXTURE_EVENTS.length);
  });

  it('When the data is exported and imported into another database, Then the second export equals the first', async () => {
    await importDataset(db.dataSource, fixtureFiles());
    const first = await exportDataset(db.dataSource);
    const other = await createTestDatabase();
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'detente-')), 'export.json');
      fs.writeFileSync(file, JSON.stringify(first));
      await importDataset(other.dataSource, readDatasetFile(file));
      expect(await exportDataset(other.dataSource)).toEqual(first);
    } finally {
      await other.drop();
    }
  });

  it('Given an empty database, When start-up seeds it, Then the shipped dataset loads; a second start loads nothing', async () => {
    const files = readDatasetDir(DATASET_DIR);
    const loaded = await seedIfEmpty(db.dataSource, DATASET_DIR, () => undefined);
    expect(loaded?.events).toBe(files.events.length);
    expect(await seedIfEmpty(db.dataSource, DATASET_DIR, () => undefined)).toBeNull();
  });

  it('Given a malformed dataset folder, When start-up seeds, Then it fails with a DatasetFileError naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-data-'));
    fs.mkdirSync(path.join(dir, 'events'));
    fs.writeFileSync(path.join(dir, 'events', '2021.json'), '{"events": 3}');
    await expect(seedIfEmpty(db.dataSource, dir, () => undefined)).rejects.toThrow(DatasetFileError);
    await expect(seedIfEmpty(db.dataSource, dir, () => undefined)).rejects.toThrow(/events\/2021\.json/);
  });
});

// Tenures in office: the dataset's checks on them, their import and export, and the `tenures` query over HTTP
// against real PostgreSQL.
import { startTestApp, TestApp } from '../test-support/app';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { fixtureFiles, FIXTURE_ACTORS } from '../test-support/fixture';
import { exportDataset, importDataset } from '../dataset/dataset.store';
import type { DatasetActor } from '../dataset/dataset.types';
import { validateDataset } from '../dataset/dataset.validate';

const SOURCE = ['https://example.org/tenure'];
const HOLDERS: DatasetActor[] = [
  {
    id: 'first-president',
    name: 'First President',
    kind: 'PERSON',
    country: 'US',
    tenures: [
      { office: 'US_PRESIDENT', startDate: '2009-01-20', endDate: '2017-01-20', sources: SOURCE },
      { office: 'US_PRESIDENT', startDate: '2021-01-20', endDate: '2025-01-20', sources: SOURCE, note: 'A second, later term.' },
    ] as DatasetActor['tenures'],
  },
  {
    id: 'second-president',
    name: 'Second President',
    kind: 'PERSON',
    country: 'US',
    tenures: [{ office: 'US_PRESIDENT', startDate: '2017-01-20', endDate: '2021-01-20', sources: SOURCE }] as DatasetActor['tenures'],
  },
  {
    id: 'sitting-ambassador',
    name: 'Sitting Ambassador',
    kind: 'PERSON',
    country: 'RU',
    tenures: [{ office: 'RU_AMBASSADOR_TO_US', startDate: '2019-06-01', sources: SOURCE }] as DatasetActor['tenures'],
  },
];

const withTenures = (tenures: unknown[]) =>
  fixtureFiles(undefined, [...FIXTURE_ACTORS, { id: 'holder', name: 'Holder', kind: 'PERSON', tenures } as DatasetActor]);

describe('tenures in the dataset (no database)', () => {
  it('Given well-formed tenures, Then validation finds no problem', () => {
    expect(validateDataset(fixtureFiles(undefined, [...FIXTURE_ACTORS, ...HOLDERS]))).toEqual([]);
  });

  it.each([
    [
      'an unknown office',
      [{ office: 'US_VICE_PRESIDENT', startDate: '2021-01-20', sources: SOURCE }],
      /tenures\[0\]\.office must be one of/,
    ],
    ['a bad date', [{ office: 'US_PRESIDENT', startDate: '2021-02-30', sources: SOURCE }], /tenures\[0\]\.startDate must be a real date/],
    [
      'an end before the start',
      [{ office: 'US_PRESIDENT', startDate: '2021-01-20', endDate: '2020-01-20', sources: SOURCE }],
      /endDate must not be before startDate/,
    ],
    ['no source', [{ office: 'US_PRESIDENT', startDate: '2021-01-20', sources: [] }], /at least one source/],
    ['an unknown field', [{ office: 'US_PRESIDENT', startDate: '2021-01-20', sources: SOURCE, party: 'x' }], /tenures\[0\]/],
    [
      'two overlapping terms in one office',
      [
        { office: 'US_PRESIDENT', startDate: '2017-01-20', endDate: '2021-01-20', sources: SOURCE },
        { office: 'US_PRESIDENT', startDate: '2020-01-20', sources: SOURCE },
      ],
      /US_PRESIDENT from 2020-01-20 overlaps the one from 2017-01-20/,
    ],
  ])('Given a tenure with %s, Then validation names the actor and the problem', (_what, tenures, message) => {
    const problems = validateDataset(withTenures(tenures));
    expect(problems.map((p) => p.record)).toContain('holder');
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });
});

describe('the tenures query', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importDataset(db.dataSource, fixtureFiles(undefined, [...FIXTURE_ACTORS, ...HOLDERS]));
    app = await startTestApp(db.dataSource);
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  const TENURES = `query ($offices: [Office!], $from: Date, $to: Date) {
    tenures(offices: $offices, from: $from, to: $to) { office startDate endDate sourceUrls note actor { slug name } }
  }`;

  it('Given presidents and an ambassador, When asked for presidents over 2016–2018, Then the two terms that overlap come, in order', async () => {
    const res = await app.gql(TENURES, { offices: ['US_PRESIDENT'], from: '2016-01-01', to: '2018-12-31' });
    expect(res.errors).toBeUndefined();
    expect(res.data.tenures.map((t: { actor: { slug: string }; startDate: string }) => [t.actor.slug, t.startDate])).toEqual([
      ['first-president', '2009-01-20'],
      ['second-president', '2017-01-20'],
    ]);
    expect(res.data.tenures[0]).toMatchObject({ endDate: '2017-01-20', sourceUrls: SOURCE, note: null });
  });

  it('When the range starts after a tenure ended, Then that tenure is left out; one still running is kept', async () => {
    const res = await app.gql(TENURES, { from: '2025-02-01' });
    expect(res.data.tenures.map((t: { actor: { slug: string } }) => t.actor.slug)).toEqual(['sitting-ambassador']);
    expect(res.data.tenures[0].endDate).toBeNull();
  });

  it('When the range ends before a tenure began, Then that tenure is left out', async () => {
    const res = await app.gql(TENURES, { offices: ['US_PRESIDENT', 'RU_AMBASSADOR_TO_US'], to: '2012-01-01' });
    expect(res.data.tenures.map((t: { startDate: string }) => t.startDate)).toEqual(['2009-01-20']);
  });

  it('When asked for an office nobody in the record held, Then the answer is empty', async () => {
    const res = await app.gql(TENURES, { offices: ['RU_FOREIGN_MINISTER'] });
    expect(res.data.tenures).toEqual([]);
  });

  it('When the range is not a calendar day, Then the request is refused as bad input', async () => {
    const res = await app.gql(TENURES, { from: '2021-13-01' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("Then Actor.tenures lists an actor's terms earliest first", async () => {
    const res = await app.gql(`{ actor(id: "first-president") { tenures { office startDate note } } }`);
    expect(res.data.actor.tenures).toEqual([
      { office: 'US_PRESIDENT', startDate: '2009-01-20', note: null },
      { office: 'US_PRESIDENT', startDate: '2021-01-20', note: 'A second, later term.' },
    ]);
  });

  it('Then an export writes the tenures back as the dataset had them, and a second import adds none twice', async () => {
    const exported = await exportDataset(db.dataSource);
    expect(exported.actors.find((a) => a.id === 'first-president')?.tenures).toEqual(HOLDERS[0].tenures);
    expect(exported.actors.find((a) => a.id === 'ryabkov')?.tenures).toBeUndefined();
    await importDataset(db.dataSource, fixtureFiles([], HOLDERS));
    const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM actor_tenure');
    expect(count).toBe(4);
  });
});

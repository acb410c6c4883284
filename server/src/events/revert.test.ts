// Revert, delete and restore give back whole records: a property test over random edits, on real PostgreSQL.
import fc from 'fast-check';
import { EventKind } from '@detente/shared';
import { importDataset } from '../dataset/dataset.store';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { fixtureFiles } from '../test-support/fixture';
import { EventRecord } from './event.record';
import { snapshotEvents } from './event.repository';
import { EventWriteService } from './event-write.service';

let db: TestDatabase;
let writes: EventWriteService;

beforeAll(async () => {
  db = await createTestDatabase();
  await importDataset(db.dataSource, fixtureFiles());
  writes = new EventWriteService(db.dataSource, () => undefined);
});
afterAll(() => db.drop());

const recordOf = async (id: string): Promise<EventRecord> => (await snapshotEvents(db.dataSource.manager, 'e.id = $1', [id]))[0];
const snapshotAt = async (id: string, version: number): Promise<EventRecord> =>
  (await db.dataSource.query('SELECT snapshot FROM revision WHERE event_id = $1 AND version = $2', [id, version]))[0].snapshot;

const CITATIONS = [1, 2, 3].map((n) => ({
  url: `https://example.org/revert-${n}`,
  title: `Revert source ${n}`,
  publisher: 'Example Wire',
}));
const words = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** startDate, datePrecision and endDate that agree with each other. */
const dates = fc
  .record({
    year: fc.integer({ min: 2014, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    // With a span of up to three days the end stays a real date in every month.
    day: fc.integer({ min: 1, max: 25 }),
    precision: fc.constantFrom('DAY', 'MONTH', 'YEAR'),
    span: maybe(fc.integer({ min: 0, max: 3 })),
  })
  .map(({ year, month, day, precision, span }) => {
    const m = precision === 'YEAR' ? 1 : month;
    const d = precision === 'DAY' ? day : 1;
    const iso = (dd: number) => `${year}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    return { startDate: iso(d), datePrecision: precision, endDate: span === null ? null : iso(d + span) };
  });

/** Any change an editor may make to the fields every kind shares. */
const commonEdit = fc.record(
  {
    title: words,
    summary: maybe(words),
    dates,
    location: maybe(fc.record({ name: words, country: fc.constantFrom('RU', 'US', 'CH') })),
    direction: fc.constantFrom('US_TO_RU', 'RU_TO_US', 'MUTUAL'),
    cameoCode: fc.constantFrom('040', '042', '043', '036'),
    tone: maybe(fc.record({ tone: fc.integer({ min: -20, max: 20 }).map((n) => n / 2), toneNote: words })),
    importance: fc.integer({ min: 1, max: 5 }),
    tags: fc.subarray(['talks', 'visas', 'arms control']),
    verification: fc.constantFrom('CONFIRMED', 'REPORTED', 'DISPUTED'),
    participants: fc
      .uniqueArray(fc.constantFrom('ryabkov', 'nuland', 'un-observer'), { maxLength: 3 })
      .chain((actors) =>
        fc.tuple(...actors.map((actorId) => fc.record({ actorId: fc.constant(actorId), role: fc.constantFrom('PARTICIPANT', 'HOST') }))),
      ),
    citations: fc.subarray(CITATIONS, { minLength: 1 }),
  },
  { requiredKeys: [] },
);
const meetingEdit = fc.record(
  {
    format: fc.constantFrom('IN_PERSON', 'PHONE', 'VIDEO'),
    level: fc.constantFrom('MINISTERIAL', 'WORKING'),
    outcome: maybe(words),
  },
  { requiredKeys: [] },
);
const statementEdit = fc.oneof(
  fc.record({ medium: fc.constantFrom('INTERVIEW', 'BRIEFING'), outletId: maybe(fc.constant('interfax')) }, { requiredKeys: [] }),
  fc
    .record({
      quote: words,
      quoteType: fc.constantFrom('DIRECT', 'PARAPHRASE'),
      quoteLanguage: fc.constantFrom('en', 'ru'),
      translation: maybe(fc.record({ translatedBy: maybe(words) })),
    })
    .map(({ translation, ...quote }) => ({
      ...quote,
      translatedFrom: translation ? (quote.quoteLanguage === 'en' ? 'ru' : 'en') : null,
      translatedBy: translation?.translatedBy ?? null,
    })),
  fc.constant({ quote: null, quoteType: null, quoteLanguage: null, translatedFrom: null, translatedBy: null }),
);

type Edit = Record<string, unknown>;
/** The GraphQL input for an edit: the pieces that go together are spread into their fields. */
const toInput = ({ dates: d, tone, ...rest }: Edit): Edit => ({
  ...rest,
  ...(d as object | undefined),
  ...(tone === undefined ? {} : tone === null ? { tone: null, toneNote: null } : (tone as object)),
});

const step = (kindEdit: fc.Arbitrary<Edit>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(commonEdit, kindEdit).map(([a, b]) => ({ op: 'update' as const, input: toInput({ ...a, ...b }) })) },
    { weight: 1, arbitrary: fc.constant({ op: 'delete-restore' as const, input: {} }) },
  );

const START = {
  title: 'Property test subject',
  startDate: '2021-11-10',
  direction: 'MUTUAL',
  cameoCode: '040',
  importance: 3,
  tags: [],
  participants: [],
  citations: [CITATIONS[0]],
};
const SUBJECTS = {
  [EventKind.MEETING]: { start: { ...START, format: 'PHONE', level: 'WORKING' }, edit: meetingEdit },
  [EventKind.STATEMENT]: { start: { ...START, medium: 'BRIEFING' }, edit: statementEdit },
};

describe.each([EventKind.MEETING, EventKind.STATEMENT] as const)('revert, delete and restore of a %s (fast-check)', (kind) => {
  it('Given random edits, When reverted to any earlier version, Then the record is exactly that version’s full record', async () => {
    const { start, edit } = SUBJECTS[kind];
    await fc.assert(
      fc.asyncProperty(fc.array(step(edit), { minLength: 1, maxLength: 5 }), fc.nat(), async (steps, pick) => {
        const created = await writes.create(kind, { ...start } as never, 'property');
        const seen = new Map<number, EventRecord>([[1, await recordOf(created.id)]]);
        let version = 1;
        for (const s of steps) {
          if (s.op === 'update') {
            version = (await writes.update(kind, created.id, version, s.input, 'property')).version;
            seen.set(version, await recordOf(created.id));
          } else {
            const before = await recordOf(created.id);
            version = (await writes.setDeleted(created.id, version, true, 'property')).version;
            seen.set(version, await recordOf(created.id));
            version = (await writes.setDeleted(created.id, version, false, 'property')).version;
            // Delete and restore change nothing in the record.
            expect(await recordOf(created.id)).toEqual(before);
            seen.set(version, await recordOf(created.id));
          }
        }
        for (const [v, record] of seen) {
          // Every snapshot is the full record, defaults included, as it was read right after that version.
          const snapshot = await snapshotAt(created.id, v);
          expect(snapshot).toEqual(record);
          expect(snapshot).toHaveProperty('datePrecision');
          expect(snapshot).toHaveProperty('verification');
        }
        const target = 1 + (pick % version);
        const reverted = await writes.revert(created.id, target, version, 'property');
        expect(await recordOf(created.id)).toEqual(seen.get(target));
        expect(await snapshotAt(created.id, reverted.version)).toEqual(seen.get(target));
      }),
      { numRuns: 25 },
    );
  });
});

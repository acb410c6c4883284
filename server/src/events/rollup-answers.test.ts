// The answers read from the rollups (eventCounts, relationsTemperature, the timeline's counts of what it left out)
// equal what the event table itself says, over random ranges, buckets and kind filters, before and after random
// inserts, edits, soft deletes, restores and deletes. The counts of truth below are written straight against the
// event table, in SQL of their own, not through the app's rollup code.
import { addDaysIso, daysBetween, EventKind } from '@detente/shared';
import { fillDatabase } from '../../bench/fill';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { MAX_BUCKETS } from './event.inputs';
import { RollupGrain, periodStart, splitRange } from './rollup-ranges';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await fillDatabase({ url: db.url, events: 3000, log: () => undefined });
  app = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '0' });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

/** A small seeded generator (mulberry32), so a failure can be replayed from the seed in its message. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] };
}
type Random = ReturnType<typeof random>;

const KINDS = Object.values(EventKind);
/** Days around the generated data (1995–2024), so ranges also start and end where there is none. */
const DAY0 = '1994-06-01';
const LAST_DAY0 = daysBetween(DAY0, '2025-06-30');

function randomRange(r: Random, maxDays: number) {
  const from = addDaysIso(DAY0, r.int(0, LAST_DAY0));
  // Mostly short and long ranges, with exact period edges now and then (a Monday, a 1st, a month's last day).
  let to = addDaysIso(from, r.int(0, maxDays - 1));
  const edge = r.int(0, 5);
  if (edge === 0) to = addDaysIso(periodStart('week', to), 6);
  if (edge === 1) to = addDaysIso(periodStart('month', addDaysIso(periodStart('month', to), 31)), -1);
  return { from: edge === 2 ? periodStart('month', from) : edge === 3 ? periodStart('week', from) : from, to };
}

const randomKinds = (r: Random): string[] | null =>
  r.int(0, 2) === 0
    ? KINDS.filter(() => r.next() < 0.5)
        .concat(r.pick(KINDS))
        .filter((k, i, all) => all.indexOf(k) === i)
    : null;

const kindsArg = (kinds: string[] | null) => (kinds ? `, filter: { kinds: [${kinds.join(', ')}] }` : '');

/** The fewest days a bucket has (as eventCounts counts them against MAX_BUCKETS). */
const BUCKET_DAYS = { DAY: 1, WEEK: 7, MONTH: 28, YEAR: 365 } as const;
type Bucket = keyof typeof BUCKET_DAYS;

async function expectCountsFromEvents(r: Random, seed: number) {
  const bucket = r.pick(Object.keys(BUCKET_DAYS) as Bucket[]);
  const { from, to } = randomRange(r, Math.min(r.pick([60, 400, 12_000]), BUCKET_DAYS[bucket] * (MAX_BUCKETS - 1)));
  const kinds = randomKinds(r);
  const where = `deleted_at IS NULL AND start_date BETWEEN $1 AND $2`;
  const bucketOf = `to_char(date_trunc('${bucket.toLowerCase()}', start_date::timestamp), 'YYYY-MM-DD')`;
  const counts: Array<{ b: string; kind: string; n: number }> = await db.dataSource.query(
    `SELECT ${bucketOf} AS b, kind, count(*)::int AS n FROM event WHERE ${where} AND ($3::varchar[] IS NULL OR kind = ANY ($3))
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [from, to, kinds],
  );
  const tones: Array<{ b: string; direction: string | null; n: number; s: number }> = await db.dataSource.query(
    `SELECT ${bucketOf} AS b, direction, count(*)::int AS n, sum(tone::numeric)::float8 AS s FROM event
      WHERE ${where} AND tone IS NOT NULL GROUP BY 1, 2`,
    [from, to],
  );
  const res = await app.gql(`{
    eventCounts(from: "${from}", to: "${to}", bucket: ${bucket}${kindsArg(kinds)}) { start count byKind { kind count } }
    relationsTemperature(from: "${from}", to: "${to}", bucket: ${bucket}) { start usToRu { count toneSum } ruToUs { count toneSum } all { count toneSum } }
  }`);
  const what = { seed, bucket, from, to, kinds };
  expect({ ...what, errors: res.errors }).toEqual({ ...what, errors: undefined });
  const answered = (
    res.data.eventCounts as Array<{ start: string; count: number; byKind: Array<{ kind: string; count: number }> }>
  ).flatMap((b) => {
    expect({ ...what, count: b.count }).toEqual({ ...what, count: b.byKind.reduce((sum, k) => sum + k.count, 0) });
    return b.byKind.map((k) => ({ b: b.start, kind: k.kind, n: k.count }));
  });
  expect({ ...what, counts: answered }).toEqual({ ...what, counts });
  const tone = (b: string, direction?: string) => {
    const rows = tones.filter((t) => t.b === b && (direction === undefined || t.direction === direction));
    return { count: rows.reduce((sum, t) => sum + t.n, 0), toneSum: rows.reduce((sum, t) => sum + t.s, 0) };
  };
  for (const point of res.data.relationsTemperature as Array<Record<string, { count: number; toneSum: number }> & { start: string }>) {
    for (const [field, direction] of [
      ['usToRu', 'US_TO_RU'],
      ['ruToUs', 'RU_TO_US'],
      ['all', undefined],
    ] as const) {
      const truth = tone(point.start, direction);
      expect({ ...what, at: point.start, field, count: point[field].count }).toEqual({
        ...what,
        at: point.start,
        field,
        count: truth.count,
      });
      expect(Math.abs(point[field].toneSum - truth.toneSum)).toBeLessThan(1e-6);
    }
  }
  return counts.length;
}

const BUCKETS = 40;

async function expectTimelineFromEvents(r: Random, seed: number) {
  const { from, to } = randomRange(r, r.pick([40, 400, 4000, 12_000]));
  const kinds = randomKinds(r);
  const maxItems = r.pick([1, 5, 50, 200]);
  const days = daysBetween(from, to) + 1;
  // Each live event overlapping the window, in the slice its start day (or the window's first day) falls in.
  const slices: Array<{ slice: number; n: number }> = await db.dataSource.query(
    `SELECT least(${BUCKETS} - 1, ((greatest(start_date, $1::date) - $1::date) * ${BUCKETS}) / $3::int) AS slice, count(*)::int AS n
       FROM event WHERE deleted_at IS NULL AND coalesce(end_date, start_date) >= $1 AND start_date <= $2
        AND ($4::varchar[] IS NULL OR kind = ANY ($4))
      GROUP BY 1`,
    [from, to, days, kinds],
  );
  const res = await app.gql(
    `{ timeline(from: "${from}", to: "${to}", maxItems: ${maxItems}${kindsArg(kinds)}) { totalCount events { startDate } omitted { from count } } }`,
  );
  const what = { seed, from, to, kinds, maxItems };
  expect({ ...what, errors: res.errors }).toEqual({ ...what, errors: undefined });
  const { totalCount, events, omitted } = res.data.timeline as {
    totalCount: number;
    events: Array<{ startDate: string }>;
    omitted: Array<{ from: string; count: number }>;
  };
  const total = slices.reduce((sum, s) => sum + s.n, 0);
  expect({ ...what, totalCount }).toEqual({ ...what, totalCount: total });
  const sliceOf = (start: string) => Math.min(BUCKETS - 1, Math.floor((Math.max(0, daysBetween(from, start)) * BUCKETS) / days));
  const left = slices
    .map(({ slice, n }) => ({
      from: addDaysIso(from, Math.floor((slice * days) / BUCKETS)),
      count: n - events.filter((e) => sliceOf(e.startDate) === slice).length,
    }))
    .filter((s) => s.count > 0);
  const order = (list: Array<{ from: string; count: number }>) =>
    [...list].sort((a, b) => a.from.localeCompare(b.from) || a.count - b.count);
  expect({ ...what, omitted: order(omitted) }).toEqual({ ...what, omitted: order(left) });
  return total;
}

/** Random writes of every sort the triggers see, each as its own statement. */
async function randomWrites(r: Random, round: number) {
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const values = Array.from({ length: r.int(1, 30) }, (_, i) => {
    const start = addDaysIso('1995-01-01', r.int(0, 10_950));
    const end = r.int(0, 3) === 0 ? `'${addDaysIso(start, r.int(1, 400))}'` : 'NULL';
    const direction = r.pick(["'US_TO_RU'", "'RU_TO_US'", "'MUTUAL'", 'NULL']);
    const tone = r.int(0, 3) === 0 ? 'NULL' : (r.int(-100, 100) / 10).toFixed(1);
    return `('rw-${round}-${i}', '${r.pick(KINDS)}', 'random write ${i}', '${start}', ${end}, ${r.int(1, 5)}, ${direction}, ${tone})`;
  });
  await q(`INSERT INTO event (slug, kind, title, start_date, end_date, importance, direction, tone) VALUES ${values.join(', ')}`);
  // A sample of live events, moved in time, to another kind, direction and tone.
  const sample = (n: number, where = 'deleted_at IS NULL') =>
    q(`SELECT id FROM event WHERE ${where} ORDER BY md5(id::text || $1) LIMIT ${n}`, [String(r.next())]).then(
      (rows: Array<{ id: string }>) => rows.map((row) => row.id),
    );
  await q(`UPDATE event SET start_date = start_date + $2::int, end_date = end_date + $2::int WHERE id = ANY ($1)`, [
    await sample(r.int(1, 40)),
    r.int(-400, 400),
  ]);
  await q(`UPDATE event SET kind = $2 WHERE id = ANY ($1)`, [await sample(r.int(1, 20)), r.pick(KINDS)]);
  await q(`UPDATE event SET direction = $2, tone = $3 WHERE id = ANY ($1)`, [
    await sample(r.int(1, 20)),
    r.pick(['US_TO_RU', 'RU_TO_US', null]),
    r.int(0, 2) ? r.int(-10, 10) : null,
  ]);
  await q(`UPDATE event SET end_date = start_date + $2::int WHERE id = ANY ($1)`, [await sample(r.int(1, 10)), r.int(0, 90)]);
  await q(`UPDATE event SET deleted_at = now() WHERE id = ANY ($1)`, [await sample(r.int(1, 40))]);
  await q(`UPDATE event SET deleted_at = NULL WHERE id = ANY ($1)`, [await sample(r.int(0, 10), 'deleted_at IS NOT NULL')]);
  await q(`DELETE FROM event WHERE id = ANY ($1)`, [await sample(r.int(1, 20))]);
}

describe('rollup-based answers against the event table', () => {
  it('Given random ranges, Then splitRange reads each day once, within the range and within one period of its coarsest grain', () => {
    const r = random(17);
    const periodEnd = (grain: RollupGrain, first: string) =>
      grain === 'day' ? first : grain === 'week' ? addDaysIso(first, 6) : addDaysIso(periodStart('month', addDaysIso(first, 31)), -1);
    const faults: unknown[] = [];
    for (let i = 0; i < 1000; i++) {
      const coarsest = r.pick(['day', 'week', 'month'] as const);
      const { from, to } = randomRange(r, r.pick([3, 40, 400, 12_000]));
      // The periods read, in order, must run from `from` to `to` with no gap and no overlap.
      let next = from;
      for (const range of splitRange(from, to, coarsest)) {
        for (let p = range.first; p <= range.last; p = addDaysIso(periodEnd(range.grain, p), 1)) {
          const last = periodEnd(range.grain, p);
          if (p !== next || periodStart(range.grain, p) !== p || periodStart(coarsest, p) !== periodStart(coarsest, last))
            faults.push({ from, to, coarsest, range, period: p, expected: next });
          next = addDaysIso(last, 1);
        }
      }
      if (next !== addDaysIso(to, 1)) faults.push({ from, to, coarsest, readUpTo: next });
    }
    expect(faults).toEqual([]);
    // Thirty years read as months, with weeks and days only at the ends.
    const thirtyYears = splitRange('1995-01-03', '2024-12-30');
    expect(thirtyYears.map((range) => range.grain)).toEqual(['day', 'week', 'day', 'month', 'day', 'week', 'day']);
  });

  it('Given random ranges, buckets and kinds, When the data is written to at random between rounds, Then every answer equals the event table', async () => {
    let counted = 0;
    let overlapping = 0;
    for (let round = 0; round < 4; round++) {
      if (round > 0) await randomWrites(random(1000 + round), round);
      for (let i = 0; i < 12; i++) {
        const seed = round * 100 + i;
        counted += await expectCountsFromEvents(random(seed), seed);
        overlapping += await expectTimelineFromEvents(random(seed + 50), seed + 50);
      }
    }
    // Not vacuous: the ranges held events.
    expect(counted).toBeGreaterThan(100);
    expect(overlapping).toBeGreaterThan(1000);
  }, 120_000);
});

// The daily, weekly and monthly rollups behind eventCounts and relationsTemperature stay equal to what the event table says, whatever
// the write: inserts, edits of date, kind, direction and tone, soft deletes and restores, hard deletes, truncation.
import type { TestDatabase } from '../test-support/db';
import type { TestApp } from '../test-support/app';
import { withFixtureApp } from '../test-support/fixture-app';
import { fixtureFiles } from '../test-support/fixture';
import { importDataset } from '../dataset/dataset.store';

let db: TestDatabase;
let app: TestApp;
withFixtureApp((fixture) => ({ db, app } = fixture));

/** The rollups as they are, and as a full scan of the live events says they should be (zero rows left out). */
async function rollupsAndTruth() {
  const q = (sql: string) => db.dataSource.query(sql);
  const [counts, countsTruth, tones, tonesTruth] = await Promise.all([
    q(`SELECT day::text, kind, events FROM event_count_by_day WHERE events <> 0 ORDER BY 1, 2`),
    q(`SELECT start_date::text AS day, kind, count(*)::int AS events FROM event WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`),
    q(`SELECT day::text, direction, toned, tone_sum::text FROM event_tone_by_day WHERE toned <> 0 OR tone_sum <> 0 ORDER BY 1, 2`),
    q(`SELECT start_date::text AS day, coalesce(direction, '') AS direction, count(*)::int AS toned, sum(tone::numeric)::text AS tone_sum
         FROM event WHERE deleted_at IS NULL AND tone IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`),
  ]);
  return { counts, countsTruth, tones, tonesTruth };
}

/** The weekly and monthly rollups as they are, and as a scan says (periods start on Monday and on the 1st). */
async function coarseRollupsAndTruth(grain: 'week' | 'month') {
  const q = (sql: string) => db.dataSource.query(sql);
  const period = `date_trunc('${grain}', start_date::timestamp)::date::text`;
  const [counts, countsTruth, tones, tonesTruth] = await Promise.all([
    q(`SELECT period::text, kind, events FROM event_count_by_${grain} WHERE events <> 0 ORDER BY 1, 2`),
    q(`SELECT ${period} AS period, kind, count(*)::int AS events FROM event WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`),
    q(`SELECT period::text, direction, toned, tone_sum::text FROM event_tone_by_${grain} WHERE toned <> 0 OR tone_sum <> 0 ORDER BY 1, 2`),
    q(`SELECT ${period} AS period, coalesce(direction, '') AS direction, count(*)::int AS toned, sum(tone::numeric)::text AS tone_sum
         FROM event WHERE deleted_at IS NULL AND tone IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`),
  ]);
  return { counts, countsTruth, tones, tonesTruth };
}

async function expectRollupsCorrect() {
  const { counts, countsTruth, tones, tonesTruth } = await rollupsAndTruth();
  expect(counts).toEqual(countsTruth);
  expect(tones).toEqual(tonesTruth);
  for (const grain of ['week', 'month'] as const) {
    const coarse = await coarseRollupsAndTruth(grain);
    expect(coarse.counts).toEqual(coarse.countsTruth);
    expect(coarse.tones).toEqual(coarse.tonesTruth);
  }
}

const idOf = async (slug: string): Promise<string> => (await db.dataSource.query(`SELECT id FROM event WHERE slug = $1`, [slug]))[0].id;

describe('daily rollups', () => {
  it('Given an imported dataset, Then the rollups hold its counts and tone sums', async () => {
    const { countsTruth } = await rollupsAndTruth();
    expect(countsTruth.length).toBeGreaterThan(0);
    await expectRollupsCorrect();
  });

  it('When events are inserted, one and several per statement, Then the rollups count them', async () => {
    await db.dataSource.query(
      `INSERT INTO event (slug, kind, title, start_date, importance, direction, tone)
       VALUES ('r-1', 'SANCTION', 'r1', '2021-04-15', 2, 'US_TO_RU', -7.5), ('r-2', 'SANCTION', 'r2', '2021-04-15', 2, 'US_TO_RU', -2.25),
              ('r-3', 'MEETING', 'r3', '2019-01-01', 1, NULL, 3)`,
    );
    await db.dataSource.query(
      `INSERT INTO event (slug, kind, title, start_date, importance) VALUES ('r-4', 'STATEMENT', 'r4 without a tone', '2019-01-01', 1)`,
    );
    await expectRollupsCorrect();
  });

  it('When an event moves to another day, kind, direction and tone, Then it leaves its old rows and joins the new ones', async () => {
    await db.dataSource.query(
      `UPDATE event SET start_date = '2020-02-02', kind = 'MISSION', direction = 'RU_TO_US', tone = 4.5 WHERE slug = 'r-1'`,
    );
    await db.dataSource.query(`UPDATE event SET tone = NULL WHERE slug = 'r-3'`);
    await db.dataSource.query(`UPDATE event SET tone = -1 WHERE slug = 'r-4'`);
    await db.dataSource.query(`UPDATE event SET importance = 3 WHERE slug LIKE 'r-%'`);
    await expectRollupsCorrect();
  });

  it('When an event is soft-deleted and restored, Then it leaves the counts and comes back', async () => {
    await db.dataSource.query(`UPDATE event SET deleted_at = now() WHERE slug IN ('r-2', 'e3-sanction')`);
    await expectRollupsCorrect();
    const aprilCount = await app.gql(
      `{ eventCounts(from: "2021-04-01", to: "2021-04-30", bucket: MONTH) { count byKind { kind count } } }`,
    );
    expect(aprilCount.data.eventCounts).toEqual([{ count: 1, byKind: [{ kind: 'MISSION', count: 1 }] }]);
    await db.dataSource.query(`UPDATE event SET deleted_at = NULL WHERE slug IN ('r-2', 'e3-sanction')`);
    await expectRollupsCorrect();
  });

  it('When events are deleted for good, Then the rollups drop them', async () => {
    await db.dataSource.query(`DELETE FROM event WHERE slug IN ('r-1', 'r-3')`);
    await expectRollupsCorrect();
  });

  it('Given the rollups, Then eventCounts and relationsTemperature answer exactly as a scan of the events does', async () => {
    const { tonesTruth } = await rollupsAndTruth();
    const res = await app.gql(`{
      eventCounts(from: "2021-01-01", to: "2021-12-31", bucket: MONTH) { start count byKind { kind count } }
      filtered: eventCounts(from: "2021-01-01", to: "2021-12-31", bucket: YEAR, filter: { kinds: [SANCTION] }) { count }
      relationsTemperature(from: "2021-01-01", to: "2021-12-31", bucket: YEAR) { usToRu { count toneSum } all { count toneSum } }
    }`);
    expect(res.errors).toBeUndefined();
    const [live] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM event WHERE deleted_at IS NULL AND start_date BETWEEN '2021-01-01' AND '2021-12-31'`,
    );
    expect(res.data.eventCounts.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(live.n);
    const [sanctions] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM event WHERE deleted_at IS NULL AND kind = 'SANCTION' AND start_date BETWEEN '2021-01-01' AND '2021-12-31'`,
    );
    expect(res.data.filtered).toEqual([{ count: sanctions.n }]);
    const toned2021 = tonesTruth.filter((t: { day: string }) => t.day.startsWith('2021'));
    const allCount = toned2021.reduce((sum: number, t: { toned: number }) => sum + t.toned, 0);
    const allSum = toned2021.reduce((sum: number, t: { tone_sum: string }) => sum + Number(t.tone_sum), 0);
    expect(res.data.relationsTemperature[0].all.count).toBe(allCount);
    expect(res.data.relationsTemperature[0].all.toneSum).toBeCloseTo(allSum, 6);
  });

  it('Given ranges that start and end inside weeks and months, Then every bucket from the coarse rollups equals a scan of the events', async () => {
    // minImportance: 1 holds for every event but keeps the rollups out: the answer then comes from the events.
    for (const [bucket, from, to] of [
      ['WEEK', '2018-03-07', '2022-11-02'],
      ['WEEK', '2021-04-12', '2021-04-18'],
      ['WEEK', '2021-04-14', '2021-04-15'],
      ['MONTH', '2018-03-07', '2022-11-02'],
      ['MONTH', '2021-04-01', '2021-04-30'],
      ['YEAR', '2000-06-15', '2026-02-10'],
    ] as const) {
      const select = `start end count byKind { kind count }`;
      const tone = `start usToRu { count toneSum smoothed } ruToUs { count toneSum } all { count toneSum meanTone smoothed }`;
      const res = await app.gql(`{
        rollup: eventCounts(from: "${from}", to: "${to}", bucket: ${bucket}) { ${select} }
        scan: eventCounts(from: "${from}", to: "${to}", bucket: ${bucket}, filter: { minImportance: 1 }) { ${select} }
        rollupTone: relationsTemperature(from: "${from}", to: "${to}", bucket: ${bucket}) { ${tone} }
        scanTone: relationsTemperature(from: "${from}", to: "${to}", bucket: ${bucket}, filter: { minImportance: 1 }) { ${tone} }
        rollupKinds: eventCounts(from: "${from}", to: "${to}", bucket: ${bucket}, filter: { kinds: [SANCTION, MEETING] }) { ${select} }
        scanKinds: eventCounts(from: "${from}", to: "${to}", bucket: ${bucket}, filter: { kinds: [SANCTION, MEETING], minImportance: 1 }) { ${select} }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.rollup.some((b: { count: number }) => b.count > 0)).toBe(true);
      expect(res.data.rollup).toEqual(res.data.scan);
      expect(res.data.rollupTone).toEqual(res.data.scanTone);
      expect(res.data.rollupKinds).toEqual(res.data.scanKinds);
    }
  });

  it('Given any range of days, Then event_count_between counts from weeks and edge days what a scan counts', async () => {
    for (const [from, to] of [
      ['2018-03-07', '2022-11-02'],
      ['2021-04-12', '2021-04-18'],
      ['2021-04-14', '2021-04-15'],
      ['2021-04-13', '2021-04-19'],
      ['1990-01-01', '2030-12-31'],
    ]) {
      for (const kinds of [null, ['SANCTION', 'MEETING']]) {
        const [{ rollup, scan }] = await db.dataSource.query(
          `SELECT event_count_between($1, $2, $3::varchar[])::int AS rollup,
                  (SELECT count(*)::int FROM event WHERE deleted_at IS NULL AND start_date BETWEEN $1 AND $2 AND ($3::varchar[] IS NULL OR kind = ANY ($3))) AS scan`,
          [from, to, kinds],
        );
        expect({ from, to, kinds, n: rollup }).toEqual({ from, to, kinds, n: scan });
      }
    }
  });

  it('When the event table is truncated or a bulk load rebuilds them, Then the rollups follow', async () => {
    const id = await idOf('e1-statement');
    expect(id).toBeDefined();
    await db.dataSource.query(`TRUNCATE event CASCADE`);
    await expectRollupsCorrect();
    expect(await db.dataSource.query(`SELECT * FROM event_count_by_day`)).toEqual([]);
    await importDataset(db.dataSource, fixtureFiles());
    await expectRollupsCorrect();
    await db.dataSource.query(`ALTER TABLE event DISABLE TRIGGER USER`);
    await db.dataSource.query(`UPDATE event SET start_date = start_date - 1`);
    await db.dataSource.query(`ALTER TABLE event ENABLE TRIGGER USER`);
    await db.dataSource.query(`SELECT rebuild_event_rollup()`);
    await expectRollupsCorrect();
  });
});

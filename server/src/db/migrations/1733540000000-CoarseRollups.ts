// Weekly and monthly rollups beside the daily ones (EventDailyRollups), kept by the same statement-level triggers:
// 1,000 weekly buckets then read about 1,000 weeks' rows (and a few edge days), not 7,000 days'.
import { MigrationInterface, QueryRunner } from 'typeorm';

const GRAINS = ['day', 'week', 'month'] as const;
type Grain = (typeof GRAINS)[number];

/** The first day of the period a day falls in, for each grain (weeks start on Monday, as ISO and date_trunc say). */
const periodOf = (grain: Grain, day: string) => (grain === 'day' ? day : `date_trunc('${grain}', ${day}::timestamp)::date`);
const countTable = (grain: Grain) => `event_count_by_${grain}`;
const toneTable = (grain: Grain) => `event_tone_by_${grain}`;
/** The daily tables name their period column `day`; the coarser ones `period`. */
const periodColumn = (grain: Grain) => (grain === 'day' ? 'day' : 'period');

/** The upserts that add a change set, `changes` being (start_date, kind, direction, tone, deleted_at, sign) rows. */
function applyChanges(changes: string): string {
  return GRAINS.map(
    (grain) => `
    INSERT INTO ${countTable(grain)} AS r (${periodColumn(grain)}, kind, events)
    SELECT ${periodOf(grain, 'start_date')}, kind, sum(sign) FROM (${changes}) c WHERE deleted_at IS NULL
     GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (${periodColumn(grain)}, kind) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO ${toneTable(grain)} AS r (${periodColumn(grain)}, direction, toned, tone_sum)
    SELECT ${periodOf(grain, 'start_date')}, coalesce(direction, ''), sum(sign), sum(sign * tone::numeric) FROM (${changes}) c
     WHERE deleted_at IS NULL AND tone IS NOT NULL
     GROUP BY 1, 2 HAVING sum(sign) <> 0 OR sum(sign * tone::numeric) <> 0 ORDER BY 1, 2
    ON CONFLICT (${periodColumn(grain)}, direction) DO UPDATE SET toned = r.toned + EXCLUDED.toned, tone_sum = r.tone_sum + EXCLUDED.tone_sum;`,
  ).join('');
}

const NEW_ROWS = `SELECT start_date, kind, direction, tone, deleted_at, 1 AS sign FROM new_rows`;
const OLD_ROWS = `SELECT start_date, kind, direction, tone, deleted_at, -1 AS sign FROM old_rows`;
/** The function the rollup triggers call, applying each statement's net change with `apply`. */
const triggerFunction = (apply: (changes: string) => string) => `CREATE OR REPLACE FUNCTION event_rollup_after_write()
  RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN ${apply(NEW_ROWS)}
    ELSIF TG_OP = 'DELETE' THEN ${apply(OLD_ROWS)}
    ELSE ${apply(`${NEW_ROWS} UNION ALL ${OLD_ROWS}`)}
    END IF;
    RETURN NULL;
  END $$`;
const ALL_TABLES = GRAINS.flatMap((g) => [countTable(g), toneTable(g)]).join(', ');

const rebuild = (grains: readonly Grain[]) => `CREATE OR REPLACE FUNCTION rebuild_event_rollup() RETURNS void LANGUAGE sql AS $$
  TRUNCATE ${grains.flatMap((g) => [countTable(g), toneTable(g)]).join(', ')};
  ${grains
    .map(
      (g) => `INSERT INTO ${countTable(g)} (${periodColumn(g)}, kind, events)
    SELECT ${periodOf(g, 'start_date')}, kind, count(*) FROM event WHERE deleted_at IS NULL GROUP BY 1, 2;
  INSERT INTO ${toneTable(g)} (${periodColumn(g)}, direction, toned, tone_sum)
    SELECT ${periodOf(g, 'start_date')}, coalesce(direction, ''), count(*), sum(tone::numeric) FROM event
     WHERE deleted_at IS NULL AND tone IS NOT NULL GROUP BY 1, 2;`,
    )
    .join('\n  ')}
$$`;

export class CoarseRollups1733540000000 implements MigrationInterface {
  name = 'CoarseRollups1733540000000';

  async up(q: QueryRunner): Promise<void> {
    for (const grain of ['week', 'month'] as const) {
      await q.query(`CREATE TABLE ${countTable(grain)} (
        period date NOT NULL,
        kind varchar(16) NOT NULL,
        events integer NOT NULL,
        PRIMARY KEY (period, kind)
      )`);
      await q.query(`CREATE TABLE ${toneTable(grain)} (
        period date NOT NULL,
        direction varchar(16) NOT NULL,
        toned integer NOT NULL,
        tone_sum numeric NOT NULL,
        PRIMARY KEY (period, direction)
      )`);
    }
    // The same trigger function the daily rollup's three triggers call, now writing every grain.
    await q.query(triggerFunction(applyChanges));
    await q.query(rebuild(GRAINS));
    await q.query(`CREATE OR REPLACE FUNCTION event_rollup_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE ${ALL_TABLES};
        RETURN NULL;
      END $$`);
    await q.query(`SELECT rebuild_event_rollup()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const daily = (changes: string) =>
      applyChanges(changes)
        .split(';')
        .filter((statement) => statement.includes('_by_day'))
        .join(';') + ';';
    await q.query(triggerFunction(daily));
    await q.query(rebuild(['day']));
    await q.query(`CREATE OR REPLACE FUNCTION event_rollup_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE event_count_by_day, event_tone_by_day;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TABLE IF EXISTS event_count_by_week, event_tone_by_week, event_count_by_month, event_tone_by_month`);
  }
}

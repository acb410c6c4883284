// Daily rollups behind eventCounts and relationsTemperature: live events per (day, kind), and toned events with
// their tone sum per (day, direction). A thousand buckets then read a few thousand small rows instead of every
// event. Statement-level triggers apply each write's net change, so bulk imports cost one upsert per touched day.
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The upserts that add a change set, `changes` being (start_date, kind, direction, tone, deleted_at, sign) rows. */
function applyChanges(changes: string): string {
  return `
    INSERT INTO event_count_by_day AS r (day, kind, events)
    SELECT start_date, kind, sum(sign) FROM (${changes}) c WHERE deleted_at IS NULL
     GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, kind) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO event_tone_by_day AS r (day, direction, toned, tone_sum)
    SELECT start_date, coalesce(direction, ''), sum(sign), sum(sign * tone::numeric) FROM (${changes}) c WHERE deleted_at IS NULL AND tone IS NOT NULL
     GROUP BY 1, 2 HAVING sum(sign) <> 0 OR sum(sign * tone::numeric) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, direction) DO UPDATE SET toned = r.toned + EXCLUDED.toned, tone_sum = r.tone_sum + EXCLUDED.tone_sum;`;
}

const NEW_ROWS = `SELECT start_date, kind, direction, tone, deleted_at, 1 AS sign FROM new_rows`;
const OLD_ROWS = `SELECT start_date, kind, direction, tone, deleted_at, -1 AS sign FROM old_rows`;

export class EventDailyRollups1733100000000 implements MigrationInterface {
  name = 'EventDailyRollups1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE event_count_by_day (
      day date NOT NULL,
      kind varchar(16) NOT NULL,
      events integer NOT NULL,
      PRIMARY KEY (day, kind)
    )`);
    // direction '' stands for none: the "all" line of the temperature counts those too.
    await q.query(`CREATE TABLE event_tone_by_day (
      day date NOT NULL,
      direction varchar(16) NOT NULL,
      toned integer NOT NULL,
      tone_sum numeric NOT NULL,
      PRIMARY KEY (day, direction)
    )`);

    await q.query(`CREATE FUNCTION event_rollup_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${applyChanges(NEW_ROWS)}
        ELSIF TG_OP = 'DELETE' THEN ${applyChanges(OLD_ROWS)}
        ELSE ${applyChanges(`${NEW_ROWS} UNION ALL ${OLD_ROWS}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER event_rollup_ins AFTER INSERT ON event
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_rollup_after_write()`);
    await q.query(`CREATE TRIGGER event_rollup_upd AFTER UPDATE ON event
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_rollup_after_write()`);
    await q.query(`CREATE TRIGGER event_rollup_del AFTER DELETE ON event
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_rollup_after_write()`);

    // Also what a bulk load with triggers disabled calls afterwards (the benchmark's fill does).
    await q.query(`CREATE FUNCTION rebuild_event_rollup() RETURNS void LANGUAGE sql AS $$
      TRUNCATE event_count_by_day, event_tone_by_day;
      INSERT INTO event_count_by_day (day, kind, events)
        SELECT start_date, kind, count(*) FROM event WHERE deleted_at IS NULL GROUP BY 1, 2;
      INSERT INTO event_tone_by_day (day, direction, toned, tone_sum)
        SELECT start_date, coalesce(direction, ''), count(*), sum(tone::numeric) FROM event WHERE deleted_at IS NULL AND tone IS NOT NULL GROUP BY 1, 2;
    $$`);
    await q.query(`CREATE FUNCTION event_rollup_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE event_count_by_day, event_tone_by_day;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER event_rollup_truncate AFTER TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION event_rollup_after_truncate()`,
    );
    await q.query(`SELECT rebuild_event_rollup()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS event_rollup_truncate ON event`);
    await q.query(`DROP TRIGGER IF EXISTS event_rollup_del ON event`);
    await q.query(`DROP TRIGGER IF EXISTS event_rollup_upd ON event`);
    await q.query(`DROP TRIGGER IF EXISTS event_rollup_ins ON event`);
    await q.query(`DROP FUNCTION IF EXISTS event_rollup_after_truncate, rebuild_event_rollup, event_rollup_after_write`);
    await q.query(`DROP TABLE IF EXISTS event_tone_by_day, event_count_by_day`);
  }
}

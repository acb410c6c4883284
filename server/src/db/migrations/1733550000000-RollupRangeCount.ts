// Live events starting in a range of days, from the rollups: whole ISO weeks from the weekly table, the days at
// either edge from the daily one. The timeline's per-slice counts call it; over 30 years a slice is 274 days,
// which this reads as about 39 weeks and a dozen days instead of 274 days (times five kinds each).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RollupRangeCount1733550000000 implements MigrationInterface {
  name = 'RollupRangeCount1733550000000';

  async up(q: QueryRunner): Promise<void> {
    // kinds NULL counts every kind. Whole weeks are [wf, we): the first Monday on or after from_day, up to the Monday
    // after to_day's week when to_day is a Sunday, else to_day's own Monday.
    await q.query(`CREATE FUNCTION event_count_between(from_day date, to_day date, kinds varchar[]) RETURNS bigint
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
      WITH w AS (
        SELECT CASE WHEN date_trunc('week', from_day::timestamp)::date = from_day THEN from_day
                    ELSE date_trunc('week', from_day::timestamp)::date + 7 END AS wf,
               date_trunc('week', (to_day + 1)::timestamp)::date AS we)
      SELECT coalesce((SELECT sum(events) FROM event_count_by_day, w
                        WHERE day BETWEEN from_day AND CASE WHEN wf < we THEN wf - 1 ELSE to_day END
                          AND (kinds IS NULL OR kind = ANY (kinds))), 0)
           + coalesce((SELECT sum(events) FROM event_count_by_week, w
                        WHERE wf < we AND period >= wf AND period < we AND (kinds IS NULL OR kind = ANY (kinds))), 0)
           + coalesce((SELECT sum(events) FROM event_count_by_day, w
                        WHERE wf < we AND day BETWEEN we AND to_day AND (kinds IS NULL OR kind = ANY (kinds))), 0)
        FROM w
    $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS event_count_between`);
  }
}

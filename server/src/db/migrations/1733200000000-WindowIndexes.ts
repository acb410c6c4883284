// Indexes for window queries at a million events.
// - Overlap with [from, to] is last_date >= from AND start_date <= to; neither bound alone is selective (a 2020
//   window matched 85% of the start_date index). The filter also bounds start_date from below by from minus the
//   longest span of any live event, which event_span_idx answers at once.
// - The timeline takes each slice's most important events first: (importance DESC, start_date, id) with
//   last_date included reads exactly those, in order, without the heap. It replaces (importance DESC, start_date),
//   which needed a sort on id and a heap visit per row.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class WindowIndexes1733200000000 implements MigrationInterface {
  name = 'WindowIndexes1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX event_span_idx ON event ((last_date - start_date)) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX event_importance_start_id_idx ON event (importance DESC, start_date, id) INCLUDE (last_date) WHERE deleted_at IS NULL`,
    );
    await q.query(`DROP INDEX event_importance_start_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX event_importance_start_idx ON event (importance DESC, start_date) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS event_importance_start_id_idx`);
    await q.query(`DROP INDEX IF EXISTS event_span_idx`);
  }
}

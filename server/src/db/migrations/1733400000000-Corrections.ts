// Corrections readers suggest for an event: kept apart from the record, so a suggestion never changes an event; an
// editor resolves each one as FIXED (naming the revision that fixed it) or DECLINED (with a reason).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Corrections1733400000000 implements MigrationInterface {
  name = 'Corrections1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE correction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
      source_url text CHECK (source_url ~ '^https?://'),
      status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','FIXED','DECLINED')),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by text,
      reason text,
      revision_id uuid REFERENCES revision(id) ON DELETE SET NULL,
      CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
      CHECK (status <> 'DECLINED' OR reason IS NOT NULL)
    )`);
    // The desk lists one status at a time, oldest first.
    await q.query(`CREATE INDEX correction_status_submitted_idx ON correction (status, submitted_at, id)`);
    await q.query(`CREATE INDEX correction_event_idx ON correction (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS correction`);
  }
}

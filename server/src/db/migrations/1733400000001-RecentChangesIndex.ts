// "Recent changes" reads the revision log newest first across every event; without this index each page sorts the
// whole log.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecentChangesIndex1733400000001 implements MigrationInterface {
  name = 'RecentChangesIndex1733400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX revision_created_idx ON revision (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS revision_created_idx`);
  }
}

// A quote that is a translation says so: the language it was translated from, and who translated it. The table
// refuses a translation without a quote or from the quote's own language, as data:check does (events/event.record.ts).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class StatementTranslation1733300000000 implements MigrationInterface {
  name = 'StatementTranslation1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event ADD COLUMN translated_from varchar(8), ADD COLUMN translated_by text`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_translation_check CHECK (
      translated_from IS NULL OR (quote IS NOT NULL AND translated_from IS DISTINCT FROM quote_language))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event DROP CONSTRAINT IF EXISTS event_translation_check`);
    await q.query(`ALTER TABLE event DROP COLUMN IF EXISTS translated_by, DROP COLUMN IF EXISTS translated_from`);
  }
}

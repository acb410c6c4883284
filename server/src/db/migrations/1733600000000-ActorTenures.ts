// Tenures of actors in offices (presidencies, embassies, foreign ministries), loaded from the dataset's actors
// (server/data/README.md, Actor); the timeline reads them by office and overlapping range.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActorTenures1733600000000 implements MigrationInterface {
  name = 'ActorTenures1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE actor_tenure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
      office varchar(40) NOT NULL,
      start_date date NOT NULL,
      end_date date,
      source_urls text[] NOT NULL,
      note text,
      CONSTRAINT actor_tenure_dates CHECK (end_date IS NULL OR end_date >= start_date),
      CONSTRAINT actor_tenure_once UNIQUE (actor_id, office, start_date)
    )`);
    await q.query(`CREATE INDEX actor_tenure_office_start ON actor_tenure (office, start_date)`);
    await q.query(`CREATE INDEX actor_tenure_actor ON actor_tenure (actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS actor_tenure`);
  }
}

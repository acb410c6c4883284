// The whole domain model (server/data/README.md describes the records): events of five kinds in one table, actors, participants,
// sources, citations, links, revisions and API keys, with the indexes the read queries need.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1732700000000 implements MigrationInterface {
  name = 'InitialSchema1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE actor (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind varchar(20) NOT NULL CHECK (kind IN ('PERSON','GOVERNMENT_BODY','LEGISLATURE','ORGANIZATION','MEDIA_OUTLET')),
      country varchar(2),
      title text,
      aliases text[] NOT NULL DEFAULT '{}',
      wikidata_id text,
      merged_into_id uuid REFERENCES actor(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX actor_name_idx ON actor (lower(name))`);

    await q.query(`CREATE TABLE event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      kind varchar(16) NOT NULL CHECK (kind IN ('STATEMENT','MEETING','SANCTION','MISSION','AGREEMENT')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      summary text,
      start_date date NOT NULL,
      end_date date,
      last_date date GENERATED ALWAYS AS (coalesce(end_date, start_date)) STORED,
      date_precision varchar(8) NOT NULL DEFAULT 'DAY' CHECK (date_precision IN ('DAY','MONTH','YEAR')),
      location_name text,
      location_country varchar(2),
      direction varchar(16) CHECK (direction IN ('US_TO_RU','RU_TO_US','MUTUAL','DOMESTIC_US','DOMESTIC_RU')),
      cameo_code varchar(8),
      tone real CHECK (tone BETWEEN -10 AND 10),
      tone_note text,
      importance smallint NOT NULL CHECK (importance BETWEEN 1 AND 5),
      tags text[] NOT NULL DEFAULT '{}',
      verification varchar(12) NOT NULL DEFAULT 'CONFIRMED' CHECK (verification IN ('CONFIRMED','REPORTED','DISPUTED')),
      quote text,
      quote_language varchar(8),
      quote_type varchar(12),
      medium varchar(16),
      outlet_id uuid REFERENCES actor(id),
      format varchar(24),
      level varchar(16),
      outcome text,
      sanction_action varchar(24),
      program text,
      measures text[] NOT NULL DEFAULT '{}',
      mission_action varchar(24),
      acting_country varchar(2),
      affected_country varchar(2),
      facility text,
      city text,
      personnel_count integer CHECK (personnel_count >= 0),
      agreement_action varchar(24),
      instrument text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      CHECK (end_date IS NULL OR end_date >= start_date)
    )`);
    // Window queries read (start_date, importance, id) straight from this index; the top-N by importance
    // inside a window never touches the heap.
    await q.query(`CREATE INDEX event_start_idx ON event (start_date) INCLUDE (importance, id, last_date) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX event_start_id_idx ON event (start_date, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX event_last_date_idx ON event (last_date) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX event_kind_start_idx ON event (kind, start_date) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX event_importance_start_idx ON event (importance DESC, start_date) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX event_tags_idx ON event USING gin (tags)`);

    await q.query(`CREATE TABLE event_participant (
      event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      actor_id uuid NOT NULL REFERENCES actor(id),
      role varchar(16) NOT NULL CHECK (role IN ('SPEAKER','ADDRESSEE','PARTICIPANT','HOST','AUTHORITY','TARGET','ACTING','AFFECTED','MENTIONED')),
      side varchar(8) CHECK (side IN ('US','RU','OTHER')),
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (event_id, actor_id, role)
    )`);
    await q.query(`CREATE INDEX event_participant_actor_idx ON event_participant (actor_id, role)`);

    await q.query(`CREATE TABLE source (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      url text NOT NULL UNIQUE CHECK (url ~ '^https?://'),
      title text,
      publisher text,
      published_at date,
      language varchar(8)
    )`);

    await q.query(`CREATE TABLE citation (
      event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      source_id uuid NOT NULL REFERENCES source(id),
      excerpt text,
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (event_id, source_id)
    )`);
    await q.query(`CREATE INDEX citation_source_idx ON citation (source_id)`);

    await q.query(`CREATE TABLE event_link (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      from_event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      to_event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      type varchar(16) NOT NULL CHECK (type IN ('RESPONDS_TO','RETALIATES_FOR','FOLLOWS_UP','PART_OF','REVERSES')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_event_id <> to_event_id),
      UNIQUE (from_event_id, to_event_id, type)
    )`);
    await q.query(`CREATE INDEX event_link_to_idx ON event_link (to_event_id)`);

    await q.query(`CREATE TABLE revision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      version integer NOT NULL,
      action varchar(12) NOT NULL,
      snapshot jsonb NOT NULL,
      author text NOT NULL,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (event_id, version)
    )`);

    await q.query(`CREATE TABLE api_key (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      role varchar(8) NOT NULL CHECK (role IN ('EDITOR','ADMIN')),
      key_hash char(64) NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['api_key', 'revision', 'event_link', 'citation', 'source', 'event_participant', 'event', 'actor']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

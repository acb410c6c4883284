// Full-text search: a stored tsvector per event over its title, summary, quote and the names and aliases of
// its actors, in English, Russian and a plain (unstemmed) configuration for names. Triggers keep it current.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class FullTextSearch1732800000000 implements MigrationInterface {
  name = 'FullTextSearch1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector`);

    // The document of one event: its own text plus its participants' and outlet's names.
    await q.query(`CREATE FUNCTION event_search_document(e event) RETURNS tsvector LANGUAGE sql STABLE AS $$
      SELECT
        setweight(to_tsvector('english', coalesce(e.title, '')), 'A') ||
        setweight(to_tsvector('russian', coalesce(e.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(e.quote, '')), 'B') ||
        setweight(to_tsvector('russian', coalesce(e.quote, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(names.text, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(e.summary, '')), 'C') ||
        setweight(to_tsvector('russian', coalesce(e.summary, '')), 'C')
      FROM (
        SELECT string_agg(a.name || ' ' || array_to_string(a.aliases, ' '), ' ') AS text
        FROM actor a
        WHERE a.id IN (SELECT p.actor_id FROM event_participant p WHERE p.event_id = e.id) OR a.id = e.outlet_id
      ) names
    $$`);

    await q.query(`CREATE FUNCTION event_search_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := event_search_document(NEW);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER event_search_before_write BEFORE INSERT OR UPDATE OF title, summary, quote, outlet_id ON event
      FOR EACH ROW EXECUTE FUNCTION event_search_before_write()`);

    // Participants change the document too; statement-level triggers refresh each touched event once.
    await q.query(`CREATE FUNCTION event_search_after_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE event e SET search_vector = event_search_document(e) WHERE e.id IN (SELECT DISTINCT event_id FROM new_rows);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE event e SET search_vector = event_search_document(e) WHERE e.id IN (SELECT DISTINCT event_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER event_search_participants_ins AFTER INSERT ON event_participant
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_search_after_participants()`);
    await q.query(`CREATE TRIGGER event_search_participants_del AFTER DELETE ON event_participant
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_search_after_participants()`);
    await q.query(`CREATE TRIGGER event_search_participants_upd AFTER UPDATE ON event_participant
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_search_after_participants()`);

    // A renamed actor, or new aliases, must be findable in every event they took part in.
    await q.query(`CREATE FUNCTION event_search_after_actor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE event e SET search_vector = event_search_document(e)
        WHERE e.outlet_id = NEW.id OR e.id IN (SELECT p.event_id FROM event_participant p WHERE p.actor_id = NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER event_search_after_actor AFTER UPDATE OF name, aliases ON actor
      FOR EACH ROW EXECUTE FUNCTION event_search_after_actor()`);

    await q.query(`UPDATE event e SET search_vector = event_search_document(e)`);
    await q.query(`CREATE INDEX event_search_idx ON event USING gin (search_vector)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS event_search_after_actor ON actor`);
    await q.query(`DROP TRIGGER IF EXISTS event_search_participants_upd ON event_participant`);
    await q.query(`DROP TRIGGER IF EXISTS event_search_participants_del ON event_participant`);
    await q.query(`DROP TRIGGER IF EXISTS event_search_participants_ins ON event_participant`);
    await q.query(`DROP TRIGGER IF EXISTS event_search_before_write ON event`);
    await q.query(
      `DROP FUNCTION IF EXISTS event_search_after_actor, event_search_after_participants, event_search_before_write, event_search_document`,
    );
    await q.query(`ALTER TABLE event DROP COLUMN IF EXISTS search_vector`);
  }
}

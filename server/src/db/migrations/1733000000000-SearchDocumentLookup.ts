// The search document read its actors with `id IN (participants) OR id = outlet`, which PostgreSQL can only
// answer by scanning every actor: 0.7 ms per event at 5,000 actors, on every write and every participant change
// (12 minutes to index a million events). The same names, found through the actor primary key instead.
import { MigrationInterface, QueryRunner } from 'typeorm';

/** event_search_document as FullTextSearch1732800000000 defines it, with `actors` choosing the event's actors. */
const searchDocument = (
  actors: string,
) => `CREATE OR REPLACE FUNCTION event_search_document(e event) RETURNS tsvector LANGUAGE sql STABLE AS $$
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
    WHERE ${actors}
  ) names
$$`;

export class SearchDocumentLookup1733000000000 implements MigrationInterface {
  name = 'SearchDocumentLookup1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(searchDocument(`a.id = ANY (ARRAY(SELECT p.actor_id FROM event_participant p WHERE p.event_id = e.id) || e.outlet_id)`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(searchDocument(`a.id IN (SELECT p.actor_id FROM event_participant p WHERE p.event_id = e.id) OR a.id = e.outlet_id`));
  }
}

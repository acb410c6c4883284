// An upper bound on how much any one lexeme can add to an event's relevance, kept by the search trigger, so a search
// for a common word can rank only the newest matches and still prove it found the exact top (events/search-ranking.ts).
//
// For a query that is an OR of lexemes (one word in the three configurations), ts_rank_cd's covers are single
// positions, so an event's rank is the sum of the weights (A 1.0, B 0.4, C 0.2, D 0.1) of its positions holding one
// of the query's lexemes. Per lexeme, the table keeps the largest such sum any event has had: the query's rank can
// then exceed the sum of its lexemes' bounds in no event. Writes only ever raise a bound (a lowered one would need a
// scan); `rebuild_search_lexeme_rollup()` makes them tight again, and is what a bulk load calls.
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per lexeme, the weight sum of its positions in each live event of `rows` (a relation with search_vector). */
const lexemeWeights = (rows: string) => `
  SELECT l.lexeme, max((SELECT sum(CASE w WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.4 WHEN 'C' THEN 0.2 ELSE 0.1 END) FROM unnest(l.weights) w)) AS weight
    FROM ${rows} r CROSS JOIN LATERAL unnest(r.search_vector) l
   WHERE r.deleted_at IS NULL
   GROUP BY l.lexeme`;

export class SearchLexemeBound1733510000000 implements MigrationInterface {
  name = 'SearchLexemeBound1733510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_lexeme_bound (
      lexeme text PRIMARY KEY,
      max_weight float8 NOT NULL
    )`);
    // Only raises: a bound already high enough is left alone without taking a row lock, so concurrent writers
    // of common words do not queue on one another.
    await q.query(`CREATE FUNCTION search_lexeme_bound_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_lexeme_bound AS b (lexeme, max_weight)
        SELECT n.lexeme, n.weight FROM (${lexemeWeights('new_rows')}) n
         WHERE NOT EXISTS (SELECT 1 FROM search_lexeme_bound o WHERE o.lexeme = n.lexeme AND o.max_weight >= n.weight)
         ORDER BY n.lexeme
        ON CONFLICT (lexeme) DO UPDATE SET max_weight = greatest(b.max_weight, EXCLUDED.max_weight);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER search_lexeme_bound_ins AFTER INSERT ON event
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_lexeme_bound_after_write()`);
    await q.query(`CREATE TRIGGER search_lexeme_bound_upd AFTER UPDATE ON event
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_lexeme_bound_after_write()`);
    await q.query(`CREATE FUNCTION rebuild_search_lexeme_rollup() RETURNS void LANGUAGE sql AS $$
      TRUNCATE search_lexeme_bound;
      INSERT INTO search_lexeme_bound (lexeme, max_weight) ${lexemeWeights('event')};
    $$`);
    await q.query(`SELECT rebuild_search_lexeme_rollup()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS search_lexeme_bound_upd ON event`);
    await q.query(`DROP TRIGGER IF EXISTS search_lexeme_bound_ins ON event`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_search_lexeme_rollup, search_lexeme_bound_after_write`);
    await q.query(`DROP TABLE IF EXISTS search_lexeme_bound`);
  }
}

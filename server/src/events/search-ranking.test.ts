// The relevance fast path (search-ranking.ts) gives exactly the top that ranking every match gives, when the stored
// lexeme bound proves it, and hands back to full ranking when it does not. Real PostgreSQL, 3,000 events.
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { EventService } from './event.service';
import { exactTopByRelevance } from './search-ranking';
import { TSQUERY } from './search';

let db: TestDatabase;

/** 3,000 events over 1995–2011: every fifth has "sanctions" in its title, every seventh other one in its summary. */
async function fill() {
  await db.dataSource.query(
    `INSERT INTO event (slug, kind, title, summary, start_date, importance)
     SELECT 'sr-' || n, CASE WHEN n % 5 = 0 THEN 'SANCTION' ELSE 'STATEMENT' END,
            CASE WHEN n % 5 = 0 THEN 'New sanctions over trade ' || n ELSE 'Talks on trade ' || n END,
            CASE WHEN n % 5 <> 0 AND n % 7 = 0 THEN 'Officials discussed sanctions relief.' ELSE 'Synthetic event ' || n || ' in Geneva.' END,
            date '1995-01-01' + n * 2, 1 + n % 5
       FROM generate_series(1, 3000) n`,
  );
}

/** What ranking every match says: the first `size` ids by rank, newest first among equals, then id. */
async function exactTop(search: string, size: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.dataSource.query(
    `SELECT e.id FROM event e WHERE e.deleted_at IS NULL AND e.search_vector @@ ${TSQUERY.replace(/:fSearch/g, '$1')}
      ORDER BY ts_rank_cd(e.search_vector, ${TSQUERY.replace(/:fSearch/g, '$1')}) DESC, e.start_date DESC, e.id LIMIT $2`,
    [search, size],
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await fill();
});
afterAll(async () => {
  await db.drop();
});

describe('relevance fast path', () => {
  it('Given a common word whose newest title matches reach the bound, When the top 51 is asked, Then it is the exact top, from the newest events only', async () => {
    const fast = await exactTopByRelevance(db.dataSource, { search: 'sanctions' }, 51, 500);
    expect(fast.ids).toBeDefined();
    expect(fast.candidates).toBeLessThan(500);
    expect(fast.ids).toEqual(await exactTop('sanctions', 51));
  });

  it('Given the same word, When the service serves the first page, Then its edges are the exact ranking with ranks and snippets', async () => {
    const page = await new EventService(db.dataSource).list({ filter: { search: 'sanctions' }, first: 50 });
    expect(page.edges.map((e) => e.node.id)).toEqual((await exactTop('sanctions', 50)) as string[]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(await page.totalCount).toBe(600 + 343);
  });

  it('Given an old event that outranks every new one, When the top is asked, Then the bound does not separate and full ranking finds it first', async () => {
    await db.dataSource.query(
      `INSERT INTO event (slug, kind, title, summary, start_date, importance)
       VALUES ('sr-old', 'SANCTION', 'Sanctions, sanctions and more sanctions', 'New sanctions.', '1990-06-01', 1)`,
    );
    const fast = await exactTopByRelevance(db.dataSource, { search: 'sanctions' }, 51, 500);
    expect(fast.ids).toBeUndefined();
    expect(fast.bound).toBeGreaterThan(2);
    const page = await new EventService(db.dataSource).list({ filter: { search: 'sanctions' }, first: 50 });
    const exact = await exactTop('sanctions', 50);
    expect(page.edges.map((e) => e.node.id)).toEqual(exact);
    expect(page.edges[0].node.title).toBe('Sanctions, sanctions and more sanctions');
    await db.dataSource.query(`DELETE FROM event WHERE slug = 'sr-old'`);
  });

  it('Given the bound raised by a deleted event, When the lexeme bounds are rebuilt, Then the fast path separates again', async () => {
    expect((await exactTopByRelevance(db.dataSource, { search: 'sanctions' }, 51, 500)).ids).toBeUndefined();
    await db.dataSource.query(`SELECT rebuild_search_lexeme_rollup()`);
    expect((await exactTopByRelevance(db.dataSource, { search: 'sanctions' }, 51, 500)).ids).toEqual(await exactTop('sanctions', 51));
  });

  it('Given a word whose newest events hold too few matches, When the top is asked, Then it falls back to full ranking', async () => {
    await db.dataSource.query(`UPDATE event SET title = title || ' near Kaliningrad' WHERE slug IN ('sr-3', 'sr-1000')`);
    expect((await exactTopByRelevance(db.dataSource, { search: 'kaliningrad' }, 51, 500)).ids).toBeUndefined();
    const page = await new EventService(db.dataSource).list({ filter: { search: 'kaliningrad' }, first: 50 });
    expect(page.edges.map((e) => e.node.id)).toEqual(await exactTop('kaliningrad', 50));
    expect(page.edges).toHaveLength(2);
  });

  it('Given a word not searched before, When the service serves its first page, Then one statement answers, exactly, common or rare', async () => {
    const service = new EventService(db.dataSource);
    // "geneva" is in every other event's summary, far too common for the bound; "kaliningrad" in two titles.
    for (const word of ['sanctions relief', 'geneva', 'kaliningrad']) {
      db.queries.length = 0;
      const page = await service.list({ filter: { search: word }, first: 50 });
      expect(db.queries.filter((sql) => /^\s*(WITH|SELECT)/i.test(sql))).toHaveLength(1);
      expect(page.edges.map((e) => e.node.id)).toEqual(await exactTop(word, 50));
      const ranks = page.edges.map((e) => (e as typeof e & { rank: number }).rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });

  it('Given a query of two words, When the top is asked, Then the one-word bound is not used', async () => {
    const fast = await exactTopByRelevance(db.dataSource, { search: 'sanctions trade' }, 51, 500);
    expect(fast.ids).toBeUndefined();
  });

  it('Given a filter that leaves fewer events than the fast path reads, Then it ranks them all, exactly', async () => {
    const fast = await exactTopByRelevance(db.dataSource, { search: 'sanctions', from: '2010-01-01' }, 51, 5000);
    const rows: Array<{ id: string }> = await db.dataSource.query(
      `SELECT e.id FROM event e WHERE e.last_date >= '2010-01-01' AND e.search_vector @@ ${TSQUERY.replace(/:fSearch/g, '$1')}
        ORDER BY ts_rank_cd(e.search_vector, ${TSQUERY.replace(/:fSearch/g, '$1')}) DESC, e.start_date DESC, e.id LIMIT 51`,
      ['sanctions'],
    );
    expect(fast.ids).toEqual(rows.map((r) => r.id));
  });

  it('When an event is written with a heavier use of a word, Then the trigger raises that lexeme bound', async () => {
    const before = Number((await db.dataSource.query(`SELECT max_weight FROM search_lexeme_bound WHERE lexeme = 'geneva'`))[0].max_weight);
    await db.dataSource.query(`UPDATE event SET title = 'Geneva talks', summary = 'In Geneva.' WHERE slug = 'sr-2'`);
    const after = Number((await db.dataSource.query(`SELECT max_weight FROM search_lexeme_bound WHERE lexeme = 'geneva'`))[0].max_weight);
    expect(before).toBeCloseTo(0.4);
    expect(after).toBeCloseTo(2.4);
  });
});

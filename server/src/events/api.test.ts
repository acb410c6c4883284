// The API analysts query ad hoc: every filter, search language, ordering, cursor edge, aggregate and limit.
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { fixtureFiles } from '../test-support/fixture';
import { importDataset } from '../dataset/dataset.store';

let db: TestDatabase;
let app: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await importDataset(db.dataSource, fixtureFiles());
  for (const row of await db.dataSource.query('SELECT id, slug FROM actor UNION ALL SELECT id, slug FROM event')) ids[row.slug] = row.id;
  app = await startTestApp(db.dataSource);
});
afterAll(async () => {
  await app.stop();
  await db.drop();
});

const page = async (args: string, variables: Record<string, unknown> = {}, fields = 'slug') => {
  const declared = args.includes('$filter') ? '($filter: EventFilter)' : '';
  const res = await app.gql(
    `query${declared} { events(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor rank snippet { text highlights { start length } } node { ${fields} } } } }`,
    variables,
  );
  expect(res.errors).toBeUndefined();
  return res.data.events;
};
const slugs = async (filter: Record<string, unknown>, extra = '') =>
  (await page(`filter: $filter${extra}`, { filter })).edges.map((e: any) => e.node.slug);

describe('filters', () => {
  it('actorRole narrows actorIds to one role', async () => {
    expect(await slugs({ actorIds: [ids.ryabkov], actorRole: 'SPEAKER' })).toEqual(['e1-statement']);
    expect(await slugs({ actorIds: [ids.ryabkov], actorRole: 'PARTICIPANT' })).toEqual(['e2-meeting']);
  });

  it('actorIds take slugs as well as UUIDs', async () => {
    expect(await slugs({ actorIds: ['ryabkov'], actorRole: 'SPEAKER' })).toEqual(['e1-statement']);
    expect(await slugs({ actorIds: ['no-such-actor'] })).toEqual([]);
  });

  it("a filter's own fields are validated, naming the field: minImportance 9 is refused, not ignored", async () => {
    const res = await app.gql('{ events(filter: { minImportance: 9 }) { totalCount } }');
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/filter\.minImportance must not be greater than 5/),
    });
    const countries = await app.gql('{ timeline(from: "2021-01-01", to: "2021-12-31", filter: { countries: ["usa"] }) { totalCount } }');
    expect(countries.errors?.[0].message).toMatch(/countries must be ISO 3166-1 alpha-2/);
  });

  it('actorRole without actorIds is refused', async () => {
    const res = await app.gql('{ events(filter: { actorRole: SPEAKER }) { totalCount } }');
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/actorRole needs filter.actorIds/),
    });
  });

  it('sides: events with a participant standing for that side', async () => {
    expect(await slugs({ sides: ['OTHER'] })).toEqual(['e5-agreement']);
    expect(await slugs({ sides: ['US'] })).toEqual(['e3-sanction', 'e2-meeting']);
  });

  it('allTags: every tag must be there; tags: any of them', async () => {
    expect(await slugs({ allTags: ['expulsions', 'diplomatic missions'] })).toEqual(['e4-mission']);
    expect(await slugs({ tags: ['expulsions', 'talks'] })).toEqual(['e4-mission', 'e2-meeting']);
  });

  it('tone range: minTone and maxTone bound the Goldstein-derived tone', async () => {
    expect(await slugs({ maxTone: -5 })).toEqual(['e3-sanction', 'e4-mission']);
    expect(await slugs({ minTone: 5 })).toEqual(['e5-agreement']);
    expect(await slugs({ minTone: -1, maxTone: 0 })).toEqual(['e1-statement']);
  });

  it('verifications', async () => {
    expect(await slugs({ verifications: ['DISPUTED'] })).toEqual(['e8-same-day-c']);
  });

  it('filters combine with AND', async () => {
    expect(await slugs({ kinds: ['STATEMENT'], tags: ['diplomatic missions'], from: '2021-10-01', directions: ['RU_TO_US'] })).toEqual([
      'e1-statement',
    ]);
    expect(await slugs({ kinds: ['MEETING'], maxTone: -5 })).toEqual([]);
  });
});

describe('full-text search', () => {
  it("finds Ryabkov's statement by his name in Latin and in Cyrillic", async () => {
    expect(await slugs({ search: 'Ryabkov', kinds: ['STATEMENT'] })).toEqual(['e1-statement']);
    expect(await slugs({ search: 'Рябков', kinds: ['STATEMENT'] })).toEqual(['e1-statement']);
  });

  it('stems English words and understands web-search syntax', async () => {
    expect(await slugs({ search: 'expelling' })).toEqual(['e4-mission']);
    expect(await slugs({ search: 'Ryabkov -Nuland' })).toEqual(['e1-statement']);
    expect((await slugs({ search: 'Treasury or headway' })).sort()).toEqual(['e1-statement', 'e3-sanction']);
    expect(await slugs({ search: '"made much headway"' })).toEqual(['e1-statement']);
  });

  it('ranks results and returns a plain-text snippet with the matches located', async () => {
    const result = await page('filter: $filter', { filter: { search: 'headway' } });
    const [edge] = result.edges;
    expect(edge.rank).toBeGreaterThan(0);
    const { text, highlights } = edge.snippet;
    expect(highlights.length).toBeGreaterThan(0);
    expect(text.substr(highlights[0].start, highlights[0].length).toLowerCase()).toBe('headway');
  });

  it('a search that matches nothing returns an empty page, not an error', async () => {
    expect(await slugs({ search: 'zzzxqy' })).toEqual([]);
    expect(await slugs({ search: '!!! & |' })).toEqual([]);
  });
});

describe('ordering and pagination', () => {
  it('orderBy DATE_DESC and IMPORTANCE_DESC', async () => {
    expect((await slugs({}, ', orderBy: DATE_DESC')).slice(0, 2)).toEqual(['e1-statement', 'e2-meeting']);
    expect((await slugs({}, ', orderBy: IMPORTANCE_DESC')).slice(0, 2)).toEqual(['e5-agreement', 'e3-sanction']);
  });

  it('RELEVANCE needs a search', async () => {
    const res = await app.gql('{ events(orderBy: RELEVANCE) { totalCount } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(['DATE_ASC', 'DATE_DESC', 'IMPORTANCE_DESC'])(
    '%s: forwards and backwards pages of 2 cover every event once, across equal dates',
    async (order) => {
      const all = (await page(`orderBy: ${order}, first: 100`)).edges.map((e: any) => e.node.slug);
      const forward: string[] = [];
      let after: string | null = null;
      do {
        const result: any = await page(`orderBy: ${order}, first: 2${after ? `, after: "${after}"` : ''}`);
        forward.push(...result.edges.map((e: any) => e.node.slug));
        after = result.pageInfo.hasNextPage ? result.pageInfo.endCursor : null;
      } while (after);
      expect(forward).toEqual(all);
      const backward: string[] = [];
      let before: string | null = null;
      do {
        const result: any = await page(`orderBy: ${order}, last: 2${before ? `, before: "${before}"` : ''}`);
        backward.unshift(...result.edges.map((e: any) => e.node.slug));
        before = result.pageInfo.hasPreviousPage ? result.pageInfo.startCursor : null;
      } while (before);
      expect(backward).toEqual(all);
    },
  );

  it('the last page says there is no next page', async () => {
    const first = await page('first: 8');
    const last = await page(`first: 8, after: "${first.pageInfo.endCursor}"`);
    expect(last.edges).toHaveLength(1);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('a cursor stays valid after its row is deleted: the next page starts after where it stood', async () => {
    const first = await page('first: 3');
    const cursorRow = first.edges[2].node.slug;
    await db.dataSource.query(`UPDATE event SET deleted_at = now() WHERE slug = $1`, [cursorRow]);
    try {
      const next = await page(`first: 3, after: "${first.pageInfo.endCursor}"`);
      const all = (await page('first: 100')).edges.map((e: any) => e.node.slug);
      expect(all).not.toContain(cursorRow);
      expect(next.edges.map((e: any) => e.node.slug)).toEqual(all.slice(2, 5));
      expect(next.totalCount).toBe(8);
    } finally {
      await db.dataSource.query(`UPDATE event SET deleted_at = NULL WHERE slug = $1`, [cursorRow]);
    }
  });

  it('a cursor from another ordering is refused', async () => {
    const byImportance = await page('orderBy: IMPORTANCE_DESC, first: 1');
    const res = await app.gql(`{ events(orderBy: DATE_ASC, after: "${byImportance.pageInfo.endCursor}") { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/"after" is not a valid cursor/),
    });
  });
});

describe('timeline level of detail', () => {
  it('among equally important events, the choice is spread across the window', async () => {
    // Importance 2 events of 2021: e6, e7 (June) only; importance 3: e1 (Oct). With 5 picks: 5,5,4,4 and then
    // the one importance-3 event; with maxItems 6, the sixth is one of the June events.
    const res = await app.gql(
      `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 6) { events { slug } omitted { from to count } } }`,
    );
    const picked = res.data.timeline.events.map((e: any) => e.slug);
    expect(picked).toEqual(expect.arrayContaining(['e5-agreement', 'e3-sanction', 'e4-mission', 'e2-meeting', 'e1-statement']));
    expect(res.data.timeline.omitted.reduce((n: number, b: any) => n + b.count, 0)).toBe(2);
    for (const bucket of res.data.timeline.omitted) expect(bucket.from >= '2021-06-01' && bucket.to <= '2021-07-31').toBe(true);
  });

  it('filters apply inside the window', async () => {
    const res = await app.gql(
      `{ timeline(from: "2014-01-01", to: "2021-12-31", filter: { kinds: [MEETING] }) { totalCount events { slug } } }`,
    );
    expect(res.data.timeline.events.map((e: any) => e.slug).sort()).toEqual(['e2-meeting', 'e9-month']);
  });
});

describe('aggregates', () => {
  it('eventCounts by month matches a hand count, with empty months present', async () => {
    const res = await app.gql(
      `{ eventCounts(from: "2021-01-01", to: "2021-12-31", bucket: MONTH) { start end count byKind { kind count } } }`,
    );
    const counts = res.data.eventCounts;
    expect(counts).toHaveLength(12);
    expect(counts.map((b: any) => b.count)).toEqual([0, 1, 0, 2, 0, 3, 0, 0, 0, 2, 0, 0]);
    expect(counts[3]).toEqual({
      start: '2021-04-01',
      end: '2021-04-30',
      count: 2,
      byKind: [
        { kind: 'MISSION', count: 1 },
        { kind: 'SANCTION', count: 1 },
      ],
    });
    expect(counts[1].end).toBe('2021-02-28');
  });

  it('eventCounts takes a filter and other buckets', async () => {
    const res = await app.gql(
      `{ eventCounts(from: "2014-01-01", to: "2021-12-31", bucket: YEAR, filter: { kinds: [MEETING] }) { start count } }`,
    );
    const years = res.data.eventCounts.filter((b: any) => b.count > 0);
    expect(years).toEqual([
      { start: '2014-01-01', count: 1 },
      { start: '2021-01-01', count: 1 },
    ]);
  });

  it('relationsTemperature: per direction count, sum, mean and an exponentially smoothed line', async () => {
    const res = await app.gql(`{ relationsTemperature(from: "2021-04-01", to: "2021-10-31", bucket: MONTH, smoothing: 0.5) {
      start usToRu { count toneSum meanTone smoothed } ruToUs { count toneSum meanTone smoothed } all { count } } }`);
    const points = res.data.relationsTemperature;
    expect(points).toHaveLength(7);
    expect(points[0].usToRu).toEqual({ count: 1, toneSum: -8, meanTone: -8, smoothed: -8 });
    expect(points[0].ruToUs).toEqual({ count: 1, toneSum: -7, meanTone: -7, smoothed: -7 });
    // May–September: no RU→US events, the smoothed line carries over.
    expect(points[3].ruToUs).toEqual({ count: 0, toneSum: 0, meanTone: null, smoothed: -7 });
    // October: Ryabkov's pessimistic comment (CAMEO 012, Goldstein −0.4): 0.5 × −0.4 + 0.5 × −7 = −3.7.
    expect(points[6].ruToUs.meanTone).toBeCloseTo(-0.4, 5);
    expect(points[6].ruToUs.smoothed).toBeCloseTo(-3.7, 5);
    expect(points[2].all.count).toBe(3);
  });

  it('relationsTemperature under a filter counts only the matching events', async () => {
    const res = await app.gql(`{ relationsTemperature(from: "2021-01-01", to: "2021-12-31", bucket: YEAR, filter: { kinds: [MISSION] }) {
      usToRu { count } ruToUs { count meanTone } all { count } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.relationsTemperature).toEqual([{ usToRu: { count: 0 }, ruToUs: { count: 1, meanTone: -7 }, all: { count: 1 } }]);
    const unfiltered = await app.gql(`{ relationsTemperature(from: "2021-01-01", to: "2021-12-31", bucket: YEAR) { all { count } } }`);
    expect(unfiltered.data.relationsTemperature[0].all.count).toBe(8);
  });

  it('more than 1,000 buckets is refused with the limit named', async () => {
    const res = await app.gql(`{ eventCounts(from: "2014-01-01", to: "2021-12-31", bucket: DAY) { count } }`);
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/At most 1000 buckets/),
    });
  });
});

describe('actors, tags and sources', () => {
  it("actor.events is a connection of the actor's events; actor.stats counts them by kind and role", async () => {
    const res = await app.gql(`{ actor(id: "ryabkov") { events(first: 1) { totalCount pageInfo { hasNextPage } nodes { slug } }
      speaker: events(role: SPEAKER) { nodes { slug } }
      stats { total firstDate lastDate byKind { kind count } byRole { role count } } } }`);
    expect(res.errors).toBeUndefined();
    const actor = res.data.actor;
    expect(actor.events).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ slug: 'e2-meeting' }] });
    expect(actor.speaker.nodes).toEqual([{ slug: 'e1-statement' }]);
    expect(actor.stats).toEqual({
      total: 2,
      firstDate: '2021-10-11',
      lastDate: '2021-10-13',
      byKind: [
        { kind: 'MEETING', count: 1 },
        { kind: 'STATEMENT', count: 1 },
      ],
      byRole: [
        { role: 'PARTICIPANT', count: 1 },
        { role: 'SPEAKER', count: 1 },
      ],
    });
  });

  it('tags come with their counts, most used first, under a filter', async () => {
    const res = await app.gql(`{ all: tags { tag count } meetings: tags(filter: { kinds: [MEETING] }) { tag count } }`);
    expect(res.data.all[0]).toEqual({ tag: 'diplomatic missions', count: 3 });
    expect(res.data.meetings).toEqual([
      { tag: 'diplomatic missions', count: 1 },
      { tag: 'talks', count: 1 },
    ]);
  });

  it('sources list the events citing them', async () => {
    const res = await app.gql(`{ sources(search: "source-6") { totalCount nodes { url events { slug } } } }`);
    expect(res.data.sources.totalCount).toBe(1);
    expect(res.data.sources.nodes[0].events.map((e: any) => e.slug).sort()).toEqual(['e6-same-day-a', 'e7-same-day-b', 'e8-same-day-c']);
  });
});

describe('no N+1: statements per request stay constant whatever the page size', () => {
  const query = (first: number) => `{ events(first: ${first}) { totalCount nodes { title
      participants { role actor { name } } citations { source { url } } links { type event { title } } } } }`;

  it('Given pages of 2 and of 100 events with participants, citations and links, Then both take the same small number of statements', async () => {
    const counts: number[] = [];
    for (const first of [2, 100]) {
      db.queries.length = 0;
      const res = await app.gql(query(first));
      expect(res.errors).toBeUndefined();
      counts.push(db.queries.filter((q) => /^\s*(SELECT|WITH)/i.test(q)).length);
    }
    // At most: page + count + participants-with-actors + citations-with-sources + links + linked events.
    expect(counts[0]).toBeLessThanOrEqual(6);
    expect(counts[1]).toBeLessThanOrEqual(6);
  });
});

describe('limits', () => {
  const nested = (depth: number) => {
    let selection = 'title';
    for (let i = 0; i < depth; i++) selection = i % 2 === 0 ? `links { event { ${selection} } }` : `links { event { title ${selection} } }`;
    return `{ event(id: "e1-statement") { ${selection} } }`;
  };
  const depthOf = (levels: number) => 1 + 2 * levels + 1; // event + (links, event) pairs + title

  it('depth: just under the limit passes, just over is refused naming the limit', async () => {
    const limited = await startTestApp(db.dataSource, { MAX_QUERY_DEPTH: String(depthOf(3)) });
    try {
      expect((await limited.gql(nested(3))).errors).toBeUndefined();
      const res = await limited.gql(nested(4));
      expect(res.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', limit: 'depth', max: 8 },
        message: expect.stringMatching(/too deep.*limit is 8/),
      });
    } finally {
      await limited.stop();
    }
  });

  it('aliases: the limit passes, one more is refused', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: dataRange { from }`).join(' ')} }`;
    expect((await app.gql(aliased(30))).errors).toBeUndefined();
    expect((await app.gql(aliased(31))).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'aliases', max: 30 } });
  });

  it('cost: connections multiply by their page size; just under passes, just over is refused', async () => {
    const limited = await startTestApp(db.dataSource, { MAX_QUERY_COST: '101' });
    try {
      // 1 (events) + 50 × (1 participants + 5 × 1 actor) = 301; with first: 20 → 1 + 20 × 6 = 121; first: 16 → 97.
      expect((await limited.gql(`{ events(first: 16) { nodes { participants { actor { name } } } } }`)).errors).toBeUndefined();
      const res = await limited.gql(`{ events(first: 17) { nodes { participants { actor { name } } } } }`);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'cost', max: 101, actual: 103 } });
    } finally {
      await limited.stop();
    }
  });

  it('cost counts page sizes given in variables', async () => {
    const limited = await startTestApp(db.dataSource, { MAX_QUERY_COST: '101' });
    try {
      const res = await limited.gql(`query($n: Int) { events(first: $n) { nodes { participants { actor { name } } } } }`, { n: 17 });
      expect(res.errors?.[0].extensions).toMatchObject({ limit: 'cost' });
    } finally {
      await limited.stop();
    }
  });

  it('tokens: a query with too many tokens is refused before it is parsed in full', async () => {
    const res = await app.gql(`{ ${'dataRange { from } '.repeat(1000)} }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'tokens', max: 3000 } });
  });

  it('size: a query over MAX_QUERY_BYTES is refused with 413, one under passes', async () => {
    const padded = (bytes: number) => `{ dataRange { from } }${' '.repeat(bytes - 22)}`;
    expect((await app.gql(padded(20000))).errors).toBeUndefined();
    const res = await app.gql(padded(20001));
    expect(res.status).toBe(413);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'querySize', max: 20000 } });
  });

  it('introspection as GraphiQL sends it passes; abusive nesting of ofType is refused', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    expect((await app.gql(getIntrospectionQuery())).errors).toBeUndefined();
    let ofType = 'name';
    for (let i = 0; i < 25; i++) ofType = `ofType { ${ofType} }`;
    const res = await app.gql(`{ __type(name: "Event") { fields { type { ${ofType} } } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'introspectionDepth' });
  });
});

describe('error masking', () => {
  it('Given a database failure, Then the client sees a masked error with a request id, and the log has the cause with the same id', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logged = await startTestApp(db.dataSource, {}, pino({ level: 'error' }, sink));
    await db.dataSource.query('ALTER TABLE source RENAME TO source_moved');
    try {
      const res = await logged.gql(`{ events(first: 1) { nodes { citations { source { url } } } } }`);
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).not.toMatch(/source_moved|relation|SELECT|at /);
      expect(JSON.stringify(res)).not.toMatch(/stack|source_moved/);
      const requestId = error?.extensions?.requestId as string;
      expect(requestId).toMatch(/[0-9a-f-]{36}/);
      expect(lines.some((l) => l.includes(requestId) && l.includes('source'))).toBe(true);
    } finally {
      await db.dataSource.query('ALTER TABLE source_moved RENAME TO source');
      await logged.stop();
    }
  });
});

// The hostile battery, over HTTP and over WebSocket: every attack is refused with its typed code within a second,
// and a normal query from another client is answered within a second while it runs.
import { ApiKeyRole } from '@detente/shared';
import { ApiKeyService } from '../auth/api-key.service';
import { importDataset } from '../dataset/dataset.store';
import { startTestApp, TestApp } from '../test-support/app';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { fixtureFiles } from '../test-support/fixture';
import { MAX_ARTICLE_BODY_BYTES } from '../intake/intake.types';
import {
  Answer,
  capturingLogger,
  firstError,
  LEVEL,
  LogLine,
  postFrom,
  SocketAnswer,
  subscribeFrom,
  within,
} from '../test-support/hostile';

const ATTACKER = '127.0.0.1';
const NEIGHBOUR = '127.0.0.2';
const NORMAL = '{ events(first: 3) { totalCount nodes { title } } }';

let db: TestDatabase;
let app: TestApp;
let lines: LogLine[];
beforeAll(async () => {
  db = await createTestDatabase();
  await importDataset(db.dataSource, fixtureFiles());
  const captured = capturingLogger();
  lines = captured.lines;
  app = await startTestApp(db.dataSource, {}, captured.logger);
  await postFrom(NEIGHBOUR, app.url, { query: NORMAL }); // the first answer compiles the operation: not an attack's doing
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

/** Runs `attack`, and meanwhile a normal query from another client; both must answer within 1 s. */
async function whileNeighbourReads<T>(attack: () => Promise<T>, target: TestApp = app): Promise<T> {
  const [answer, neighbour] = await Promise.all([
    within(1000, attack(), 'the attack'),
    within(1000, postFrom(NEIGHBOUR, target.url, { query: NORMAL }), "the neighbour's normal query"),
  ]);
  expect(neighbour.body.errors).toBeUndefined();
  expect((neighbour.body.data as { events: { totalCount: number } }).events.totalCount).toBe(9);
  return answer;
}

/** F_k and G_k each spread both F_{k+1} and G_{k+1}: 2^levels paths through a document of about 80 bytes a level. */
function fanOut(levels: number, operation: string, on: string, leaf: string): string {
  const fragments: string[] = [];
  for (let k = 0; k < levels; k++) {
    const body = k === levels - 1 ? leaf : `...F${k + 1} ...G${k + 1}`;
    fragments.push(`fragment F${k} on ${on} { ${body} }`, `fragment G${k} on ${on} { ${body} }`);
  }
  return `${operation} { ...F0 ...G0 } ${fragments.join(' ')}`;
}

async function waitFor(condition: () => Promise<boolean>, ms = 5000) {
  for (const until = Date.now() + ms; !(await condition());) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const heavySearch = (aliases: number) =>
  `{ ${Array.from(
    { length: aliases },
    (_, i) =>
      `a${i}: events(first: 100, filter: { search: "sanctions" }) { nodes { title participants { actor { name } } citations { source { url } } } }`,
  ).join(' ')} }`;

const cursor = (json: string) => Buffer.from(json).toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';

interface Case {
  name: string;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
  code: string;
  /** More to check on the first error. */
  check?: (error: { message: string; extensions?: Record<string, unknown> }, answer: Answer | SocketAnswer) => void;
}

const httpCases: Case[] = [
  {
    name: 'fragment fan-out, 21 levels',
    body: { query: fanOut(21, 'query', 'Query', '__typename') },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.extensions).toMatchObject({ limit: 'nodes', max: 10000, actual: 2 ** 21 }),
  },
  {
    name: '30 aliased searches of 100 events with their relations',
    body: { query: heavySearch(30) },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.extensions).toMatchObject({ limit: 'cost', max: 50000 }),
  },
  ...[
    ['a bad date', `["2021-13-45","${UUID}"]`],
    ['a non-UUID id', `["2021-01-01","not-a-uuid"]`],
    ['a null byte', `["2021-01-01\\u0000","${UUID}"]`],
  ].map(([what, json]): Case => ({
    name: `a well-shaped cursor with ${what}`,
    body: { query: `query($c: String) { events(after: $c) { nodes { id } } }`, variables: { c: cursor(json) } },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/"after"/),
  })),
  {
    name: 'a well-shaped importance cursor holding 1e400',
    body: {
      query: `query($c: String) { events(after: $c, orderBy: IMPORTANCE_DESC) { nodes { id } } }`,
      variables: { c: cursor(`[1e400,"2021-01-01","${UUID}"]`) },
    },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/"after"/),
  },
  {
    name: 'an actor cursor with a non-UUID id',
    body: { query: `query($c: String) { actors(after: $c) { nodes { id } } }`, variables: { c: cursor(`["abc","x"]`) } },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/"after"/),
  },
  ...(
    [
      ['search', `query($s: String) { events(filter: { search: $s }) { totalCount } }`, 'search'],
      ['tags', `query($s: String!) { events(filter: { tags: [$s] }) { totalCount } }`, 'tags'],
      ['actorIds', `query($s: ID!) { events(filter: { actorIds: [$s] }) { totalCount } }`, 'actorIds'],
      ['actors(search)', `query($s: String) { actors(search: $s) { totalCount } }`, 'search'],
      ['sources(search)', `query($s: String) { sources(search: $s) { totalCount } }`, 'search'],
      ['event(id)', `query($s: ID!) { event(id: $s) { id } }`, 'id'],
    ] as const
  ).map(([where, query, argument]): Case => ({
    name: `a null byte in ${where}`,
    body: { query, variables: { s: 'sanc\u0000tions' } },
    code: 'BAD_USER_INPUT',
    check: (e) => {
      expect(e.message).toMatch(new RegExp(`"${argument}"`));
      expect(e.message).not.toMatch(/sanc/);
    },
  })),
  {
    name: 'a null byte in a literal',
    body: { query: `{ events(filter: { search: "a\\u0000b" }) { totalCount } }` },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/"search"/),
  },
  {
    name: 'a 50,000-character invalid date in a variable',
    body: {
      query: `query($d: Date!) { eventCounts(from: $d, to: "2021-12-31", bucket: YEAR) { count } }`,
      variables: { d: 'x'.repeat(50_000) },
    },
    code: 'BAD_USER_INPUT',
    check: (e, answer) => {
      expect(answer.bytes).toBeLessThan(2000);
      expect(e.message).not.toMatch(/xxxxxxxx/);
      expect(e.message).toMatch(/\$d/);
    },
  },
  {
    name: 'more tokens than MAX_QUERY_TOKENS',
    body: { query: `{ ${'a '.repeat(4000)}}` },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.extensions).toMatchObject({ limit: 'tokens', max: 3000, actual: 4002 }),
  },
];

describe('over HTTP: each attack refused with its code within 1 s while another client is answered', () => {
  it.each(httpCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answer = await whileNeighbourReads(() => postFrom(ATTACKER, app.url, c.body));
    const error = firstError(answer);
    expect(error?.extensions?.code).toBe(c.code);
    c.check?.(error!, answer);
  });
});

const socketCases: Case[] = [
  {
    name: 'a query chosen by operationName beside a subscription',
    body: { query: `subscription S { eventChanged { type } } query Q { events(first: 100) { totalCount } }`, operationName: 'Q' },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/Only subscriptions/),
  },
  {
    name: 'a mutation',
    body: { query: `mutation { unlinkEvents(input: { fromId: "e1-statement", toId: "e2-meeting", type: RESPONDS_TO }) { id } }` },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/Only subscriptions/),
  },
  {
    name: 'a query led by a comment',
    body: { query: `# subscription\n{ events(first: 100) { totalCount } }` },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'fragment fan-out in a subscription, 21 levels',
    body: { query: fanOut(21, 'subscription', 'Subscription', 'eventChanged { type }') },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.extensions).toMatchObject({ limit: 'nodes' }),
  },
  {
    name: 'a null byte in a subscription argument',
    body: { query: `subscription($ids: [ID!]) { eventChanged(ids: $ids) { type } }`, variables: { ids: ['a\u0000b'] } },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.message).toMatch(/"ids"/),
  },
  {
    name: 'a 50,000-character invalid value in a subscription variable',
    body: { query: `subscription($ids: [ID!]) { eventChanged(ids: $ids) { type } }`, variables: { ids: [{ big: 'x'.repeat(50_000) }] } },
    code: 'BAD_USER_INPUT',
    check: (e, answer) => {
      expect(answer.bytes).toBeLessThan(2000);
      expect(e.message).not.toMatch(/xxxxxxxx/);
    },
  },
  {
    name: 'more tokens than MAX_QUERY_TOKENS',
    body: { query: `subscription { ${'a '.repeat(4000)}}` },
    code: 'BAD_USER_INPUT',
    check: (e) => expect(e.extensions).toMatchObject({ limit: 'tokens', max: 3000, actual: 4003 }),
  },
];

describe('over WebSocket: each attack refused with its code within 1 s while another client is answered', () => {
  it.each(socketCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answer = await whileNeighbourReads(() => subscribeFrom(ATTACKER, app.url, c.body));
    expect(answer.type).toBe('error');
    const error = firstError(answer);
    expect(error?.extensions?.code).toBe(c.code);
    c.check?.(error!, answer);
  });

  it('a message larger than the body limit closes the socket (maxPayload)', async () => {
    const answer = await whileNeighbourReads(() =>
      subscribeFrom(ATTACKER, app.url, undefined, {
        raw: JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: `subscription { eventChanged { type } } #${'x'.repeat(MAX_ARTICLE_BODY_BYTES + 100_000)}` },
        }),
      }),
    );
    expect(answer).toMatchObject({ type: 'closed', closeCode: 1009 });
  });

  it('a plain subscription is still served, and logged with its operation', async () => {
    const answer = await subscribeFrom(ATTACKER, app.url, { query: 'subscription Follow { eventChanged { type } }' }, { holdMs: 300 });
    expect(answer.type).toBe('open');
    expect(lines.some((l) => l.transport === 'ws' && l.operation === 'Follow')).toBe(true);
  });
});

describe('after the battery', () => {
  it('nothing was logged at error level, and every refusal was logged at warn', () => {
    expect(lines.filter((l) => l.level >= LEVEL.error).map((l) => l.msg)).toEqual([]);
    expect(lines.filter((l) => l.transport === 'ws' && l.level === LEVEL.warn).length).toBeGreaterThanOrEqual(socketCases.length);
  });
});

describe('rate limits count the parsed operation, on both transports', () => {
  let limited: TestApp;
  let key: string;
  beforeAll(async () => {
    key = (await new ApiKeyService(db.dataSource).create(`hostile-${Date.now()}`, ApiKeyRole.EDITOR)).key;
    limited = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '1000', RATE_LIMIT_WRITE_MAX: '2' });
  });
  afterAll(() => limited?.stop());

  const unlink = 'unlinkEvents(input: { fromId: "e1-statement", toId: "e2-meeting", type: RESPONDS_TO }) { id }';
  it.each([
    ['a leading comment', { query: `# note\nmutation { ${unlink} }` }, '127.0.0.11'],
    ['a leading comma', { query: `,mutation { ${unlink} }` }, '127.0.0.12'],
    ['a query before the mutation', { query: `query Q { __typename } mutation M { ${unlink} }`, operationName: 'M' }, '127.0.0.13'],
  ])('%s: the third write in the window is RATE_LIMITED', async (_name, body, address) => {
    const write = () => postFrom(address, limited.url, body, { authorization: `Bearer ${key}` });
    expect(firstError(await write())?.extensions?.code).toBe('NOT_FOUND');
    expect(firstError(await write())?.extensions?.code).toBe('NOT_FOUND');
    const third = await whileNeighbourReads(write, limited);
    expect(third.status).toBe(429);
    expect(firstError(third)?.extensions?.code).toBe('RATE_LIMITED');
    // Reads from the same client still pass: only writes are over their limit.
    expect((await postFrom(address, limited.url, { query: NORMAL })).body.errors).toBeUndefined();
  });

  it('subscriptions count against the request limit', async () => {
    const few = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '2' });
    try {
      const subscribe = () => subscribeFrom('127.0.0.14', few.url, { query: 'subscription { eventChanged { type } }' }, { holdMs: 100 });
      expect((await subscribe()).type).toBe('open');
      expect((await subscribe()).type).toBe('open');
      const third = await subscribe();
      expect(third.type).toBe('error');
      expect(firstError(third)?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await few.stop();
    }
  });
});

describe('one client flooding heavy queries cannot deny the others', () => {
  it('Given a page that searches, When it sends its six searching queries at once, Then every one is answered (they queue, they are not refused)', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => postFrom('127.0.0.21', app.url, { query: heavySearch(1) })));
    expect(answers.map((a) => firstError(a)?.extensions?.code ?? 'ok')).toEqual(Array(6).fill('ok'));
  });

  it('Given the heavy lane full with one client’s search and another of its searches queued first, When a second client searches, Then the second client is served first, and its subscription opens meanwhile', async () => {
    // A pool of 2 gives the heavy lane one place. A lock on the event table holds the flooder's first search in it.
    const one = await startTestApp(db.dataSource, { DB_POOL_SIZE: '2' });
    const lock = db.dataSource.createQueryRunner();
    try {
      const search = { query: heavySearch(1) };
      expect(firstError(await postFrom(ATTACKER, one.url, search))).toBeUndefined(); // compiled, and accepted when alone
      await lock.connect();
      await lock.startTransaction();
      await lock.query('LOCK TABLE event IN ACCESS EXCLUSIVE MODE');
      const finished: string[] = [];
      const send = (who: string, from: string) => postFrom(from, one.url, search).then((answer) => (finished.push(who), answer));
      const running = send('flooder first', ATTACKER);
      await waitFor(
        async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`))[0].n > 0,
      );
      const queuedFirst = send('flooder second', ATTACKER);
      await waitFor(async () => one.heavyWaiting() === 1);
      const neighbour = send('neighbour', NEIGHBOUR);
      await waitFor(async () => one.heavyWaiting() === 2); // the flooder's second and the neighbour's, in that order
      const subscription = await within(
        1000,
        subscribeFrom(NEIGHBOUR, one.url, { query: 'subscription { eventChanged { type } }' }, { holdMs: 100 }),
        "the neighbour's subscription",
      );
      expect(subscription.type).toBe('open');
      await lock.commitTransaction();
      const answers = await Promise.all([running, queuedFirst, neighbour]);
      expect(answers.map((a) => firstError(a)?.extensions?.code ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
      expect(finished).toEqual(['flooder first', 'neighbour', 'flooder second']);
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
      await one.stop();
    }
  });

  it('Given a pool of 4, When one client keeps 12 of the heaviest accepted queries in flight, Then the other client is answered every time and before the flood ends', async () => {
    const small = await startTestApp(db.dataSource, { DB_POOL_SIZE: '4' });
    try {
      const heaviest = { query: heavySearch(8) };
      expect(firstError(await postFrom(ATTACKER, small.url, heaviest))).toBeUndefined(); // accepted when alone
      const finished: string[] = [];
      const outcomes: string[] = [];
      // Each of the flooder's 12 loops goes on until 2 of its heavy queries were answered (or 200 tries).
      const flood = Promise.all(
        Array.from({ length: 12 }, async () => {
          let answered = 0;
          for (let attempt = 0; attempt < 200 && answered < 2; attempt++) {
            const answer = await postFrom(ATTACKER, small.url, heaviest);
            const code = String(firstError(answer)?.extensions?.code ?? 'ok');
            outcomes.push(code);
            if (code === 'ok') answered++;
          }
        }),
      ).then(() => finished.push('flood'));
      const neighbour = (async () => {
        for (let i = 0; i < 10; i++) {
          const answer = await postFrom(NEIGHBOUR, small.url, { query: NORMAL });
          expect(answer.body.errors).toBeUndefined();
        }
        finished.push('neighbour');
      })();
      await Promise.all([flood, neighbour]);
      // The neighbour's ten reads did not queue behind the flood's 24 heavy answers.
      expect(finished[0]).toBe('neighbour');
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(24);
      // The flooder is held to its share: two run, six wait their turn, the rest are told to slow down; none fails.
      expect(outcomes.filter((o) => o !== 'ok' && o !== 'RATE_LIMITED')).toEqual([]);
      expect(outcomes).toContain('RATE_LIMITED');
    } finally {
      await small.stop();
    }
  });
});

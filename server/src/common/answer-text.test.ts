// Root fields answered as PostgreSQL's JSON text (answer-text.ts) must give byte for byte the body the executor
// writes over the resolvers' objects: keys, their order, aliases, fragments, numbers, errors. Each question is
// asked of the app as it runs (text where the selection allows it) and of the resolver path (COMPILED_READS=0).
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import type { Response } from 'express';
import { startTestApp, TestApp } from '../test-support/app';
import { answerSplicer } from './answer-text';

let db: TestDatabase;
let app: TestApp;
let resolved: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedDataset(db.dataSource);
  app = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '0' });
  resolved = await startTestApp(db.dataSource, { COMPILED_READS: '0', RATE_LIMIT_MAX: '0' });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await resolved?.stop();
  await db?.drop();
});

/** The response body as sent, with request ids (which differ by design) blanked. */
async function body(target: TestApp, query: string, variables?: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = (await response.text()).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
  return { status: response.status, text };
}

/** Whether the last request's statements built the answer as text (string_agg) rather than as json. */
const askedAsText = () => db.queries.some((sql) => sql.includes('string_agg') && sql.includes('per_bucket'));

const COUNTS = `eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: MONTH)`;

// Every row has its variables: with two elements jest-each would hand the test a `done` callback instead.
const AS_TEXT: Array<[string, string, Record<string, unknown>]> = [
  ['every field', `{ ${COUNTS} { start end count byKind { kind count } } }`, {}],
  ['fields in another order, aliased', `{ c: ${COUNTS} { n: count byKind { count kind k: kind } s: start } }`, {}],
  ['__typename at both levels', `{ ${COUNTS} { __typename start byKind { __typename kind } } }`, {}],
  [
    'named and inline fragments, repeated fields merged',
    `query { ${COUNTS} { ...B count ... on BucketCount { end byKind { count } } } } fragment B on BucketCount { start count byKind { kind } }`,
    {},
  ],
  ['no byKind', `{ ${COUNTS} { start count } }`, {}],
  [
    'weeks, variables',
    `query($f: Date!, $t: Date!) { eventCounts(from: $f, to: $t, bucket: WEEK) { start end count } }`,
    { f: '2022-01-01', t: '2022-12-31' },
  ],
  ['days', `{ eventCounts(from: "2022-02-20", to: "2022-03-05", bucket: DAY) { start count byKind { kind count } } }`, {}],
  ['years', `{ eventCounts(from: "2014-01-01", to: "2026-12-31", bucket: YEAR) { start end count byKind { kind count } } }`, {}],
  [
    'a filter the rollups cannot answer',
    `{ eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: YEAR, filter: { search: "sanctions", kinds: [SANCTION, STATEMENT] }) { start count byKind { kind count } } }`,
    {},
  ],
  [
    'an empty range of kinds',
    `{ eventCounts(from: "1990-01-01", to: "1990-12-31", bucket: MONTH) { start count byKind { kind count } } }`,
    {},
  ],
  ['two root fields', `{ a: ${COUNTS} { count } b: eventCounts(from: "2020-01-01", to: "2020-12-31", bucket: WEEK) { start } }`, {}],
];

const BY_THE_EXECUTOR: Array<[string, string, Record<string, unknown>]> = [
  ['@include', `query($all: Boolean!) { ${COUNTS} { start count @include(if: $all) } }`, { all: false }],
  ['another root field beside it', `{ ${COUNTS} { count } dataRange { from to } }`, {}],
  ['an error: from after to', `{ eventCounts(from: "2024-01-01", to: "2023-01-01", bucket: MONTH) { count } }`, {}],
  ['an error: too many buckets', `{ eventCounts(from: "1900-01-01", to: "2024-01-01", bucket: DAY) { count } }`, {}],
  [
    'an error: a variable that is not a date',
    `query($f: Date!) { eventCounts(from: $f, to: "2024-01-01", bucket: DAY) { count } }`,
    { f: 'soon' },
  ],
];

describe('eventCounts answered as PostgreSQL’s text', () => {
  it.each(AS_TEXT)('Given %s, When both paths answer, Then the bodies are the same bytes', async (_what, query, variables) => {
    const reference = await body(resolved, query, variables);
    db.queries.length = 0;
    const answer = await body(app, query, variables);
    expect(askedAsText()).toBe(true);
    expect(answer).toEqual(reference);
    // Not vacuous: an answer with buckets in it.
    expect(reference.status).toBe(200);
    expect(JSON.parse(reference.text).errors).toBeUndefined();
    expect(reference.text).toMatch(/"(start|count|n|__typename)"/);
  });

  it.each(BY_THE_EXECUTOR)(
    'Given %s, When both paths answer, Then the executor does, with the same bytes',
    async (_what, query, variables) => {
      const reference = await body(resolved, query, variables);
      db.queries.length = 0;
      const answer = await body(app, query, variables);
      expect(askedAsText()).toBe(false);
      expect(answer).toEqual(reference);
    },
  );

  it('Given an error, When the answer is sent, Then it names the argument as the resolver path does', async () => {
    const { text } = await body(app, `{ eventCounts(from: "2024-01-01", to: "2023-01-01", bucket: MONTH) { count } }`);
    const parsed = JSON.parse(text);
    expect(parsed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('Given a text answer, When it is spliced into the body, Then it goes in as it is, `$` patterns included', () => {
    let sent: unknown;
    const res = { send: (b: unknown) => ((sent = b), res) } as unknown as Response;
    const splice = answerSplicer(res);
    const first = splice('["$&","$1"]');
    const second = splice('{"n":1}');
    res.send(JSON.stringify({ data: { a: first, b: second, c: 'plain' } }));
    expect(sent).toBe('{"data":{"a":["$&","$1"],"b":{"n":1},"c":"plain"}}');
  });
});

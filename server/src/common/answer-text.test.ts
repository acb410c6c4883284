// Root fields answered as PostgreSQL's JSON text (answer-text.ts) must give byte for byte the body the executor
// writes over the resolvers' objects: keys, their order, aliases, fragments, numbers, errors. Each question is
// asked of the app as it runs (text where the selection allows it) and of the resolver path (COMPILED_READS=0).
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import type { Response } from 'express';
import { startTestApp, TestApp } from '../test-support/app';
import { fillDatabase } from '../../bench/fill';
import { AggregateService } from '../events/aggregates';
import { TimelineService } from '../events/timeline.service';
import { AnswerText, answerSplicer } from './answer-text';

let db: TestDatabase;
let app: TestApp;
let resolved: TestApp;
let bench: TestDatabase;
let benchApp: TestApp;
let benchResolved: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedDataset(db.dataSource);
  app = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '0' });
  resolved = await startTestApp(db.dataSource, { COMPILED_READS: '0', RATE_LIMIT_MAX: '0' });
  // Generated data, dense enough that slices give every event they read and are read again in full.
  bench = await createTestDatabase();
  await fillDatabase({ url: bench.url, events: 3000, log: () => undefined });
  await bench.dataSource.query(`UPDATE event SET location_name = '' WHERE slug = 'bench-9'`);
  await bench.dataSource.query(`UPDATE event SET tone = -7.4 WHERE slug = 'bench-12'`);
  benchApp = await startTestApp(bench.dataSource, { RATE_LIMIT_MAX: '0' });
  benchResolved = await startTestApp(bench.dataSource, { COMPILED_READS: '0', RATE_LIMIT_MAX: '0' });
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await resolved?.stop();
  await benchApp?.stop();
  await benchResolved?.stop();
  await db?.drop();
  await bench?.drop();
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

// The services run in this process: what they returned says which path answered.
const textSpies = [jest.spyOn(TimelineService.prototype, 'timelineText'), jest.spyOn(AggregateService.prototype, 'eventCounts')];

/** Whether a service answered as text since the spies were last cleared. */
async function askedAsText(): Promise<boolean> {
  const settled = await Promise.allSettled(textSpies.flatMap((spy) => spy.mock.results.map((r) => r.value as unknown)));
  return settled.some((s) => s.status === 'fulfilled' && s.value instanceof AnswerText);
}

const clearSpies = () => textSpies.forEach((spy) => spy.mockClear());

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

const EVENT = 'id kind title startDate endDate datePrecision tone importance direction';
const RELATIONS = 'participants { role side actor { id name country } } citations { excerpt source { id url title publisher } }';
/** The page's window query as Apollo Client sends it: __typename everywhere, the event's fields in a fragment. */
const PAGE_WINDOW = `query TimelineWindow($from: Date!, $to: Date!, $maxItems: Int = 200, $filter: EventFilter) {
  timeline(from: $from, to: $to, maxItems: $maxItems, filter: $filter) { from to totalCount events { ...TimelineEventFields __typename }
    omitted { from to count __typename } __typename } }
  fragment TimelineEventFields on Event { id kind title startDate endDate datePrecision tone importance direction __typename }`;

const TIMELINE_AS_TEXT: Array<[string, string, Record<string, unknown>]> = [
  [
    'the benchmark’s (a)',
    `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 200) { from to totalCount events { ${EVENT} ${RELATIONS} } omitted { from to count } } }`,
    {},
  ],
  ['the page’s window query', PAGE_WINDOW, { from: '2014-01-01', to: '2026-12-31' }],
  [
    'the page’s query with a filter',
    PAGE_WINDOW,
    { from: '2014-01-01', to: '2026-12-31', maxItems: 30, filter: { kinds: ['SANCTION'], search: 'embassy' } },
  ],
  [
    'a few events, aliased, location and every actor column',
    `{ w: timeline(from: "2022-01-01", to: "2022-12-31", maxItems: 7) { n: totalCount events { t: title location { name country __typename } participants { actor { __typename id slug name kind country title aliases wikidataId } } } } }`,
    {},
  ],
  ['no events asked', `{ timeline(from: "2022-01-01", to: "2022-12-31") { totalCount omitted { count from } } }`, {}],
  ['an empty window', `{ timeline(from: "1990-01-01", to: "1990-12-31") { from to totalCount events { id } omitted { count } } }`, {}],
];

const TIMELINE_BY_THE_EXECUTOR: Array<[string, string, Record<string, unknown>]> = [
  [
    'a narrowing fragment',
    `{ timeline(from: "2022-01-01", to: "2022-12-31", maxItems: 20) { events { id ... on Statement { quote } } } }`,
    {},
  ],
  [
    'participants by role',
    `{ timeline(from: "2022-01-01", to: "2022-12-31", maxItems: 20) { events { id participants(role: SPEAKER) { actor { name } } } } }`,
    {},
  ],
  ['a timestamp', `{ timeline(from: "2022-01-01", to: "2022-12-31", maxItems: 20) { events { id createdAt } } }`, {}],
  ['an error: from after to', `{ timeline(from: "2022-12-31", to: "2022-01-01") { totalCount } }`, {}],
];

describe('timeline answered as PostgreSQL’s text', () => {
  it.each(TIMELINE_AS_TEXT)('Given %s, When both paths answer, Then the bodies are the same bytes', async (_what, query, variables) => {
    for (const [target, reference] of [
      [app, resolved],
      [benchApp, benchResolved],
    ] as const) {
      const expected = await body(reference, query, variables);
      clearSpies();
      const answer = await body(target, query, variables);
      expect(await askedAsText()).toBe(true);
      expect(answer).toEqual(expected);
      expect(expected.status).toBe(200);
      expect(JSON.parse(expected.text).errors).toBeUndefined();
    }
  });

  it('Given the benchmark’s (a) over generated data, Then there are events with participants and citations to compare', async () => {
    const { text } = await body(benchApp, TIMELINE_AS_TEXT[0][1]);
    const events = JSON.parse(text).data.timeline.events;
    expect(events.length).toBeGreaterThan(50);
    expect(events.some((e: { participants: unknown[]; citations: unknown[] }) => e.participants.length && e.citations.length)).toBe(true);
  });

  it.each(TIMELINE_BY_THE_EXECUTOR)(
    'Given %s, When both paths answer, Then the executor does, with the same bytes',
    async (_what, query, variables) => {
      const expected = await body(resolved, query, variables);
      clearSpies();
      const answer = await body(app, query, variables);
      expect(await askedAsText()).toBe(false);
      expect(answer).toEqual(expected);
    },
  );
});

describe('eventCounts answered as PostgreSQL’s text', () => {
  it.each(AS_TEXT)('Given %s, When both paths answer, Then the bodies are the same bytes', async (_what, query, variables) => {
    const reference = await body(resolved, query, variables);
    clearSpies();
    const answer = await body(app, query, variables);
    expect(await askedAsText()).toBe(true);
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
      clearSpies();
      const answer = await body(app, query, variables);
      expect(await askedAsText()).toBe(false);
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

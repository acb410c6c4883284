// graphql-jit runs every operation by default (GRAPHQL_EXECUTOR=jit); graphql-js is the reference. The same
// questions, over the shipped dataset, must get byte-for-byte the same answers, errors included.
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { COMPILED_OPERATIONS_KEPT } from './jit-executor';

let db: TestDatabase;
let jit: TestApp;
let interpreted: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedDataset(db.dataSource);
  jit = await startTestApp(db.dataSource, { GRAPHQL_EXECUTOR: 'jit', RATE_LIMIT_MAX: '0' });
  interpreted = await startTestApp(db.dataSource, { GRAPHQL_EXECUTOR: 'graphql-js', RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await jit?.stop();
  await interpreted?.stop();
  await db?.drop();
});

/** Request ids differ between two requests by design; everything else must not. */
function withoutRequestIds(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\)|")/g, '<id>'));
}

const EVERY_KIND = `
  __typename id slug kind title summary startDate endDate datePrecision direction tone importance tags verification
  location { name country }
  participants { role side actor { id slug name kind country title aliases } }
  citations { excerpt source { url title publisher publishedAt } }
  links { type direction event { __typename slug title } }
  ... on Statement { quote quoteLanguage quoteType medium outlet { name } }
  ... on Meeting { format level outcome }
  ... on Sanction { sanctionAction: action program measures }
  ... on MissionAction { missionAction: action actingCountry affectedCountry facility city personnelCount }
  ... on Agreement { agreementAction: action instrument }
`;

// Every row has all three columns: jest-each would take a missing third for the `done` callback and wait for it.
const QUESTIONS: Array<[string, string, Record<string, unknown>]> = [
  [
    'a year of events of every kind, with everything nested',
    `{ events(filter: { from: "2021-01-01", to: "2021-12-31" }, first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EVERY_KIND} } } } }`,
    {},
  ],
  [
    'the timeline window with its "+N" counts',
    `{ timeline(from: "2014-01-01", to: "2024-12-31", maxItems: 40) { totalCount events { slug importance } omitted { from to count } } }`,
    {},
  ],
  [
    'aggregates',
    `{ eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: MONTH) { start count byKind { kind count } } relationsTemperature(from: "2021-01-01", to: "2021-12-31", bucket: WEEK) { start usToRu { count meanTone smoothed } ruToUs { count smoothed } } }`,
    {},
  ],
  [
    'a search in Cyrillic, ranked, with snippets',
    `{ events(filter: { search: "Рябков" }, first: 10) { edges { rank snippet { text highlights { start length } } node { slug } } } }`,
    {},
  ],
  [
    'an actor with its stats and events',
    `query($slug: ID!) { actor(id: $slug) { name stats { total byKind { kind count } byRole { role count } } events(first: 5) { totalCount nodes { slug } } } }`,
    { slug: 'sergei-ryabkov' },
  ],
  [
    'tags, sources and the data range',
    `{ tags(first: 10) { tag count } sources(first: 3) { nodes { url events { slug } } } dataRange { from to } }`,
    {},
  ],
  [
    "recent changes and an event's revisions, with their diffs",
    `{ recentChanges(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { version action author createdAt event { slug kind title deleted } changes { field before after } } } event(id: "2021-10-12-ryabkov-nuland-talks-moscow") { revisions { version changes { field after } } } }`,
    {},
  ],
  ['introspection', `{ __schema { queryType { name } types { name kind } } __type(name: "Event") { possibleTypes { name } } }`, {}],
  ['a bad cursor', `{ events(first: 2, after: "not-a-cursor") { totalCount } }`, {}],
  ['an argument out of range', `{ events(first: 0) { totalCount } }`, {}],
  ['a variable of the wrong type', `query($first: Int) { events(first: $first) { totalCount } }`, { first: 'many' }],
  ['an unknown event', `{ event(id: "no-such-event") { id } }`, {}],
];

describe('graphql-jit against graphql-js', () => {
  it.each(QUESTIONS)('Given %s, When both executors answer, Then the answers are the same', async (_what, query, variables) => {
    const [fromJit, fromInterpreter] = await Promise.all([jit.gql(query, variables), interpreted.gql(query, variables)]);
    expect(fromJit.status).toBe(fromInterpreter.status);
    expect(withoutRequestIds(fromJit)).toEqual(withoutRequestIds(fromInterpreter));
    // Not vacuous: each question has an answer or an error worth comparing.
    expect(fromJit.data ?? fromJit.errors).toBeTruthy();
  });

  it('Given more distinct operations than it keeps compiled, When they are all asked again, Then each still answers', async () => {
    const distinct = (i: number) => `{ events(first: 1, filter: { minImportance: 1 }) { totalCount } n${i}: dataRange { from } }`;
    for (let i = 0; i < COMPILED_OPERATIONS_KEPT + 5; i++) {
      const res = await jit.gql(distinct(i));
      expect(res.errors).toBeUndefined();
    }
    const [again, reference] = await Promise.all([jit.gql(distinct(0)), interpreted.gql(distinct(0))]);
    expect(again.data).toEqual(reference.data);
    expect(again.data?.n0.from).toMatch(/^2014-/);
  });
});

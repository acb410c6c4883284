// graphql-jit runs every operation by default (GRAPHQL_EXECUTOR=jit); graphql-js is the reference. The same
// questions, over the shipped dataset, must get byte-for-byte the same answers, errors included.
// Likewise the compiled reads (COMPILED_READS, events/compiled-reads.ts) against the resolver-built answers, over
// the shipped dataset and over generated benchmark data.
import { fillDatabase } from '../../bench/fill';
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { COMPILED_OPERATIONS_KEPT } from './jit-executor';

let db: TestDatabase;
let jit: TestApp;
let interpreted: TestApp;
let resolved: TestApp;
let bench: TestDatabase;
let benchCompiled: TestApp;
let benchResolved: TestApp;

/** Events of the generated data: enough for slices to fill up, as on the benchmark's million. */
const GENERATED_EVENTS = 4000;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedDataset(db.dataSource);
  jit = await startTestApp(db.dataSource, { GRAPHQL_EXECUTOR: 'jit', RATE_LIMIT_MAX: '0' });
  interpreted = await startTestApp(db.dataSource, { GRAPHQL_EXECUTOR: 'graphql-js', RATE_LIMIT_MAX: '0' });
  resolved = await startTestApp(db.dataSource, { GRAPHQL_EXECUTOR: 'jit', COMPILED_READS: '0', RATE_LIMIT_MAX: '0' });
  bench = await createTestDatabase();
  await fillDatabase({ url: bench.url, events: GENERATED_EVENTS, log: () => undefined });
  // What the fill does not make: deleted events (still linked to), links both ways, an event without participants
  // or citations, a location with an empty name.
  await bench.dataSource.query(`UPDATE event SET deleted_at = now() WHERE slug IN ('bench-7', 'bench-11', 'bench-13')`);
  await bench.dataSource.query(
    `INSERT INTO event_link (from_event_id, to_event_id, type)
     SELECT f.id, t.id, 'RESPONDS_TO' FROM event f, event t
      WHERE (f.slug IN ('bench-2', 'bench-3') AND t.slug IN ('bench-7', 'bench-5', 'bench-9')) OR (f.slug = 'bench-5' AND t.slug = 'bench-2')
     ON CONFLICT DO NOTHING`,
  );
  await bench.dataSource.query(`DELETE FROM event_participant WHERE event_id = (SELECT id FROM event WHERE slug = 'bench-5')`);
  await bench.dataSource.query(`DELETE FROM citation WHERE event_id = (SELECT id FROM event WHERE slug = 'bench-5')`);
  await bench.dataSource.query(`UPDATE event SET location_name = '' WHERE slug = 'bench-9'`);
  benchCompiled = await startTestApp(bench.dataSource, { RATE_LIMIT_MAX: '0' });
  benchResolved = await startTestApp(bench.dataSource, { COMPILED_READS: '0', RATE_LIMIT_MAX: '0' });
}, 120_000);
afterAll(async () => {
  await jit?.stop();
  await interpreted?.stop();
  await resolved?.stop();
  await benchCompiled?.stop();
  await benchResolved?.stop();
  await db?.drop();
  await bench?.drop();
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

// Each piece of the compiler, and the ways a client can ask for it: fragments, aliases, variables, directives,
// interface fragments, arguments on nested fields, and fields the compiler leaves to their resolvers.
const FULL_EVENT = `${EVERY_KIND}
  cameoCode toneNote version createdAt updatedAt
  participants { actor { __typename wikidataId } }
  speakersOnly: participants(role: SPEAKER) { role actor { slug } }
  citations { source { __typename id language } }
  links { event { id startDate links { type direction event { slug } } } }
  ... on Statement { translatedFrom translatedBy outlet { id } speakers { slug name } }
`;

const COMPILED_QUESTIONS: Array<[string, string, Record<string, unknown>]> = [
  [
    'a one-year timeline window with every field of every kind',
    `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 200) { from to totalCount omitted { from to count } events { ${FULL_EVENT} } } }`,
    {},
  ],
  [
    'the timeline over thirty years, ids and importance only',
    `{ timeline(from: "1995-01-01", to: "2024-12-31", maxItems: 200) { totalCount omitted { from to count } events { id importance startDate } } }`,
    {},
  ],
  ...[1, 5, 150, 300, 400, 500].map((maxItems): [string, string, Record<string, unknown>] => [
    `the timeline over a decade with maxItems ${maxItems} (slices that fill up are read again)`,
    `query($max: Int!) { timeline(from: "2014-01-01", to: "2024-12-31", maxItems: $max) { totalCount omitted { from to count } events { slug importance } } }`,
    { max: maxItems },
  ]),
  [
    'a short window where every slice gives all it has',
    `{ timeline(from: "2021-03-01", to: "2021-03-31", maxItems: 500) { totalCount omitted { count } events { slug } } }`,
    {},
  ],
  [
    'a filtered timeline (no rollup: the window is scanned) with kinds and importance',
    `{ timeline(from: "2000-01-01", to: "2024-12-31", maxItems: 100, filter: { minImportance: 2, kinds: [STATEMENT, SANCTION], search: "sanctions" }) {
        totalCount omitted { from to count } events { __typename slug ... on Sanction { measures } } } }`,
    {},
  ],
  [
    'a timeline with only its counts, and one with an empty window',
    `{ a: timeline(from: "2021-01-01", to: "2021-06-30") { totalCount } b: timeline(from: "1900-01-01", to: "1900-01-31") { totalCount events { id } omitted { count } } }`,
    {},
  ],
  [
    'a page of events with cursors, page info, a total and every field, through a fragment',
    `fragment Row on Event { ${FULL_EVENT} }
     { events(filter: { from: "2019-01-01", to: "2022-12-31" }, first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ...Row } } } }`,
    {},
  ],
  [
    'events by importance, nodes and edges side by side under aliases',
    `{ events(orderBy: IMPORTANCE_DESC, first: 30) { list: nodes { slug title } edges { c: cursor n: node { importance ... on Meeting { level } } } } }`,
    {},
  ],
  [
    'the last page, backwards',
    `{ events(last: 7, orderBy: DATE_DESC, filter: { kinds: [MEETING, AGREEMENT] }) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { slug startDate } } }`,
    {},
  ],
  [
    'a ranked search with snippets and nested participants',
    `query($q: String!) { events(filter: { search: $q }, first: 20) { totalCount edges { rank snippet { text highlights { start length } } cursor node { slug participants { actor { name } } } } } }`,
    { q: 'sanctions' },
  ],
  [
    'events filtered by actor, side and tags',
    `{ events(first: 25, filter: { sides: [RU], tags: ["visas", "talks", "sanctions", "arms control"] }) { totalCount nodes { slug tags participants { side } } } }`,
    {},
  ],
  [
    'one event by slug, with @include, @skip and variables',
    `query($id: ID!, $withLinks: Boolean!, $role: ParticipantRole) { event(id: $id) {
        ... on Event { slug title }
        participants(role: $role) { role actor { slug } }
        links @include(if: $withLinks) { type direction event { slug } }
        citations @skip(if: $withLinks) { excerpt }
        ... on Statement { outlet { slug } speakers { slug } } } }`,
    { id: 'bench-2', withLinks: true, role: 'SPEAKER' },
  ],
  [
    'fields left to their resolvers: an actor under an event, with its stats and events; a source with its events',
    `{ events(first: 5, orderBy: IMPORTANCE_DESC) { nodes { slug participants { actor { slug stats { total } events(first: 2) { nodes { slug } } } }
        citations { source { url events { slug } } } } } }`,
    {},
  ],
  [
    'an actor with its events and their participants',
    `query($slug: ID!) { actor(id: $slug) { name events(first: 10, role: SPEAKER) { totalCount pageInfo { endCursor } edges { cursor node { slug kind participants { role actor { slug } } } } } } }`,
    { slug: 'sergei-ryabkov' },
  ],
  ['an unknown event', `{ event(id: "no-such-event") { id title } }`, {}],
  ['a deleted event', `{ event(id: "bench-7") { id title } }`, {}],
  ['a timeline window the wrong way round', `{ timeline(from: "2021-12-31", to: "2021-01-01") { totalCount events { id } } }`, {}],
  ['a timeline asking for too much', `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 501) { totalCount } }`, {}],
  ['a bad cursor', `{ events(first: 2, after: "not-a-cursor") { nodes { id } } }`, {}],
  ['RELEVANCE without a search', `{ events(first: 2, orderBy: RELEVANCE) { nodes { id } } }`, {}],
  ['an event and a failing page together', `{ event(id: "bench-3") { slug } events(first: 0) { nodes { id } } }`, {}],
];

describe('compiled reads against resolver-built answers', () => {
  const datasets: Array<[string, () => [TestApp, TestApp]]> = [
    ['the shipped dataset', () => [jit, resolved]],
    ['generated benchmark data', () => [benchCompiled, benchResolved]],
  ];
  describe.each(datasets)('over %s', (_data, apps) => {
    it.each(COMPILED_QUESTIONS)('Given %s, When both answer, Then the answers are the same', async (_what, query, variables) => {
      const [compiled, reference] = apps();
      const [fromCompiled, fromResolvers] = await Promise.all([compiled.gql(query, variables), reference.gql(query, variables)]);
      expect(fromCompiled.status).toBe(fromResolvers.status);
      expect(withoutRequestIds(fromCompiled)).toEqual(withoutRequestIds(fromResolvers));
      expect(fromCompiled.data ?? fromCompiled.errors).toBeTruthy();
    });
  });

  it('Given the generated data, When the decade timeline is asked at several sizes, Then the answers are not vacuous', async () => {
    const res = await benchCompiled.gql(`{ timeline(from: "2014-01-01", to: "2024-12-31", maxItems: 500) { totalCount events { slug } } }`);
    expect(res.data.timeline.events.length).toBe(500);
    const linked = await benchCompiled.gql(`{ event(id: "bench-2") { links { direction event { slug } } } }`);
    // Links both ways; the deleted bench-7 is left out.
    expect(linked.data.event.links.map((l: { direction: string; event: { slug: string } }) => `${l.direction} ${l.event.slug}`)).toEqual(
      expect.arrayContaining(['INCOMING bench-5', 'OUTGOING bench-5', 'OUTGOING bench-9']),
    );
    expect(JSON.stringify(linked.data)).not.toContain('bench-7');
  });

  it('Given a compiled read, When a year of the timeline with everything nested is asked, Then one statement answers it', async () => {
    // Its first slice gives all ten it reads (events of the year before run into it): read again, in the same statement.
    const query = `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 200) { totalCount events { ${FULL_EVENT} } } }`;
    bench.queries.length = 0;
    const compiled = await benchCompiled.gql(query);
    const compiledStatements = bench.queries.filter((sql) => /^\s*(WITH|SELECT)/i.test(sql)).length;
    bench.queries.length = 0;
    const reference = await benchResolved.gql(query);
    const resolverStatements = bench.queries.filter((sql) => /^\s*(WITH|SELECT)/i.test(sql)).length;
    expect(compiled.data).toEqual(reference.data);
    expect(compiledStatements).toBe(1);
    expect(resolverStatements).toBeGreaterThan(3);
  });
});

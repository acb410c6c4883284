// Search snippets mark the words that made the match, whatever the script of the search: a Cyrillic name that
// matched an actor's alias, and a Russian word in a Russian quote, are marked as Latin searches are; an event matched
// through an actor its text never names says so.
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { FIXTURE_EVENTS, fixtureFiles } from '../test-support/fixture';
import { importDataset } from '../dataset/dataset.store';
import type { DatasetActor } from '../dataset/dataset.types';
import { HEADLINE_OPTIONS, TSQUERY, parseSnippet } from './search';

let db: TestDatabase;
let app: TestApp;

// An event its text never names Ryabkov in: he is only mentioned.
const MENTIONED_ONLY = {
  ...FIXTURE_EVENTS[0],
  id: 'e6-mentioned-only',
  title: 'The ministry on the embassies',
  summary: 'The Foreign Ministry said the talks on the embassies would go on.',
  startDate: '2021-11-03',
  outlet: undefined,
  quote: undefined,
  quoteLanguage: undefined,
  quoteType: undefined,
  translatedFrom: undefined,
  translatedBy: undefined,
  medium: 'PRESS_RELEASE' as const,
  participants: [{ actor: 'ryabkov', role: 'MENTIONED' as const }],
  links: [],
};

// A statement quoted in Russian, beside the fixture's English one.
const RUSSIAN_QUOTE = {
  ...FIXTURE_EVENTS[0],
  id: 'e6-russian-quote',
  title: 'Ryabkov on the embassies',
  startDate: '2021-11-02',
  quote: 'Мы готовы обсуждать, что делать с посольствами',
  quoteLanguage: 'ru',
  translatedFrom: undefined,
  translatedBy: undefined,
  links: [],
};

beforeAll(async () => {
  db = await createTestDatabase();
  await importDataset(db.dataSource, fixtureFiles([...FIXTURE_EVENTS, RUSSIAN_QUOTE, MENTIONED_ONLY]));
  app = await startTestApp(db.dataSource);
});
afterAll(async () => {
  await app.stop();
  await db.drop();
});

interface Edge {
  node: { slug: string };
  snippet: { text: string; highlights: Array<{ start: number; length: number }> };
}

async function edges(search: string, on = app): Promise<Edge[]> {
  const res = await on.gql<{ events: { edges: Edge[] } }>(
    'query ($filter: EventFilter) { events(filter: $filter, first: 20) { edges { node { slug } snippet { text highlights { start length } } } } }',
    { filter: { search } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.events.edges;
}

const markedIn = (edge: Edge) => edge.snippet.highlights.map(({ start, length }) => edge.snippet.text.substr(start, length));

async function marked(search: string): Promise<Record<string, string[]>> {
  return Object.fromEntries((await edges(search)).map((edge) => [edge.node.slug, markedIn(edge)]));
}

describe('search highlights', () => {
  it('Given a Latin search for a name, Then the name is marked in the snippet', async () => {
    expect((await marked('Ryabkov'))['e1-statement']).toEqual(['Ryabkov']);
  });

  it("Given the same name in Cyrillic, which matches the actor's alias, Then the snippet marks the name as the text spells it", async () => {
    const result = await marked('Рябков');
    expect(Object.keys(result).sort()).toEqual(['e1-statement', 'e2-meeting', 'e6-mentioned-only', 'e6-russian-quote']);
    expect(result['e1-statement']).toEqual(['Ryabkov']);
    expect(result['e2-meeting']).toContain('Ryabkov');
  });

  it("Given a Russian word in another form than the quote's, Then the quote's word is marked (Russian stemming)", async () => {
    // "посольства" (genitive singular) against the quote's "посольствами" (instrumental plural).
    expect((await marked('посольства'))['e6-russian-quote']).toEqual(['посольствами']);
  });

  it('Given an event matched through an actor its text never names, Then the snippet ends with the actor, marked', async () => {
    const edge = (await edges('Рябков')).find((e) => e.node.slug === 'e6-mentioned-only')!;
    expect(markedIn(edge)).toEqual(['Sergei Ryabkov']);
    expect(edge.snippet.text).toMatch(/^The ministry on the embassies .*\(Sergei Ryabkov\)$/);
    // By name too: the text does not name him either.
    expect((await marked('Ryabkov'))['e6-mentioned-only']).toEqual(['Sergei Ryabkov']);
  });

  it("Given the Cyrillic name and a word only the text holds, Then both are marked (the actor holds one of the query's words)", async () => {
    expect((await marked('Рябков embassies'))['e6-russian-quote']).toEqual(['Ryabkov', 'embassies']);
  });

  it('Given an actor found by name, Then only the searched words are marked, not the rest of the name', async () => {
    expect((await marked('Nuland'))['e2-meeting']).toEqual(['Nuland']);
  });
});

describe('search highlights over the shipped dataset', () => {
  let shippedDb: TestDatabase;
  let shippedApp: TestApp;
  let ryabkov: DatasetActor;

  beforeAll(async () => {
    shippedDb = await createTestDatabase();
    const files = await loadShippedDataset(shippedDb.dataSource);
    ryabkov = files.actors.map((located) => located.record).find((actor) => actor.id === 'sergei-ryabkov')!;
    shippedApp = await startTestApp(shippedDb.dataSource);
  });
  afterAll(async () => {
    await shippedApp.stop();
    await shippedDb.drop();
  });

  /** Whether `text` is the actor's name, or one of the words of his name or aliases in some inflection. */
  const namesRyabkov = (text: string) => {
    const words = [ryabkov.name, ...(ryabkov.aliases ?? [])].flatMap((name) => name.toLowerCase().split(/\s+/));
    return text === ryabkov.name || words.some((word) => text.toLowerCase().startsWith(word.slice(0, -1)));
  };

  it('Given "Рябков", which the English texts never spell, Then every first hit marks text that names Ryabkov', async () => {
    const hits = await edges('Рябков', shippedApp);
    expect(hits).toHaveLength(20);
    for (const edge of hits) {
      const texts = markedIn(edge);
      expect({ slug: edge.node.slug, marked: texts.length > 0 }).toEqual({ slug: edge.node.slug, marked: true });
      expect(texts.filter((text) => !namesRyabkov(text))).toEqual([]);
      expect(texts.some((text) => /ryabkov|рябков/i.test(text))).toBe(true);
    }
  });

  it('Given "Ryabkov", Then every first hit marks his name, and only it, as before', async () => {
    const hits = await edges('Ryabkov', shippedApp);
    expect(hits).toHaveLength(20);
    for (const edge of hits) {
      expect(markedIn(edge).length).toBeGreaterThan(0);
      expect(markedIn(edge).filter((text) => text !== 'Ryabkov' && text !== ryabkov.name)).toEqual([]);
    }
  });

  it('Given a search no actor matches, Then each snippet is the plain headline of the text, unchanged', async () => {
    const search = 'sanctions';
    const query = TSQUERY.replace(/:fSearch/g, '$1');
    const [{ actors }] = await shippedDb.dataSource.query(
      `SELECT count(*)::int AS actors FROM actor a WHERE to_tsvector('simple', a.name || ' ' || array_to_string(a.aliases, ' ')) @@ ${query}`,
      [search],
    );
    expect(actors).toBe(0);
    const hits = await edges(search, shippedApp);
    expect(hits.length).toBeGreaterThan(0);
    const plain: Array<{ slug: string; headline: string }> = await shippedDb.dataSource.query(
      `SELECT e.slug, ts_headline('russian', concat_ws(' — ', e.title, e.summary, e.quote), ${query}, $2) AS headline
         FROM event e WHERE e.slug = ANY($3)`,
      [search, HEADLINE_OPTIONS, hits.map((edge) => edge.node.slug)],
    );
    const expected = Object.fromEntries(plain.map((row) => [row.slug, parseSnippet(row.headline)]));
    for (const edge of hits) expect(edge.snippet).toEqual(expected[edge.node.slug]);
  });
});

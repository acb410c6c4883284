// Search snippets mark the words that made the match, whatever the script of the search: a Cyrillic name that
// matched an actor's alias, and a Russian word in a Russian quote, are marked as Latin searches are.
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';
import { FIXTURE_EVENTS, fixtureFiles } from '../test-support/fixture';
import { importDataset } from '../dataset/dataset.store';

let db: TestDatabase;
let app: TestApp;

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
  await importDataset(db.dataSource, fixtureFiles([...FIXTURE_EVENTS, RUSSIAN_QUOTE]));
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

async function marked(search: string): Promise<Record<string, string[]>> {
  const res = await app.gql<{ events: { edges: Edge[] } }>(
    'query ($filter: EventFilter) { events(filter: $filter, first: 20) { edges { node { slug } snippet { text highlights { start length } } } } }',
    { filter: { search } },
  );
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(
    res.data!.events.edges.map((edge) => [
      edge.node.slug,
      edge.snippet.highlights.map(({ start, length }) => edge.snippet.text.substr(start, length)),
    ]),
  );
}

describe('search highlights', () => {
  it('Given a Latin search for a name, Then the name is marked in the snippet', async () => {
    expect((await marked('Ryabkov'))['e1-statement']).toEqual(['Ryabkov']);
  });

  it("Given the same name in Cyrillic, which matches the actor's alias, Then the snippet marks the name as the text spells it", async () => {
    const result = await marked('Рябков');
    expect(Object.keys(result).sort()).toEqual(['e1-statement', 'e2-meeting', 'e6-russian-quote']);
    expect(result['e1-statement']).toEqual(['Ryabkov']);
    expect(result['e2-meeting']).toContain('Ryabkov');
  });

  it("Given a Russian word in another form than the quote's, Then the quote's word is marked (Russian stemming)", async () => {
    // "посольства" (genitive singular) against the quote's "посольствами" (instrumental plural).
    expect((await marked('посольства'))['e6-russian-quote']).toEqual(['посольствами']);
  });

  it('Given an actor found by name, Then only the searched words are marked, not the rest of the name', async () => {
    expect((await marked('Nuland'))['e2-meeting']).toEqual(['Nuland']);
  });
});

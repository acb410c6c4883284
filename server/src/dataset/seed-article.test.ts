// The product began with one article (The Hill, 12 October 2021); every event it reports must be in the shipped data.
import { createTestDatabase, loadShippedDataset, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';

let db: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedDataset(db.dataSource);
  app = await startTestApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const find = async (filter: Record<string, unknown>) => {
  const res = await app.gql(
    `query($filter: EventFilter) { events(filter: $filter, first: 100) { nodes {
       slug kind title startDate
       ... on Statement { quote quoteType medium outlet { slug } }
       ... on Sanction { sanctionAction: action }
       participants { role actor { slug } }
       citations { source { url } }
       links { type direction event { slug kind } }
     } } }`,
    { filter },
  );
  expect(res.errors).toBeUndefined();
  return res.data.events.nodes as any[];
};

describe("the seed article's events", () => {
  it('Ryabkov told Interfax on 12 October 2021 that there was little headway, with his words quoted', async () => {
    const events = await find({ from: '2021-10-12', to: '2021-10-12', kinds: ['STATEMENT'] });
    const statement = events.find(
      (e) => e.outlet?.slug === 'interfax' && e.participants.some((p: any) => p.role === 'SPEAKER' && p.actor.slug === 'sergei-ryabkov'),
    );
    expect(statement).toBeDefined();
    expect(statement.quoteType).toBe('DIRECT');
    expect(statement.quote).toMatch(/headway|продвинулись|прогресс/i);
    expect(statement.citations.length).toBeGreaterThan(0);
  });

  it('Ryabkov and Nuland met in Moscow in October 2021, after the entry bans were lifted', async () => {
    const meetings = await find({ from: '2021-10-11', to: '2021-10-13', kinds: ['MEETING'] });
    const talks = meetings.find((m) =>
      ['sergei-ryabkov', 'victoria-nuland'].every((a) => m.participants.some((p: any) => p.actor.slug === a)),
    );
    expect(talks).toBeDefined();
    const lifting = talks.links.find((l: any) => l.direction === 'OUTGOING' && l.event.kind === 'SANCTION');
    expect(lifting).toBeDefined();
    const [sanction] = (await find({ from: '2021-09-01', to: '2021-10-12', kinds: ['SANCTION'] })).filter(
      (s) => s.slug === lifting.event.slug,
    );
    expect(sanction.sanctionAction).toBe('LIFTED');
  });

  it("The senators' letter to President Biden responds to the Kremlin's cuts to the U.S. mission", async () => {
    const letters = (await find({ from: '2021-09-25', to: '2021-10-11', kinds: ['STATEMENT'] })).filter((s) => s.medium === 'LETTER');
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'ADDRESSEE', actor: { slug: 'joe-biden' } })]),
    );
    const response = letter.links.find((l: any) => l.type === 'RESPONDS_TO' && l.direction === 'OUTGOING');
    expect(response?.event.kind).toBe('MISSION');
  });

  it("The Kremlin's earlier moves to cut the U.S. mission's staff are recorded as mission actions", async () => {
    const actions = await find({ from: '2021-04-01', to: '2021-08-31', kinds: ['MISSION'], directions: ['RU_TO_US'] });
    expect(actions.length).toBeGreaterThanOrEqual(2);
  });
});

import type { TestApp } from '../test-support/app';
import { withFixtureApp } from '../test-support/fixture-app';

let app: TestApp;
withFixtureApp((fixture) => ({ app } = fixture));

const slugs = async (filter: Record<string, unknown>, first = 50) => {
  const res = await app.gql(
    `query($filter: EventFilter, $first: Int) { events(filter: $filter, first: $first) { totalCount nodes { slug } } }`,
    { filter, first },
  );
  expect(res.errors).toBeUndefined();
  return res.data.events.nodes.map((n: { slug: string }) => n.slug);
};

describe('events: filters', () => {
  it('Given a window, Then events whose span overlaps it are returned, including a meeting that started before it', async () => {
    expect(await slugs({ from: '2021-10-12', to: '2021-10-31' })).toEqual(['e2-meeting', 'e1-statement']);
  });

  it('Given kinds, Then only those kinds are returned', async () => {
    expect(await slugs({ kinds: ['SANCTION', 'MISSION'] })).toEqual(['e3-sanction', 'e4-mission']);
  });

  it('Given an actor, Then events in which the actor took part in any role are returned', async () => {
    const actors = await app.gql(`{ actors(search: "Рябков") { nodes { id name } } }`);
    expect(actors.data.actors.nodes).toEqual([expect.objectContaining({ name: 'Sergei Ryabkov' })]);
    expect(await slugs({ actorIds: [actors.data.actors.nodes[0].id] })).toEqual(['e2-meeting', 'e1-statement']);
  });

  it('Given countries, Then events with a participant from those countries are returned', async () => {
    expect(await slugs({ countries: ['CH'] })).toEqual(['e5-agreement']);
  });

  it('Given tags, Then events carrying any of them are returned', async () => {
    expect(await slugs({ tags: ['arms control', 'sanctions'] })).toEqual(['e5-agreement', 'e3-sanction']);
  });

  it('Given a minimum importance and a direction, Then both must hold', async () => {
    expect(await slugs({ minImportance: 4, directions: ['RU_TO_US'] })).toEqual(['e4-mission']);
  });

  it('Given a search term, Then titles, quotes and actor names are searched', async () => {
    expect(await slugs({ search: 'headway' })).toEqual(['e1-statement']);
    expect(await slugs({ search: 'Nuland' })).toEqual(['e2-meeting']);
  });
});

describe('events: pagination', () => {
  it('Given page size 2, When following endCursor, Then every event comes exactly once in date order, across equal dates', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await app.gql(
        `query($after: String) { events(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug startDate } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.events.totalCount).toBe(9);
      seen.push(...res.data.events.edges.map((e: any) => e.node.slug));
      after = res.data.events.pageInfo.hasNextPage ? res.data.events.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(9);
    expect(seen.filter((s) => s.includes('same-day'))).toHaveLength(3);
    expect(seen[0]).toBe('e9-month');
  });
});

describe('events: one event and its relations', () => {
  it('Given a slug, Then the event comes with its kind fields, participants, citations and links both ways', async () => {
    const res = await app.gql(`{
      event(id: "e3-sanction") {
        __typename title tone
        ... on Sanction { action program measures }
        participants { role side actor { name } }
        citations { source { url publisher publishedAt } }
        links { type direction event { slug } }
      } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.event).toEqual({
      __typename: 'Sanction',
      title: 'Treasury sanctions',
      tone: -8,
      action: 'IMPOSED',
      program: 'EO 14024',
      measures: ['ASSET_FREEZE'],
      participants: [{ role: 'AUTHORITY', side: 'US', actor: { name: 'Office of Foreign Assets Control' } }],
      citations: [{ source: { url: 'https://example.org/source-3', publisher: 'Example Wire', publishedAt: '2021-01-01' } }],
      links: [{ type: 'RETALIATES_FOR', direction: 'INCOMING', event: { slug: 'e4-mission' } }],
    });
  });

  it('Given a statement, Then its quote, outlet and speakers are there', async () => {
    const res = await app.gql(
      `{ event(id: "e1-statement") { ... on Statement { quote quoteType medium outlet { name } speakers { name } } links { type direction event { slug } } } }`,
    );
    expect(res.data.event).toEqual({
      quote: 'I cannot say we made much headway',
      quoteType: 'DIRECT',
      medium: 'INTERVIEW',
      outlet: { name: 'Interfax' },
      speakers: [{ name: 'Sergei Ryabkov' }],
      links: [{ type: 'FOLLOWS_UP', direction: 'OUTGOING', event: { slug: 'e2-meeting' } }],
    });
  });

  it('Given a role, Then only participants in that role are listed', async () => {
    const res = await app.gql(
      `{ event(id: "e2-meeting") { participants(role: PARTICIPANT) { actor { slug } } location { name country } } }`,
    );
    expect(res.data.event.participants).toHaveLength(2);
    expect(res.data.event.location).toEqual({ name: 'Moscow', country: 'RU' });
  });

  it('Given an unknown id, Then event is null', async () => {
    const res = await app.gql(`{ event(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.event).toBeNull();
  });
});

describe('timeline', () => {
  it('Given maxItems 3 over the year, Then the three most important events come back and the rest are counted', async () => {
    const res = await app.gql(
      `{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 3) { totalCount events { slug importance } omitted { from to count } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { totalCount, events, omitted } = res.data.timeline;
    expect(totalCount).toBe(8);
    expect(events.map((e: any) => e.importance).sort()).toEqual([4, 5, 5]);
    expect(omitted.reduce((n: number, b: any) => n + b.count, 0)).toBe(5);
    for (const bucket of omitted) expect(bucket.from <= bucket.to).toBe(true);
  });

  it('Given maxItems above the count, Then every event in the window is returned and nothing is omitted', async () => {
    const res = await app.gql(
      `{ timeline(from: "2014-01-01", to: "2021-12-31", maxItems: 100) { totalCount events { slug } omitted { count } } }`,
    );
    expect(res.data.timeline.events).toHaveLength(9);
    expect(res.data.timeline.omitted).toEqual([]);
  });

  it('dataRange spans the earliest start and the latest end', async () => {
    const res = await app.gql(`{ dataRange { from to } }`);
    expect(res.data.dataRange).toEqual({ from: '2014-03-01', to: '2021-10-13' });
  });
});

describe('bad input', () => {
  it.each([
    ['first: 0', '{ events(first: 0) { totalCount } }', /first/],
    ['first: 101', '{ events(first: 101) { totalCount } }', /first must not be greater than 100/],
    ['an unknown cursor', '{ events(after: "bm90LWEtY3Vyc29y") { totalCount } }', /Argument "after" is not a valid cursor/],
    ['a malformed date', '{ events(filter: { from: "2021-13-01" }) { totalCount } }', /Date must be a calendar day/],
    ['from after to', '{ timeline(from: "2021-12-01", to: "2021-01-01") { totalCount } }', /"from" must not be after "to"/],
    ['maxItems: 501', '{ timeline(from: "2021-01-01", to: "2021-12-31", maxItems: 501) { totalCount } }', /maxItems/],
  ])('Given %s, Then the error is BAD_USER_INPUT and names the argument', async (_name, query, message) => {
    const res = await app.gql(query);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('Given a malformed date in a variable, Then the error is BAD_USER_INPUT and names the variable', async () => {
    const res = await app.gql('query($from: Date!) { timeline(from: $from, to: "2021-12-31") { totalCount } }', { from: '12/10/2021' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/\$from/);
  });

  it('Given a validation error, Then the whole input is not echoed back', async () => {
    const res = await app.gql('{ events(first: 500, filter: { search: "secret-marker" }) { totalCount } }');
    expect(JSON.stringify(res.errors)).not.toMatch(/secret-marker/);
  });
});

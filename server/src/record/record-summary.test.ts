// The About page's counts come from the live record: they follow the data, deletions included.
import type { TestDatabase } from '../test-support/db';
import type { TestApp } from '../test-support/app';
import { withFixtureApp } from '../test-support/fixture-app';
import { FIXTURE_EVENTS } from '../test-support/fixture';

let db: TestDatabase;
let app: TestApp;
withFixtureApp((fixture) => ({ db, app } = fixture));

const SUMMARY = `{ recordSummary { events sources citations actors singleSourceEvents firstEventDate latestEventDate lastChangedAt
  byKindAndYear { year kind count } } dataRange { from to latestEventDate } }`;

describe('recordSummary', () => {
  it('counts the events by kind and year, the sources, the citations and the dates, as the dataset holds them', async () => {
    const res = await app.gql(SUMMARY);
    expect(res.errors).toBeUndefined();
    const summary = res.data.recordSummary;
    const expected = new Map<string, number>();
    for (const e of FIXTURE_EVENTS)
      expected.set(`${e.startDate.slice(0, 4)} ${e.kind}`, (expected.get(`${e.startDate.slice(0, 4)} ${e.kind}`) ?? 0) + 1);
    expect(
      new Map(summary.byKindAndYear.map((r: { year: number; kind: string; count: number }) => [`${r.year} ${r.kind}`, r.count])),
    ).toEqual(expected);
    const citations = FIXTURE_EVENTS.flatMap((e) => e.citations ?? []);
    expect(summary).toMatchObject({
      events: FIXTURE_EVENTS.length,
      citations: citations.length,
      sources: new Set(citations.map((c) => c.url)).size,
      singleSourceEvents: FIXTURE_EVENTS.filter((e) => e.citations?.length === 1).length,
      firstEventDate: FIXTURE_EVENTS.map((e) => e.startDate).sort()[0],
      latestEventDate: FIXTURE_EVENTS.map((e) => e.startDate)
        .sort()
        .at(-1),
    });
    expect(Date.parse(summary.lastChangedAt)).toBeGreaterThan(Date.now() - 600_000);
    // The meeting that runs 11–13 October ends after the latest start: dataRange.to and latestEventDate differ.
    expect(res.data.dataRange.latestEventDate).toBe(summary.latestEventDate);
    expect(res.data.dataRange.to >= res.data.dataRange.latestEventDate).toBe(true);
  });

  it('a deleted event is no longer counted', async () => {
    const before = (await app.gql(SUMMARY)).data.recordSummary.events;
    await db.dataSource.query(`UPDATE event SET deleted_at = now() WHERE slug = 'e9-month'`);
    const after = (await app.gql(SUMMARY)).data.recordSummary;
    expect(after.events).toBe(before - 1);
    expect(after.firstEventDate).not.toBe('2014-03-01');
  });
});

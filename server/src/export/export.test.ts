// The export endpoints over real PostgreSQL: every format parses back, and its rows are the API's answer for the
// same filter, across more than one keyset page.
import { parse as parseCsv } from 'csv-parse/sync';
import ical from 'node-ical';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { GraphQLResponse, startTestApp, TestApp } from '../test-support/app';
import { FIXTURE_EVENTS, fixtureFiles } from '../test-support/fixture';
import { importDataset } from '../dataset/dataset.store';
import type { DatasetEvent } from '../dataset/dataset.types';
import { EXPORT_PAGE_SIZE } from './export.events';

/** More events than one export page, so the files prove the keyset walk reaches the end. */
const BULK = EXPORT_PAGE_SIZE + 31;
const bulkEvents: DatasetEvent[] = Array.from({ length: BULK }, (_, i) => ({
  id: `bulk-${i}`,
  kind: 'STATEMENT',
  title: `Bulk statement ${i}`,
  // Several per day, so the cursor must hold across equal dates.
  startDate: `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`,
  direction: 'RU_TO_US',
  cameoCode: '012',
  importance: 1,
  tags: ['bulk'],
  medium: 'BRIEFING',
  participants: [],
  citations: [
    { url: `https://example.org/bulk-${i % 7}`, title: `Bulk source ${i % 7}`, publisher: 'Example Wire', publishedAt: '2019-01-01' },
  ],
}));

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await importDataset(db.dataSource, fixtureFiles([...FIXTURE_EVENTS, ...bulkEvents]));
  app = await startTestApp(db.dataSource);
});
afterAll(async () => {
  await app.stop();
  await db.drop();
});

interface ApiEvent {
  id: string;
  slug: string;
  title: string;
  startDate: string;
  datePrecision: string;
  kind: string;
  participants: Array<{ role: string; actor: { slug: string } }>;
  citations: Array<{ source: { url: string } }>;
}

/** Every event the API lists for a filter, in date order, page after page. */
async function apiEvents(filter: Record<string, unknown>): Promise<ApiEvent[]> {
  const events: ApiEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse = await app.gql(
      `query($filter: EventFilter, $after: String) { events(filter: $filter, orderBy: DATE_ASC, first: 100, after: $after) {
         pageInfo { hasNextPage endCursor }
         nodes { id slug title startDate datePrecision kind participants { role actor { slug } } citations { source { url } } } } }`,
      { filter, after },
    );
    expect(res.errors).toBeUndefined();
    events.push(...res.data.events.nodes);
    if (!res.data.events.pageInfo.hasNextPage) return events;
    after = res.data.events.pageInfo.endCursor;
  }
}

const download = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { response, text: await response.text() };
};

const VIEW = '?kind=STATEMENT&kind=SANCTION&from=2019-01-01&to=2021-12-31';
const VIEW_FILTER = { kinds: ['STATEMENT', 'SANCTION'], from: '2019-01-01', to: '2021-12-31' };

describe('CSV', () => {
  it('given a filtered view, when exported, then its rows are the API’s events for that filter, in order, with their sources', async () => {
    const { response, text } = await download(`/export/events.csv${VIEW}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="detente-events-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(text.split('\n')[0]).toMatch(
      /^# Détente: .*the view \?kind=STATEMENT&kind=SANCTION&from=2019-01-01&to=2021-12-31, taken \d{4}-/,
    );
    const rows: Array<Record<string, string>> = parseCsv(text, { columns: true, comment: '#' });
    const expected = await apiEvents(VIEW_FILTER);
    expect(expected.length).toBeGreaterThan(EXPORT_PAGE_SIZE);
    expect(rows.map((r) => r.slug)).toEqual(expected.map((e) => e.slug));
    expect(rows.map((r) => [r.id, r.title, r.startDate, r.kind])).toEqual(expected.map((e) => [e.id, e.title, e.startDate, e.kind]));
    expect(rows.map((r) => r.sourceUrls.split('\n'))).toEqual(expected.map((e) => e.citations.map((c) => c.source.url)));
    const statement = rows.find((r) => r.slug === 'e1-statement')!;
    expect(statement).toMatchObject({
      quote: 'I cannot say we made much headway',
      outlet: 'Interfax',
      cameoCode: '012',
      cameoLabel: expect.stringMatching(/\w/),
      participants: 'Sergei Ryabkov (SPEAKER, RU)',
      links: 'FOLLOWS_UP OUTGOING e2-meeting',
      tags: 'diplomatic missions',
    });
    expect(rows.find((r) => r.slug === 'e3-sanction')).toMatchObject({ program: 'EO 14024', measures: 'ASSET_FREEZE' });
  });

  it('given no filter, when exported, then the whole record is there, not one page of it', async () => {
    const rows = parseCsv((await download('/export/events.csv')).text, { columns: true, comment: '#' });
    expect(rows).toHaveLength(FIXTURE_EVENTS.length + BULK);
  });

  it('given a search and an actor, when exported, then only the API’s matches are in it', async () => {
    const rows: Array<Record<string, string>> = parseCsv((await download('/export/events.csv?q=Ryabkov&actor=ryabkov')).text, {
      columns: true,
      comment: '#',
    });
    const expected = await apiEvents({ search: 'Ryabkov', actorIds: ['ryabkov'] });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.slug)).toEqual(expected.map((e) => e.slug));
  });
});

describe('JSON', () => {
  it('names the dataset and the moment it was taken, and holds every event with participants, sources and links', async () => {
    const { response, text } = await download(`/export/events.json${VIEW}&view=list&event=e1-statement`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const file = JSON.parse(text);
    expect(file.dataset).toMatchObject({ title: expect.stringContaining('Détente'), view: `${VIEW}` });
    expect(Date.parse(file.dataset.takenAt)).toBeGreaterThan(Date.now() - 60_000);
    const expected = await apiEvents(VIEW_FILTER);
    expect(file.count).toBe(expected.length);
    expect(file.events.map((e: ApiEvent) => e.slug)).toEqual(expected.map((e) => e.slug));
    const statement = file.events.find((e: { slug: string }) => e.slug === 'e1-statement');
    expect(statement.participants).toEqual([{ actor: expect.objectContaining({ slug: 'ryabkov' }), role: 'SPEAKER', side: 'RU' }]);
    expect(statement.citations[0].source).toMatchObject({ url: 'https://example.org/source-1', publisher: 'Example Wire' });
    expect(statement.links).toEqual([
      { type: 'FOLLOWS_UP', direction: 'OUTGOING', event: expect.objectContaining({ slug: 'e2-meeting' }) },
    ]);
    expect(statement.outlet).toMatchObject({ slug: 'interfax' });
  });
});

describe('ICS', () => {
  it('parses as a calendar of the view’s events dated to the day, multi-day events spanning their days', async () => {
    const { response, text } = await download('/export/events.ics?from=2014-01-01&to=2021-12-31&kind=MEETING');
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = ical.sync.parseICS(text);
    const events = Object.values(calendar).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    // The March 2014 meeting is known only to the month: a calendar cannot place it, so it is left out.
    expect(events.map((e) => e.summary)).toEqual(['Ryabkov and Nuland meet in Moscow']);
    const [meeting] = events;
    expect(meeting.datetype).toBe('date');
    expect([meeting.start.getFullYear(), meeting.start.getMonth() + 1, meeting.start.getDate()]).toEqual([2021, 10, 11]);
    // DTEND is exclusive: the meeting ran 11–13 October.
    expect([meeting.end!.getMonth() + 1, meeting.end!.getDate()]).toEqual([10, 14]);
    expect(meeting.description).toContain('https://example.org/source-2');
    expect(text).not.toMatch(/\r\n\r\n/);
    // Long lines are folded (RFC 5545): unfolded, the calendar's name says what view it is and when it was taken.
    expect(text.replace(/\r\n[ \t]/g, '')).toMatch(
      /X-WR-CALNAME:Détente, the view \?from=2014-01-01&to=2021-12-31&kind=MEETING \(taken \d{4}-\d{2}-\d{2}\)/,
    );
  });
});

describe('citations', () => {
  it('BibTeX parses back: the dataset, one entry per event and each cited source once', async () => {
    const { response, text } = await download('/export/events.bib?tag=diplomatic%20missions');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-bibtex/);
    expect(text).toMatch(/^@comment\{Détente: .* taken \d{4}-/);
    const items = new Cite(text).data;
    const ids = items.map((item) => item.id);
    const expected = await apiEvents({ tags: ['diplomatic missions'] });
    expect(ids[0]).toBe('detente');
    expect(ids.filter((id) => !String(id).startsWith('source-') && id !== 'detente')).toEqual(expected.map((e) => e.slug));
    const sourceUrls = new Set(expected.flatMap((e) => e.citations.map((c) => c.source.url)));
    expect(items.filter((item) => String(item.id).startsWith('source-')).map((item) => item.URL)).toEqual([...sourceUrls]);
  });

  it('CSL-JSON is an array of items whose first is the dataset, dated the day it was taken', async () => {
    const items = JSON.parse((await download('/export/events.csl.json?kind=AGREEMENT')).text);
    expect(items[0]).toMatchObject({ id: 'detente', type: 'dataset', note: expect.stringContaining('?kind=AGREEMENT') });
    const today = new Date().toISOString().slice(0, 10).split('-').map(Number);
    expect(items[0].accessed['date-parts'][0]).toEqual(today);
    expect(items[1]).toMatchObject({
      id: 'e5-agreement',
      type: 'entry',
      title: 'New START extended',
      issued: { 'date-parts': [[2021, 2, 3]] },
    });
    expect(items[2]).toMatchObject({ type: 'webpage', URL: 'https://example.org/source-5', 'container-title': 'Example Wire' });
  });

  it('Copy citation: one event and its sources as APA references', async () => {
    const { response, text } = await download('/export/citation.txt?event=e1-statement');
    expect(response.status).toBe(200);
    expect(text).toMatch(/^Ryabkov speaks to Interfax\. \(2021\)\. In Détente: .* http:\/\/127\.0\.0\.1:\d+\/\?event=e1-statement\n/);
    expect(text).toContain('Sources:\nSource 1. (2021, January 1). Example Wire. https://example.org/source-1');
  });
});

describe('bad input', () => {
  it.each([
    ['/export/events.csv?kind=NOPE', 'kind'],
    ['/export/events.json?from=2021-02-30', 'from'],
    ['/export/events.ics?from=2022-01-01&to=2021-01-01', 'from'],
    ['/export/events.bib?actor=%3Cscript%3E', 'actor'],
    [`/export/events.csl.json?q=${'x'.repeat(201)}`, 'q'],
    ['/export/citation.txt?event=e1-statement&style=mla', 'style'],
  ])('%s is refused with BAD_USER_INPUT naming %s', async (path, field) => {
    const { response, text } = await download(path);
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('a citation of an event that does not exist is NOT_FOUND', async () => {
    const { response, text } = await download('/export/citation.txt?event=no-such-event');
    expect(response.status).toBe(404);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('rate limit', () => {
  it('exports count against the per-client request budget: past it, RATE_LIMITED, and nothing is streamed', async () => {
    const limited = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${limited.url}/export/events.csv?kind=AGREEMENT`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await fetch(`${limited.url}/export/events.json`);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
        'RATE_LIMITED',
      );
    } finally {
      await limited.stop();
    }
  });
});

// The warnings data:check prints: slips a valid record can hold, found mechanically.
import { fixtureFiles, FIXTURE_EVENTS } from '../test-support/fixture';
import { datasetWarnings, isOfficialUrl } from './dataset.checks';
import type { DatasetEvent } from './dataset.types';

const statement = FIXTURE_EVENTS.find((e) => e.id === 'e1-statement')!;
/** The same remarks as e1-statement, recorded once more as an agreement. */
const twin: DatasetEvent = {
  id: 'e1-twin-agreement',
  kind: 'AGREEMENT',
  title: 'Ryabkov announces a treaty step',
  startDate: statement.startDate,
  direction: 'RU_TO_US',
  cameoCode: '057',
  importance: 3,
  tags: [],
  action: 'SUSPENDED',
  instrument: 'INF Treaty',
  participants: [{ actor: 'ryabkov', role: 'AUTHORITY' }],
  citations: [...statement.citations, { url: 'https://example.org/another', title: 'Another', publisher: 'Example Wire' }],
};

describe('data:check warnings', () => {
  it('Given two events on one day with the same sources and speakers, Then the later one is reported as the same remarks twice', () => {
    const warnings = datasetWarnings(fixtureFiles([...FIXTURE_EVENTS, twin]));
    expect(warnings).toEqual([
      expect.objectContaining({
        record: 'e1-twin-agreement',
        message: expect.stringMatching(/same remarks recorded twice.*e1-statement|e1-statement.*twice/),
      }),
    ]);
  });

  it('Given the same day but a source the other does not cite on each side, Then nothing is reported', () => {
    const other = { ...twin, citations: [{ url: 'https://example.org/another', title: 'Another', publisher: 'Example Wire' }] };
    expect(datasetWarnings(fixtureFiles([...FIXTURE_EVENTS, other]))).toEqual([]);
  });

  it('Given the same day and sources but a speaker who is not in the other event, Then nothing is reported', () => {
    const other = { ...twin, participants: [{ actor: 'nuland', role: 'SPEAKER' as const }] };
    expect(datasetWarnings(fixtureFiles([...FIXTURE_EVENTS, other]))).toEqual([]);
  });

  it('Given a REPORTED event citing an official page, Then it is reported; CONFIRMED, it is not', () => {
    const official = {
      url: 'https://www.state.gov/briefings/department-press-briefing',
      title: 'Briefing',
      publisher: 'U.S. Department of State',
    };
    const reported = FIXTURE_EVENTS.map((e) =>
      e.id === 'e3-sanction' ? { ...e, verification: 'REPORTED' as const, citations: [...e.citations, official] } : e,
    );
    expect(datasetWarnings(fixtureFiles(reported))).toEqual([
      expect.objectContaining({ record: 'e3-sanction', message: expect.stringMatching(/REPORTED.*state\.gov/) }),
    ]);
    const confirmed = reported.map((e) => (e.id === 'e3-sanction' ? { ...e, verification: 'CONFIRMED' as const } : e));
    expect(datasetWarnings(fixtureFiles(confirmed))).toEqual([]);
  });

  it.each([
    ['https://www.state.gov/x', true],
    ['https://home.treasury.gov/news/press-releases/jy0001', true],
    ['http://en.kremlin.ru/events/president/news/1', true],
    ['https://mid.ru/en/foreign_policy/news/1', true],
    ['https://news.un.org/en/story/1', true],
    ['https://ru.usembassy.gov/x', true],
    ['https://russianembassy.org/x', true],
    ['https://www.federalregister.gov/d/2021-08000', true],
    ['https://www.reuters.com/world/x', false],
    ['https://notstate.gov.example.com/x', false],
    ['https://fakemid.ru/x', false],
  ])('%s is an official page: %s', (url, official) => {
    expect(isOfficialUrl(url)).toBe(official);
  });
});

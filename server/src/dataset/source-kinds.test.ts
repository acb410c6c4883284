// Citation URLs sorted into official pages, outlets and aggregators, and the shares counted from them.
import type { DatasetEvent } from './dataset.types';
import { classifySource, sourceStats } from './source-kinds';

describe('classifySource', () => {
  it.each([
    'https://www.state.gov/secretary-rubios-call-with-russian-foreign-minister-lavrov',
    'https://2017-2021.state.gov/press-statement',
    'https://home.treasury.gov/news/press-releases/sb0290',
    'https://ofac.treasury.gov/recent-actions/20251022',
    'https://www.federalregister.gov/documents/2025/04/10/notice',
    'https://www.whitehouse.gov/briefings-statements/2025/03/statement',
    'https://obamawhitehouse.archives.gov/the-press-office/2016/12/29/statement',
    'https://dod.defense.gov/News/Releases/',
    'https://ru.usembassy.gov/ambassador/',
    'http://en.kremlin.ru/events/president/news/76512',
    'https://www.mid.ru/ru/foreign_policy/news/2001234/',
    'https://washington.mid.ru/en/press-centre/news/',
    'http://rusembindia.com/home/foreign-policy-news/138-foreign-policy-news/8646-telephone-conversation',
    'http://fr.ambruslu.com/essentiel-en-russie/at-the-us-initiative-vladimir-putin-had-a-telephone-conversation-with-us-president-barack-obama.html',
    'https://share.america.gov/russian-violations-prompt-u-s-pullback-from-inf-treaty/',
    'https://press.un.org/en/2025/sc16000.doc.htm',
    'https://russische-botschaft.ru/de/2025/02/18/pressemitteilung/',
    'https://www.esteri.it/it/sala_stampa/archivionotizie/comunicati/2025/06/comunicato/',
    'http://duma.gov.ru/news/1/',
    'https://content.govdelivery.com/accounts/USTREAS/bulletins/30c2a69',
  ])('Given the official page %s, Then it is OFFICIAL', (url) => {
    expect(classifySource(url)).toBe('OFFICIAL');
  });

  it.each([
    'https://www.reuters.com/world/europe/story',
    'https://tass.com/politics/1900000',
    'https://apnews.com/article/abc',
    'https://www.kommersant.ru/doc/1',
    'https://meduza.io/en/news/2025/02/27/x',
    'https://www.govtech.com/policy/not-a-government-site',
    'https://gov.example.com/not-official',
    'https://www.gibsondunn.com/client-alert',
  ])('Given the outlet page %s, Then it is OUTLET', (url) => {
    expect(classifySource(url)).toBe('OUTLET');
  });

  it.each([
    'https://www.urdupoint.com/en/world/russia-us.html',
    'https://pledgetimes.com/story/',
    'https://www.devdiscourse.com/article/politics/1',
    'https://dnyuz.com/2025/02/18/x/',
    'https://menafn.com/1109000000/x',
    'https://www.newsbreak.com/news/1',
    'https://social-ambassador.com/x',
    'https://news.yahoo.com/russia-us-talks.html',
    'https://img1-azrcdn.newser.com/story/1',
    'https://federal.elaws.us/fedreg/2023-11488',
    'https://www.presidency.ucsb.edu/documents/x',
  ])('Given the aggregator or mirror %s, Then it is AGGREGATOR', (url) => {
    expect(classifySource(url)).toBe('AGGREGATOR');
  });

  it('Given a GovDelivery page outside a US agency account, Then it is not official', () => {
    expect(classifySource('https://content.govdelivery.com/accounts/SOMECITY/bulletins/1')).toBe('OUTLET');
  });

  it('Given a URL that does not parse, Then it counts as an outlet rather than failing', () => {
    expect(classifySource('not a url')).toBe('OUTLET');
  });
});

const event = (id: string, startDate: string, kind: DatasetEvent['kind'], urls: string[]): DatasetEvent => ({
  id,
  kind,
  title: id,
  startDate,
  direction: 'MUTUAL',
  cameoCode: '040',
  importance: 2,
  tags: [],
  participants: [],
  citations: urls.map((url) => ({ url, title: 't', publisher: 'p', publishedAt: startDate })),
});

describe('sourceStats', () => {
  const events = [
    event('b', '2025-02-18', 'MEETING', ['https://www.state.gov/a', 'https://www.reuters.com/b']),
    event('a', '2024-12-27', 'STATEMENT', ['https://www.urdupoint.com/c']),
    event('c', '2026-06-24', 'STATEMENT', ['https://tass.com/d', 'https://www.devdiscourse.com/e']),
  ];
  const stats = sourceStats(events);

  it('Given events of three years, Then citations are counted by source kind overall and per year', () => {
    expect(stats.citations).toEqual({ OFFICIAL: 1, OUTLET: 2, AGGREGATOR: 2 });
    expect(stats.citationTotal).toBe(5);
    expect(stats.years.map((y) => [y.year, y.events, y.citations.OFFICIAL, y.eventKinds])).toEqual([
      ['2024', 1, 0, { STATEMENT: 1 }],
      ['2025', 1, 1, { MEETING: 1 }],
      ['2026', 1, 0, { STATEMENT: 1 }],
    ]);
  });

  it('Given those events, Then it counts events with an official citation, aggregator-only and single-citation events', () => {
    expect(stats.eventsWithOfficial).toBe(1);
    expect(stats.aggregatorOnlyEvents).toBe(1);
    expect(stats.singleCitationEvents).toBe(1);
  });

  it('Given events out of date order, Then the period runs from the earliest to the latest event', () => {
    expect([stats.firstDate, stats.latestDate, stats.latestEventId]).toEqual(['2024-12-27', '2026-06-24', 'c']);
  });

  it('Given no events, Then the counts are zero and the period is empty', () => {
    expect(sourceStats([])).toMatchObject({ events: 0, citationTotal: 0, firstDate: null, latestDate: null, years: [] });
  });
});

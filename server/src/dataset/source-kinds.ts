// What kind of source a citation URL is (official page, news outlet, aggregator or mirror), and the dataset's
// source shares built on it; `npm run data:stats` prints them and server/data/README.md reports them.
import type { DatasetEvent } from './dataset.types';

export type SourceKind = 'OFFICIAL' | 'OUTLET' | 'AGGREGATOR';
export const SOURCE_KINDS: readonly SourceKind[] = ['OFFICIAL', 'OUTLET', 'AGGREGATOR'];

// Any US government host (.gov, .mil) and national ones under .gov.xx / .mil.xx (duma.gov.ru, mil.ru, gov.uk).
const GOVERNMENT_HOST = /(^|\.)(gov|mil)(\.[a-z]{2})?$/;

// Official hosts outside .gov: the Kremlin, the Russian MFA and its embassies, Russian ministries, the UN and
// the bodies whose statements the record cites. A subdomain counts too (washington.mid.ru, press.un.org).
const OFFICIAL_DOMAINS = [
  'kremlin.ru',
  'mid.ru',
  'government.ru',
  'russianembassy.org',
  'rusemb.org.uk',
  'rusembindia.com',
  'ambruslu.com', // the Russian embassy in Luxembourg
  'russische-botschaft.ru', // the Russian embassy in Germany
  'esteri.it', // the Italian foreign ministry
  'un.org',
  'nato.int',
  'osce.org',
  'europa.eu',
];

// Pages that copy other publishers' text without reporting it themselves: news aggregators and content farms,
// feed mirrors, and copies of official documents kept by third parties (elaws, Justia, vLex, EveryCRSReport…).
// The original publisher of such a page goes in the citation's `publisher`, e.g. "Devdiscourse (Reuters)".
const AGGREGATOR_DOMAINS = [
  // news aggregators, syndication farms and scrapers
  'urdupoint.com',
  'pledgetimes.com',
  'devdiscourse.com',
  'dnyuz.com',
  'menafn.com',
  'newsbreak.com',
  'social-ambassador.com',
  'explica.co',
  'washingtonnewsday.com',
  'breakinglatest.news',
  'exbulletin.com',
  'tellerreport.com',
  'newssummedup.com',
  'onenewspage.co.uk',
  'newsflash.one',
  'news360.es',
  'news.yahoo.com',
  'newser.com',
  'latestly.com',
  'bignewsnetwork.com',
  'dailypremiumbulletin.com',
  'publicitytop.com',
  'gamereactor.eu',
  'chattythat.news',
  'frominsideasia.com',
  'kluemedia.com',
  'prchief.com',
  'webull.ca',
  'investing.com',
  'd1softballnews.com',
  'dagens.com',
  'essanews.com',
  'encyclopedic.co.uk',
  'citable.com',
  'dailynewsbrief.com',
  'metapress.net',
  'novini.co',
  'griftbook.info',
  'am1.news',
  'truthandresistance.com',
  'michaelsavage.com',
  'sott.net',
  'defenddemocracy.press',
  'dawncrescent.wordpress.com',
  'yenihaberden.com',
  'apusa.us',
  'stl.news',
  'yumanewsnow.com',
  'einpresswire.com',
  'longform.social',
  'rusreality.com',
  'russland.ru',
  'ghafla.co.ke',
  'derechos.org',
  'pubt.io',
  'multizone.cz',
  'ho1.us',
  'euromedsalut.net',
  'binj.in',
  'justearthnews.com',
  'news-pravda.com',
  'pravda-news.xyz',
  'qz86.com.cn',
  'feedpress.me',
  'russialist.org',
  'newssniffer.co.uk',
  'derechos.org',
  // third-party copies of official documents
  'federal.elaws.us',
  'regulations.justia.com',
  'regulations.vlex.com',
  'everycrsreport.com',
  'presidency.ucsb.edu',
  'fraser.stlouisfed.org',
  'sanctions.org',
  'mrsanctions.com',
  'iamaware.us',
];

// GovDelivery hosts the bulletins US agencies send themselves (accounts USTREAS, USSTATEBPA…).
const isGovDeliveryBulletin = (host: string, pathname: string) => host === 'content.govdelivery.com' && /^\/accounts\/US/i.test(pathname);

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The kind of source behind a citation URL; anything not official or a known aggregator is an outlet. */
export function classifySource(url: string): SourceKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'OUTLET';
  }
  const host = parsed.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (GOVERNMENT_HOST.test(host) || OFFICIAL_DOMAINS.some((d) => onDomain(host, d))) return 'OFFICIAL';
  if (isGovDeliveryBulletin(host, parsed.pathname)) return 'OFFICIAL';
  if (AGGREGATOR_DOMAINS.some((d) => onDomain(host, d))) return 'AGGREGATOR';
  return 'OUTLET';
}

type KindCounts = Record<SourceKind, number>;
const zeroKinds = (): KindCounts => ({ OFFICIAL: 0, OUTLET: 0, AGGREGATOR: 0 });

export interface YearSources {
  year: string;
  events: number;
  /** events of each event kind (STATEMENT, MEETING…) */
  eventKinds: Record<string, number>;
  citations: KindCounts;
  eventsWithOfficial: number;
}

export interface SourceStats {
  events: number;
  citations: KindCounts;
  citationTotal: number;
  eventsWithOfficial: number;
  /** events whose every citation is an aggregator or mirror */
  aggregatorOnlyEvents: number;
  singleCitationEvents: number;
  firstDate: string | null;
  latestDate: string | null;
  latestEventId: string | null;
  years: YearSources[];
}

/** Counts events and citations by year, event kind and source kind. */
export function sourceStats(events: readonly DatasetEvent[]): SourceStats {
  const stats: SourceStats = {
    events: events.length,
    citations: zeroKinds(),
    citationTotal: 0,
    eventsWithOfficial: 0,
    aggregatorOnlyEvents: 0,
    singleCitationEvents: 0,
    firstDate: null,
    latestDate: null,
    latestEventId: null,
    years: [],
  };
  const years = new Map<string, YearSources>();
  for (const event of events) {
    const year = event.startDate.slice(0, 4);
    let row = years.get(year);
    if (!row) {
      row = { year, events: 0, eventKinds: {}, citations: zeroKinds(), eventsWithOfficial: 0 };
      years.set(year, row);
    }
    row.events += 1;
    row.eventKinds[event.kind] = (row.eventKinds[event.kind] ?? 0) + 1;
    const kinds = (event.citations ?? []).map((c) => classifySource(c.url));
    for (const kind of kinds) {
      row.citations[kind] += 1;
      stats.citations[kind] += 1;
    }
    stats.citationTotal += kinds.length;
    if (kinds.includes('OFFICIAL')) {
      row.eventsWithOfficial += 1;
      stats.eventsWithOfficial += 1;
    }
    if (kinds.length > 0 && kinds.every((k) => k === 'AGGREGATOR')) stats.aggregatorOnlyEvents += 1;
    if (kinds.length === 1) stats.singleCitationEvents += 1;
    if (!stats.firstDate || event.startDate < stats.firstDate) stats.firstDate = event.startDate;
    if (!stats.latestDate || event.startDate > stats.latestDate) {
      stats.latestDate = event.startDate;
      stats.latestEventId = event.id;
    }
  }
  stats.years = [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
  return stats;
}

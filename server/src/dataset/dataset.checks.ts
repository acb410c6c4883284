// Checks for slips a valid record can still hold, printed by data:check as warnings: each may be right, and
// only a researcher who reads the sources can tell. Rules that are always errors live in events/event.record.ts.
import { ParticipantRole, Verification } from '@detente/shared';
import type { DatasetEvent, DatasetFiles, DatasetProblem, Located } from './dataset.types';

/**
 * Hosts of official pages: governments, their embassies and the UN. A page there is the primary source, so an
 * event citing one is rarely only REPORTED.
 */
export const OFFICIAL_HOSTS = [
  'state.gov',
  'whitehouse.gov',
  'treasury.gov',
  'federalregister.gov',
  'justice.gov',
  'defense.gov',
  'congress.gov',
  'usembassy.gov',
  'kremlin.ru',
  'mid.ru',
  'government.ru',
  'mil.ru',
  'un.org',
];

/** True for a URL on an official host or a subdomain of one (en.kremlin.ru, ru.usembassy.gov, news.un.org), or a Russian embassy's site. */
export function isOfficialUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return false;
  }
  return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) || host.includes('russianembassy');
}

const urlsOf = (e: DatasetEvent) => new Set((Array.isArray(e.citations) ? e.citations : []).map((c) => c?.url));
const speakersOf = (e: DatasetEvent) =>
  (Array.isArray(e.participants) ? e.participants : []).filter((p) => p?.role === ParticipantRole.SPEAKER).map((p) => p.actor);
const actorsOf = (e: DatasetEvent) => new Set((Array.isArray(e.participants) ? e.participants : []).map((p) => p?.actor));
const within = (small: Set<unknown>, large: Set<unknown>) => [...small].every((x) => large.has(x));

/**
 * Two events on one day where one cites nothing the other does not, and every speaker of either takes part in
 * both: often one set of remarks recorded twice (as a STATEMENT and as an AGREEMENT, say).
 */
function sameRemarksTwice(events: Located<DatasetEvent>[]): DatasetProblem[] {
  const byDay = new Map<string, Located<DatasetEvent>[]>();
  for (const item of events) {
    if (typeof item.record?.startDate !== 'string') continue;
    const day = byDay.get(item.record.startDate) ?? [];
    day.push(item);
    byDay.set(item.record.startDate, day);
  }
  const warnings: DatasetProblem[] = [];
  for (const day of byDay.values()) {
    for (let i = 0; i < day.length; i++) {
      for (let j = i + 1; j < day.length; j++) {
        const [a, b] = [day[i].record, day[j].record];
        const [sa, sb] = [urlsOf(a), urlsOf(b)];
        const speakers = [...speakersOf(a), ...speakersOf(b)];
        const [aa, ab] = [actorsOf(a), actorsOf(b)];
        if (!sa.size || !sb.size || !speakers.length) continue;
        if (!(within(sa, sb) || within(sb, sa)) || !speakers.every((s) => aa.has(s) && ab.has(s))) continue;
        warnings.push({
          file: day[j].file,
          record: b.id,
          message: `same day, sources and speakers as ${a.kind} "${a.id}" (${day[i].file}): the same remarks recorded twice?`,
        });
      }
    }
  }
  return warnings;
}

/** An event marked REPORTED although it cites an official page. */
function reportedButOfficial(events: Located<DatasetEvent>[]): DatasetProblem[] {
  return events.flatMap((item) => {
    const e = item.record;
    if (e?.verification !== Verification.REPORTED) return [];
    const official = (Array.isArray(e.citations) ? e.citations : []).filter((c) => typeof c?.url === 'string' && isOfficialUrl(c.url));
    if (!official.length) return [];
    return [
      {
        file: item.file,
        record: e.id,
        message: `verification is REPORTED, but it cites the official page ${official[0].url}: if that page confirms the event, it is CONFIRMED`,
      },
    ];
  });
}

/** Warnings about a dataset that passed validation (dataset.validate.ts). */
export function datasetWarnings(files: DatasetFiles): DatasetProblem[] {
  return [...sameRemarksTwice(files.events), ...reportedButOfficial(files.events)];
}

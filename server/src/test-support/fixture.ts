// A small, hand-made dataset whose every answer can be worked out by hand in the tests.
import type { DatasetActor, DatasetEvent, DatasetFiles } from '../dataset/dataset.types';

const cite = (n: number) => [{ url: `https://example.org/source-${n}`, title: `Source ${n}`, publisher: 'Example Wire', publishedAt: '2021-01-01' }];

export const FIXTURE_ACTORS: DatasetActor[] = [
  { id: 'ryabkov', name: 'Sergei Ryabkov', kind: 'PERSON', country: 'RU', title: 'Deputy Foreign Minister', aliases: ['Сергей Рябков'] },
  { id: 'nuland', name: 'Victoria Nuland', kind: 'PERSON', country: 'US', title: 'Under Secretary of State', aliases: [] },
  { id: 'interfax', name: 'Interfax', kind: 'MEDIA_OUTLET', country: 'RU', aliases: ['Интерфакс'] },
  { id: 'ofac', name: 'Office of Foreign Assets Control', kind: 'GOVERNMENT_BODY', country: 'US', aliases: ['OFAC'] },
  { id: 'un-observer', name: 'An Observer', kind: 'ORGANIZATION', country: 'CH', aliases: [] },
];

const base = { direction: 'MUTUAL', cameoCode: '040', importance: 2, tags: [] as string[] };

export const FIXTURE_EVENTS: DatasetEvent[] = [
  { ...base, id: 'e1-statement', kind: 'STATEMENT', title: 'Ryabkov speaks to Interfax', startDate: '2021-10-12', direction: 'RU_TO_US', cameoCode: '012', importance: 3,
    tags: ['diplomatic missions'], medium: 'INTERVIEW', outlet: 'interfax', quote: 'I cannot say we made much headway', quoteLanguage: 'en', quoteType: 'DIRECT',
    participants: [{ actor: 'ryabkov', role: 'SPEAKER' }], citations: cite(1), links: [{ type: 'FOLLOWS_UP', to: 'e2-meeting' }] },
  { ...base, id: 'e2-meeting', kind: 'MEETING', title: 'Ryabkov and Nuland meet in Moscow', startDate: '2021-10-11', endDate: '2021-10-13', importance: 4,
    tags: ['talks', 'diplomatic missions'], format: 'IN_PERSON', level: 'DEPUTY_MINISTER', location: { name: 'Moscow', country: 'RU' },
    participants: [{ actor: 'ryabkov', role: 'PARTICIPANT' }, { actor: 'nuland', role: 'PARTICIPANT' }], citations: cite(2) },
  { ...base, id: 'e3-sanction', kind: 'SANCTION', title: 'Treasury sanctions', startDate: '2021-04-15', direction: 'US_TO_RU', cameoCode: '163', importance: 5,
    tags: ['sanctions'], action: 'IMPOSED', program: 'EO 14024', measures: ['ASSET_FREEZE'], participants: [{ actor: 'ofac', role: 'AUTHORITY' }], citations: cite(3) },
  { ...base, id: 'e4-mission', kind: 'MISSION', title: 'Russia expels ten U.S. diplomats', startDate: '2021-04-16', direction: 'RU_TO_US', cameoCode: '166', importance: 4,
    tags: ['expulsions', 'diplomatic missions'], action: 'EXPULSION', actingCountry: 'RU', affectedCountry: 'US', personnelCount: 10,
    participants: [], citations: cite(4), links: [{ type: 'RETALIATES_FOR', to: 'e3-sanction' }] },
  { ...base, id: 'e5-agreement', kind: 'AGREEMENT', title: 'New START extended', startDate: '2021-02-03', cameoCode: '057', importance: 5,
    tags: ['arms control'], action: 'EXTENDED', instrument: 'New START', participants: [{ actor: 'un-observer', role: 'MENTIONED' }], citations: cite(5) },
  // Three events on one day, to prove cursors hold across equal dates.
  { ...base, id: 'e6-same-day-a', kind: 'STATEMENT', title: 'Same day A', startDate: '2021-06-16', medium: 'BRIEFING', participants: [], citations: cite(6) },
  { ...base, id: 'e7-same-day-b', kind: 'STATEMENT', title: 'Same day B', startDate: '2021-06-16', medium: 'BRIEFING', participants: [], citations: cite(6) },
  { ...base, id: 'e8-same-day-c', kind: 'STATEMENT', title: 'Same day C', startDate: '2021-06-16', medium: 'BRIEFING', importance: 1, verification: 'DISPUTED', participants: [], citations: cite(6) },
  { ...base, id: 'e9-month', kind: 'MEETING', title: 'Talks some time in March 2014', startDate: '2014-03-01', datePrecision: 'MONTH', format: 'PHONE', level: 'MINISTERIAL',
    importance: 1, participants: [], citations: cite(9) },
];

export function fixtureFiles(events: DatasetEvent[] = FIXTURE_EVENTS, actors: DatasetActor[] = FIXTURE_ACTORS): DatasetFiles {
  return {
    actors: actors.map((record, index) => ({ file: 'actors/fixture.json', index, record })),
    events: events.map((record, index) => ({ file: 'events/fixture.json', index, record })),
  };
}

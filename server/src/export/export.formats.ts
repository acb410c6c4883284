// The five export formats, each written a page of events at a time: a head, one chunk per page, a tail.
// CSV through csv-stringify, the calendar through ical-generator, citations through Citation.js (export.citations.ts).
import { stringify } from 'csv-stringify/sync';
import ical, { foldLines, ICalCalendar, ICalEvent } from 'ical-generator';
import {
  CslItem,
  DATASET_TITLE,
  datasetItem,
  eventItem,
  eventUrl,
  ExportContext,
  sourceItem,
  sourceKey,
  toBibtex,
} from './export.citations';
import type { ExportEvent } from './export.events';

export interface ExportFormat {
  contentType: string;
  /** Starts the file: it names the dataset, the view and when it was taken. */
  head(context: ExportContext, fields: string[]): string;
  /** One page of events; `state` lives for the whole file (what was already written). */
  page(events: ExportEvent[], context: ExportContext, fields: string[], state: ExportState): string;
  tail(context: ExportContext, state: ExportState): string;
}

export interface ExportState {
  written: number;
  /** Sources already listed (citation formats list each once, however many events cite it). */
  sources: Set<string>;
  /** Events left out of the calendar because their day is not known (MONTH or YEAR precision). */
  undated: number;
}

export const newExportState = (): ExportState => ({ written: 0, sources: new Set(), undated: 0 });

const takenOn = (context: ExportContext) => context.takenAt.slice(0, 10);
const viewName = (context: ExportContext) => (context.query ? `the view ${context.query}` : 'the whole record');
/** Lists inside one CSV cell, one value per line (spreadsheets show them as lines; a split on "\n" reads them back). */
const lines = (values: Array<string | null | undefined>) => values.map((v) => v ?? '').join('\n');

/** The columns after the event's own fields: its relations, flattened, and its page. */
export const CSV_RELATION_COLUMNS = [
  'participants',
  'sourceUrls',
  'sourceTitles',
  'sourcePublishers',
  'sourceDates',
  'sourceExcerpts',
  'links',
  'url',
] as const;

function csvRecord(event: ExportEvent, fields: string[], context: ExportContext): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const value = event[field];
    if (field === 'outlet') record.outlet = event.outlet?.name ?? '';
    else if (Array.isArray(value)) record[field] = lines(value.map(String));
    else if (value instanceof Date) record[field] = value.toISOString();
    else record[field] = value ?? '';
  }
  record.participants = lines(event.participants.map((p) => `${p.actor.name} (${[p.role, p.side].filter(Boolean).join(', ')})`));
  record.sourceUrls = lines(event.citations.map((c) => c.source.url));
  record.sourceTitles = lines(event.citations.map((c) => c.source.title));
  record.sourcePublishers = lines(event.citations.map((c) => c.source.publisher));
  record.sourceDates = lines(event.citations.map((c) => c.source.publishedAt));
  record.sourceExcerpts = lines(event.citations.map((c) => c.excerpt));
  record.links = lines(event.links.map((l) => `${l.type} ${l.direction} ${l.event.slug}`));
  record.url = eventUrl(context, event.slug);
  return record;
}

const csv: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  // Two comment lines ("#", as csv-parse's `comment` option and pandas' `comment=` read them), then the header row.
  head: (context, fields) =>
    `# ${DATASET_TITLE}: ${viewName(context)}, taken ${context.takenAt} from ${context.origin}\n` +
    `# One row per event; cells that hold several values have one per line.\n` +
    stringify([], { header: true, columns: [...fields, ...CSV_RELATION_COLUMNS] }),
  page: (events, context, fields) =>
    stringify(
      events.map((event) => csvRecord(event, fields, context)),
      { columns: [...fields, ...CSV_RELATION_COLUMNS] },
    ),
  tail: () => '',
};

const json: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  head: (context) =>
    `{"dataset":${JSON.stringify({ title: DATASET_TITLE, url: context.origin, view: context.query, takenAt: context.takenAt })},\n"events":[\n`,
  page: (events, _context, _fields, state) => events.map((event) => (state.written++ > 0 ? ',\n' : '') + JSON.stringify(event)).join(''),
  tail: (_context, state) => `\n],\n"count":${state.written}}\n`,
};

/** The calendar's own lines (ical-generator's), split around where the events go. */
function calendarFrame(context: ExportContext): { calendar: ICalCalendar; head: string; tail: string } {
  const calendar = ical({
    name: `Détente, ${viewName(context)} (taken ${takenOn(context)})`,
    description: `${DATASET_TITLE}: ${viewName(context)}, taken ${context.takenAt} from ${context.origin}. Only events dated to the day are included.`,
    prodId: { company: 'Détente', product: 'export', language: 'EN' },
    url: `${context.origin}/${context.query}`,
  });
  const text = calendar.toString();
  const end = text.lastIndexOf('END:VCALENDAR');
  return { calendar, head: text.slice(0, end), tail: text.slice(end) };
}

function addDay(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

const icsCalendars = new WeakMap<ExportState, ICalCalendar>();

const ics: ExportFormat = {
  contentType: 'text/calendar; charset=utf-8',
  head: (context) => calendarFrame(context).head,
  page(events, context, _fields, state) {
    const calendar = icsCalendars.get(state) ?? calendarFrame(context).calendar;
    icsCalendars.set(state, calendar);
    let text = '';
    for (const event of events) {
      if (event.datePrecision !== 'DAY') {
        state.undated++;
        continue;
      }
      const sources = event.citations.map((c) => `${c.source.publisher ?? c.source.title ?? ''} ${c.source.url}`.trim());
      const quote = typeof event.quote === 'string' ? `“${event.quote}”` : null;
      const entry = new ICalEvent(
        {
          id: `${event.id}@detente`,
          allDay: true,
          // All-day dates are calendar days: floating, so no time zone moves them to the day before.
          floating: true,
          start: new Date(`${event.startDate}T00:00:00Z`),
          end: addDay(event.endDate ?? event.startDate),
          stamp: new Date(context.takenAt),
          summary: event.title,
          description: [event.summary, quote, sources.length ? `Sources:\n${sources.join('\n')}` : null].filter(Boolean).join('\n\n'),
          location: typeof event.locationName === 'string' ? event.locationName : null,
          url: eventUrl(context, event.slug),
          categories: [{ name: event.kind }, ...(event.tags as string[]).map((tag) => ({ name: tag }))],
        },
        calendar,
      );
      text += foldLines(entry.toString()).replace(/(\r\n)*$/, '\r\n');
      state.written++;
    }
    return text;
  },
  tail: (context) => calendarFrame(context).tail,
};

function citationItems(events: ExportEvent[], context: ExportContext, state: ExportState): CslItem[] {
  const items: CslItem[] = [];
  for (const event of events) {
    items.push(eventItem(event, context));
    state.written++;
    for (const { source } of event.citations) {
      const key = sourceKey(source);
      if (state.sources.has(key)) continue;
      state.sources.add(key);
      items.push(sourceItem(source, context));
    }
  }
  return items;
}

const bibtex: ExportFormat = {
  contentType: 'application/x-bibtex; charset=utf-8',
  head: (context) =>
    `@comment{${DATASET_TITLE}: ${viewName(context)}, taken ${context.takenAt} from ${context.origin}. ` +
    `One @misc entry per event (its note names its sources' keys), then each cited source once.}\n\n` +
    toBibtex([datasetItem(context)]),
  page: (events, context, _fields, state) => toBibtex(citationItems(events, context, state)),
  tail: () => '',
};

const cslJson: ExportFormat = {
  contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  // CSL-JSON is a bare array of items: the first item is the dataset, which names the view and the day it was taken.
  head: (context) => `[\n${JSON.stringify(datasetItem(context))}`,
  page: (events, context, _fields, state) =>
    citationItems(events, context, state)
      .map((item) => `,\n${JSON.stringify(item)}`)
      .join(''),
  tail: () => '\n]\n',
};

export const EXPORT_FORMATS = { csv, json, ics, bib: bibtex, 'csl.json': cslJson } as const;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

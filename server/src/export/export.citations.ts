// Events and their sources as CSL-JSON items (the Citation Style Language's data model), from which Citation.js
// writes BibTeX and formatted references: hand-escaping BibTeX or implementing APA would be a worse copy of it.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { ExportEvent, ExportSource } from './export.events';

// Citation.js's settings are per process. Keys are our own stable ids, not ones it makes up from title and year
// (two sources of one year and title would collide); titles in Cyrillic are kept as they are, not dropped.
const bibtexSettings = plugins.config.get('@bibtex').format;
bibtexSettings.useIdAsLabel = true;
bibtexSettings.asciiOnly = false;
// Its label check strips the hyphens from slugs, which BibTeX keys may hold.
bibtexSettings.checkLabel = false;

export const DATASET_TITLE = 'Détente: a sourced timeline of US–Russia diplomatic relations';
export const DATASET_ID = 'detente';

export interface ExportContext {
  /** Where the page is served, e.g. "https://detente.example.org" (links in the files point there). */
  origin: string;
  /** When the export was taken (ISO timestamp). */
  takenAt: string;
  /** The page's query string that chose the events ("" for the whole record). */
  query: string;
}

export type CslItem = Record<string, unknown> & { id: string; type: string };

function dateParts(date: string, precision = 'DAY'): { 'date-parts': number[][] } {
  const [year, month, day] = date.split('-').map(Number);
  const parts = precision === 'YEAR' ? [year] : precision === 'MONTH' ? [year, month] : [year, month, day];
  return { 'date-parts': [parts] };
}

const accessed = (context: ExportContext) => dateParts(context.takenAt.slice(0, 10));

export const eventUrl = (context: ExportContext, slug: string) => `${context.origin}/?event=${encodeURIComponent(slug)}`;

/** A stable key for a source: its UUID without dashes, shortened (48 bits; the record holds thousands, not millions). */
export const sourceKey = (source: Pick<ExportSource, 'id'>) => `source-${source.id.replace(/-/g, '').slice(0, 12)}`;

/** The dataset itself as an item, so every file that lists items also says what it was taken from, and when. */
export function datasetItem(context: ExportContext): CslItem {
  return {
    id: DATASET_ID,
    type: 'dataset',
    title: DATASET_TITLE,
    URL: `${context.origin}/${context.query}`,
    accessed: accessed(context),
    issued: accessed(context),
    note: `Exported ${context.takenAt}${context.query ? ` for the view ${context.query}` : ' (the whole record)'}`,
  };
}

/** An event as an entry in the Détente database; its note names the sources that support it. */
export function eventItem(event: ExportEvent, context: ExportContext): CslItem {
  return {
    id: event.slug,
    type: 'entry',
    title: event.title,
    'container-title': DATASET_TITLE,
    issued: dateParts(event.startDate, event.datePrecision),
    URL: eventUrl(context, event.slug),
    accessed: accessed(context),
    ...(event.summary ? { abstract: event.summary } : {}),
    note: `Sources: ${event.citations.map((c) => sourceKey(c.source)).join(', ')}`,
  };
}

/** A cited document as a web page of its publisher (the record keeps URL, title, publisher, date and language). */
export function sourceItem(source: ExportSource, context: ExportContext): CslItem {
  return {
    id: sourceKey(source),
    type: 'webpage',
    title: source.title ?? source.url,
    // The publisher as the site's name only: as `publisher` too, APA would print it twice (as author and site).
    ...(source.publisher ? { 'container-title': source.publisher } : {}),
    ...(source.publishedAt ? { issued: dateParts(source.publishedAt) } : {}),
    ...(source.language ? { language: source.language } : {}),
    URL: source.url,
    accessed: accessed(context),
  };
}

export function toBibtex(items: CslItem[]): string {
  return items.length ? new Cite(items).format('bibtex') : '';
}

/** References in a citation style Citation.js ships (APA by default), as plain text, one per line. */
export function formatReferences(items: CslItem[], style = 'apa'): string {
  return new Cite(items).format('bibliography', { format: 'text', template: style, lang: 'en-US' }).trim();
}

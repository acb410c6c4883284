// `npm run data:stats [-- FOLDER]`: events and citations by year and kind, and the source shares, of server/data
// (or another dataset folder, e.g. an older checkout's, to compare before and after).
import path from 'node:path';
import { loadConfig } from '../config';
import { DatasetFileError, readDatasetDir } from '../dataset/dataset.files';
import { SOURCE_KINDS, sourceStats, type SourceStats } from '../dataset/source-kinds';
import { runCli } from './run-cli';

const EVENT_KINDS = ['STATEMENT', 'MEETING', 'SANCTION', 'MISSION', 'AGREEMENT'];

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '-');

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

function report(stats: SourceStats): string {
  const byYear = table(
    ['year', 'events', ...EVENT_KINDS.map((k) => k.toLowerCase()), 'citations', 'official', 'outlet', 'aggregator', 'ev. w/ official'],
    stats.years.map((y) => [
      y.year,
      y.events,
      ...EVENT_KINDS.map((k) => y.eventKinds[k] ?? 0),
      SOURCE_KINDS.reduce((n, k) => n + y.citations[k], 0),
      ...SOURCE_KINDS.map((k) => y.citations[k]),
      y.eventsWithOfficial,
    ]),
  );
  const shares = SOURCE_KINDS.map(
    (k) => `  ${k.toLowerCase().padEnd(10)} ${String(stats.citations[k]).padStart(5)}  ${percent(stats.citations[k], stats.citationTotal)}`,
  ).join('\n');
  return [
    `Events: ${stats.events}; citations: ${stats.citationTotal}`,
    `Period covered: ${stats.firstDate ?? '-'} … ${stats.latestDate ?? '-'}; latest event: ${stats.latestDate ?? '-'} (${stats.latestEventId ?? '-'})`,
    '',
    byYear,
    '',
    'Citations by source kind:',
    shares,
    '',
    `Events with at least one official citation: ${stats.eventsWithOfficial} (${percent(stats.eventsWithOfficial, stats.events)})`,
    `Events cited only by aggregators or mirrors: ${stats.aggregatorOnlyEvents} (${percent(stats.aggregatorOnlyEvents, stats.events)})`,
    `Events with a single citation: ${stats.singleCitationEvents} (${percent(stats.singleCitationEvents, stats.events)})`,
  ].join('\n');
}

async function main(): Promise<number> {
  const folder = process.argv[2];
  const dir = folder ? path.resolve(process.env.INIT_CWD ?? process.cwd(), folder) : loadConfig().datasetDir;
  const files = readDatasetDir(dir);
  console.log(report(sourceStats(files.events.map((located) => located.record))));
  return 0;
}

runCli(main, (error) =>
  error instanceof DatasetFileError ? error.message : `Stats failed: ${error instanceof Error ? error.message : error}`,
);

// Reads the dataset folder (actors/*.json, events/*.json) or a single export file, remembering where each record came from.
import fs from 'node:fs';
import path from 'node:path';
import type { DatasetActor, DatasetEvent, DatasetFiles, DatasetProblem } from './dataset.types';

export class DatasetFileError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(`The dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`);
    this.name = 'DatasetFileError';
  }
}

export function formatProblems(problems: DatasetProblem[], max = 50): string {
  const lines = problems.slice(0, max).map((p) => `  ${p.file} › ${p.record}: ${p.message}`);
  if (problems.length > max) lines.push(`  … and ${problems.length - max} more`);
  return lines.join('\n');
}

function readJson(file: string, display: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetFileError([
      { file: display, record: '-', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetFileError([{ file: display, record: '-', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** Adds the records of one parsed document (`{actors?, events?}`) to `into`. */
export function addDocument(into: DatasetFiles, document: unknown, display: string): void {
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new DatasetFileError([{ file: display, record: '-', message: 'must be a JSON object with "actors" and/or "events" lists' }]);
  }
  // "$schema" points editors at server/data/event.schema.json; it is not data.
  const { actors, events, $schema: _schema, ...rest } = document as { actors?: unknown; events?: unknown; $schema?: unknown };
  const problems: DatasetProblem[] = Object.keys(rest).map((key) => ({
    file: display,
    record: '-',
    message: `unknown top-level field "${key}"`,
  }));
  if (actors !== undefined && !Array.isArray(actors)) problems.push({ file: display, record: '-', message: '"actors" must be a list' });
  if (events !== undefined && !Array.isArray(events)) problems.push({ file: display, record: '-', message: '"events" must be a list' });
  if (problems.length) throw new DatasetFileError(problems);
  (Array.isArray(actors) ? actors : []).forEach((record, index) =>
    into.actors.push({ file: display, index, record: record as DatasetActor }),
  );
  (Array.isArray(events) ? events : []).forEach((record, index) =>
    into.events.push({ file: display, index, record: record as DatasetEvent }),
  );
}

/** Reads every JSON file under `dir/actors` and `dir/events`, in name order. */
export function readDatasetDir(dir: string): DatasetFiles {
  const files: DatasetFiles = { actors: [], events: [] };
  if (!fs.existsSync(dir)) throw new DatasetFileError([{ file: dir, record: '-', message: 'dataset folder does not exist' }]);
  for (const sub of ['actors', 'events']) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs
      .readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const display = path.posix.join(sub, name);
      addDocument(files, readJson(path.join(folder, name), display), display);
    }
  }
  return files;
}

/** Reads one import/export document. */
export function readDatasetFile(file: string): DatasetFiles {
  const files: DatasetFiles = { actors: [], events: [] };
  addDocument(files, readJson(file, path.basename(file)), path.basename(file));
  return files;
}

// `npm run data:import -- FILE`: adds the events of FILE to the database in one transaction, or nothing.
import path from 'node:path';
import { loadConfig } from '../config';
import { connectForTool } from '../db/connect';
import { DatasetFileError, readDatasetFile } from '../dataset/dataset.files';
import { importDataset } from '../dataset/dataset.store';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run data:import -- FILE.json');
    return 2;
  }
  const files = readDatasetFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  console.log(`Importing ${files.events.length} events and ${files.actors.length} actors…`);
  const db = await connectForTool(loadConfig());
  try {
    const result = await importDataset(db.dataSource, files, 'data:import');
    console.log(`Imported ${result.events} events, ${result.sources} sources, ${result.links} links.`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, (error) =>
  error instanceof DatasetFileError
    ? `Nothing was imported.\n${error.message}`
    : `Import failed: ${error instanceof Error ? error.message : error}`,
);

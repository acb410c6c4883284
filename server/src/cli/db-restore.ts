// `npm run db:restore -- FILE`: replaces the configured (or embedded) database's content with a db:dump backup.
import path from 'node:path';
import { loadConfig } from '../config';
import { openToolDatabase } from '../db/connect';
import { DatasetFileError } from '../dataset/dataset.files';
import { restoreDatabase } from '../ops/backup';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error('Usage: npm run db:restore -- FILE   (a file written by npm run db:dump; stop the server first)');
    return 2;
  }
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const db = await openToolDatabase(loadConfig());
  try {
    const result = await restoreDatabase(db.url, source, { dataSource: () => db.dataSource(), log: (m) => console.log(m) });
    console.log(`Restored ${source} (${result.format === 'pg_dump' ? 'pg_dump archive' : 'dataset JSON'}).`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, (error) =>
  error instanceof DatasetFileError
    ? `Nothing was restored.\n${error.message}`
    : `Restore failed: ${error instanceof Error ? error.message : error}`,
);

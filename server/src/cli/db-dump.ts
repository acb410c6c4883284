// `npm run db:dump -- FILE [--format=pg_dump|dataset]`: backs up the configured (or embedded) database to FILE.
import path from 'node:path';
import { loadConfig } from '../config';
import { openToolDatabase } from '../db/connect';
import { runCli } from './run-cli';
import { BackupFormat, dumpDatabase } from '../ops/backup';

const USAGE = 'Usage: npm run db:dump -- FILE [--format=pg_dump|dataset]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const formatFlag = args.find((a) => a.startsWith('--format='))?.slice('--format='.length);
  if (
    !file ||
    (formatFlag && formatFlag !== 'pg_dump' && formatFlag !== 'dataset') ||
    args.some((a) => a.startsWith('--') && !a.startsWith('--format='))
  ) {
    console.error(USAGE);
    return 2;
  }
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const db = await openToolDatabase(loadConfig());
  try {
    const result = await dumpDatabase(db.url, target, {
      format: formatFlag as BackupFormat | undefined,
      dataSource: () => db.dataSource(),
      log: (m) => console.log(m),
    });
    console.log(`Backup written to ${target} (${result.format === 'pg_dump' ? 'pg_dump custom-format archive' : 'dataset JSON'}).`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, (error) => `Backup failed: ${error instanceof Error ? error.message : error}`);

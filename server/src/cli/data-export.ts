// `npm run data:export -- FILE`: writes every live event and actor in the dataset format (importable as is).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { connectForTool } from '../db/connect';
import { exportDataset } from '../dataset/dataset.store';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run data:export -- FILE.json');
    return 2;
  }
  const db = await connectForTool(loadConfig());
  try {
    const dataset = await exportDataset(db.dataSource);
    const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
    fs.writeFileSync(target, `${JSON.stringify(dataset, null, 2)}\n`);
    console.log(`Exported ${dataset.events.length} events and ${dataset.actors.length} actors to ${target}`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, (error) => `Export failed: ${error instanceof Error ? error.message : error}`);

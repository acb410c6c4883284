// For command-line tools: the configured database, or the embedded one (reusing it when the app is running).
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { embeddedUrl, startEmbeddedPostgres } from './embedded';

export interface Connected {
  dataSource: DataSource;
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function connectForTool(config: Config): Promise<Connected> {
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    url = embeddedUrl(config.embeddedPgPort);
    if (!(await answers(url))) {
      const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
      url = embedded.url;
      stop = embedded.stop;
    }
  }
  const dataSource = createDataSource({ url, poolSize: 2, statementTimeoutMs: 120_000 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await stop?.();
    },
  };
}

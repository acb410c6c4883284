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

export interface ToolDatabase {
  /** The configured database, or the embedded one (started for this tool when the app is not running). */
  url: string;
  /** The migrated TypeORM data source, opened on first use. */
  dataSource(): Promise<DataSource>;
  close(): Promise<void>;
}

export async function openToolDatabase(config: Config): Promise<ToolDatabase> {
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
  let opened: DataSource | undefined;
  const databaseUrl = url;
  return {
    url: databaseUrl,
    async dataSource() {
      if (!opened) {
        opened = createDataSource({ url: databaseUrl, poolSize: 2, statementTimeoutMs: 120_000 });
        await opened.initialize();
        await opened.runMigrations({ transaction: 'each' });
      }
      return opened;
    },
    async close() {
      if (opened?.isInitialized) await opened.destroy();
      await stop?.();
    },
  };
}

export async function connectForTool(config: Config): Promise<Connected> {
  const db = await openToolDatabase(config);
  try {
    return { dataSource: await db.dataSource(), close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

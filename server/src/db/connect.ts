// For command-line tools: the configured database, or the embedded one (reusing it when the app is running).
import crypto from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { EmbeddedDatabaseError, embeddedUrl, passwordFile, readEmbeddedPassword, startEmbeddedPostgres } from './embedded';

export interface Connected {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** 'ours' when the server at `url` takes this clone's password, 'absent' when nothing answers, 'foreign' otherwise. */
async function whoAnswers(url: string): Promise<'ours' | 'absent' | 'foreign'> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return 'ours';
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ECONNREFUSED' ? 'absent' : 'foreign';
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
    // The app running on this clone's data folder answers with the password kept in it. Anything else on the port
    // (another clone's database, another program) refuses that password, and the tool refuses to act on it.
    // A folder with no password file yet (new, or made before passwords were per folder) owns nothing running:
    // the app writes the file as it starts. Whatever answers then is not this clone's.
    const password = readEmbeddedPassword(config.dataDir);
    const found = await whoAnswers(embeddedUrl(config.embeddedPgPort, password ?? crypto.randomBytes(24).toString('base64url')));
    if (found === 'ours' && password) url = embeddedUrl(config.embeddedPgPort, password);
    else if (found !== 'absent')
      throw new EmbeddedDatabaseError(
        `The PostgreSQL on port ${config.embeddedPgPort} is not this clone's: it refuses the password in ${passwordFile(config.dataDir)}. ` +
          'Stop it, or give this clone another EMBEDDED_PG_PORT (the same for the app and the tools), or set DATABASE_URL.',
      );
    else {
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

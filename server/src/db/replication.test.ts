// DATABASE_REPLICA_URLS: TypeORM replication through createDataSource, proven with the primary as its own replica.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../common/logger';
import { importDataset } from '../dataset/dataset.store';
import { Event } from '../events/event.entity';
import { databasePools } from '../ops/metrics';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { fixtureFiles, FIXTURE_EVENTS } from '../test-support/fixture';
import { createDataSource } from './data-source';

const applicationName = async (query: (sql: string) => Promise<Array<{ name: string }>>) =>
  (await query(`SELECT current_setting('application_name') AS name`))[0].name;

describe('read replicas', () => {
  let db: TestDatabase;
  let replicated: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDataset(db.dataSource, fixtureFiles());
    replicated = createDataSource({ url: db.url, replicaUrls: [db.url], poolSize: 2 });
    await replicated.initialize();
  });
  afterAll(async () => {
    await replicated?.destroy();
    await db.drop();
  });

  it('Given a replica URL, Then the data source keeps a primary pool and one replica pool', () => {
    expect(databasePools(replicated).map((p) => p.name)).toEqual(['primary', 'replica1']);
  });

  it('Given a read outside a transaction, Then it runs on a replica connection', async () => {
    expect(await replicated.getRepository(Event).count()).toBe(FIXTURE_EVENTS.length);
    // pg_stat_activity keeps each idle connection's last statement: the count ran on a replica connection.
    const lastStatements: Array<{ query: string }> = await db.dataSource.query(
      `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'detente-replica'`,
    );
    expect(lastStatements.some((row) => /COUNT\(/i.test(row.query) && /"event"/.test(row.query))).toBe(true);

    const runner = replicated.createQueryRunner('slave');
    try {
      expect(await applicationName((sql) => runner.query(sql))).toBe('detente-replica');
    } finally {
      await runner.release();
    }
  });

  it('Given a transaction, Then it runs on the primary', async () => {
    await replicated.transaction(async (manager) => {
      expect(await applicationName((sql) => manager.query(sql))).toBe('detente');
    });
  });

  it('Given the API over a replicated data source, Then queries answer and /metrics shows both pools', async () => {
    const { app, stop } = await createApp({ dataSource: replicated, config: loadConfig({}), logger: createLogger('silent') });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ events(first: 2) { totalCount nodes { title } } }' }),
      });
      const body = (await response.json()) as { data: { events: { totalCount: number; nodes: unknown[] } } };
      expect(body.data.events.totalCount).toBe(FIXTURE_EVENTS.length);
      expect(body.data.events.nodes).toHaveLength(2);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/detente_db_pool_max_connections\{pool="primary"\} 2/);
      expect(metrics).toMatch(/detente_db_pool_max_connections\{pool="replica1"\} 2/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    }
  });
});

describe('DATABASE_REPLICA_URLS validation', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('Given comma-separated replica URLs, Then they are read in order', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://a@primary/db',
      DATABASE_REPLICA_URLS: 'postgres://a@r1/db, postgresql://a@r2/db',
    });
    expect(config.databaseReplicaUrls).toEqual(['postgres://a@r1/db', 'postgresql://a@r2/db']);
  });

  it('Given replicas without a primary, Then start-up stops with a message naming both variables', () => {
    expect(problems({ DATABASE_REPLICA_URLS: 'postgres://a@r1/db' })).toEqual([
      expect.stringMatching(/DATABASE_REPLICA_URLS needs DATABASE_URL/),
    ]);
  });

  it('Given a replica entry that is not a postgres URL, Then the message names its position', () => {
    expect(problems({ DATABASE_URL: 'postgres://a@primary/db', DATABASE_REPLICA_URLS: 'postgres://a@r1/db,mysql://r2' })).toEqual([
      'DATABASE_REPLICA_URLS entry 2 must be a postgres:// URL',
    ]);
  });
});

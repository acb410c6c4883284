// The public API under hostile queries, floods and a database that goes away: refused cleanly, never down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiKeyRole } from '@detente/shared';
import { ApiKeyService } from '../auth/api-key.service';
import { createDataSource } from '../db/data-source';
import { spawn } from 'node:child_process';
import { embeddedUrl, LEGACY_PASSWORD } from '../db/embedded';
import { importDataset } from '../dataset/dataset.store';
import { startTestApp, TestApp } from '../test-support/app';
import { withFixtureApp } from '../test-support/fixture-app';
import type { TestDatabase } from '../test-support/db';
import { fixtureFiles } from '../test-support/fixture';
import { freePort } from '../test-support/net';
import { itWithRedis, REDIS_URL } from '../test-support/redis';
import { capturingLogger, LEVEL } from '../test-support/hostile';

let db: TestDatabase;
let app: TestApp;
withFixtureApp((fixture) => ({ db, app } = fixture));

const healthy = async (target: TestApp = app) => {
  const res = await target.gql('{ events(first: 3) { totalCount nodes { title } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data.events.totalCount).toBe(9);
};

describe('a battery of hostile queries: each refused with its code, the server answering normally afterwards', () => {
  const post = (body: string) => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('depth 50', async () => {
    let selection = 'title';
    for (let i = 0; i < 25; i++) selection = `links { event { ${selection} } }`;
    const res = await app.gql(`{ event(id: "e1-statement") { ${selection} } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
    await healthy();
  });

  it('1,000 aliases', async () => {
    const res = await app.gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.limit).toMatch(/aliases|tokens/);
    await healthy();
  });

  it('first: 1000000', async () => {
    const res = await app.gql('{ events(first: 1000000) { nodes { id } } }');
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/first/) });
    await healthy();
  });

  it('a 1 MB query', async () => {
    const response = await post(JSON.stringify({ query: `{ dataRange { from } } #${'x'.repeat(1024 * 1024)}` }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await healthy();
  });

  it('fragment cycles', async () => {
    const res = await app.gql(
      `query { event(id: "e1-statement") { ...A } } fragment A on Event { links { event { ...B } } } fragment B on Event { links { event { ...A } } }`,
    );
    expect(res.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(res.errors?.[0].message).toMatch(/Cannot spread fragment "A" within itself/);
    await healthy();
  });

  it('introspection abuse: nested ofType and many __schema aliases', async () => {
    let ofType = 'name';
    for (let i = 0; i < 40; i++) ofType = `ofType { ${ofType} }`;
    expect((await app.gql(`{ __schema { types { fields { type { ${ofType} } } } } }`)).errors?.[0].extensions?.limit).toBe(
      'introspectionDepth',
    );
    const many = await app.gql(`{ ${Array.from({ length: 200 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`);
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await healthy();
  });

  it('malformed JSON, a missing query and a wrong content type', async () => {
    expect((await post('{"query": ')).status).toBe(400);
    expect((await post('{}')).status).toBe(400);
    const csrf = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ dataRange { from } }"}',
    });
    expect(csrf.status).toBe(400);
    await healthy();
  });

  it.each([
    `'; DROP TABLE event; --`,
    `" OR 1=1 --`,
    `%' UNION SELECT * FROM api_key --`,
    `\\'); DELETE FROM actor; --`,
    `$$ || pg_sleep(5) || $$`,
  ])('SQL-looking text in every text argument (%s) is data, not SQL', async (evil) => {
    const res = await app.gql(
      `query($s: String!, $d: ID!) {
        events(filter: { search: $s, tags: [$s], allTags: [$s], countries: ["US"] }, first: 5) { totalCount }
        actors(search: $s) { totalCount }
        sources(search: $s) { totalCount }
        event(id: $d) { id }
        actor(id: $d) { id }
        tags(filter: { search: $s }) { tag }
      }`,
      { s: evil, d: evil },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.events.totalCount).toBe(0);
    expect(res.data.event).toBeNull();
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM event');
    expect(n).toBe(9);
    await healthy();
  });
});

describe('rate limits', () => {
  it('Given RATE_LIMIT_MAX 5, Then the sixth request in the window is refused with 429, RATE_LIMITED and Retry-After', async () => {
    const limited = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      for (let i = 0; i < 5; i++) expect((await limited.gql('{ dataRange { from } }')).status).toBe(200);
      const response = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ dataRange { from } }"}',
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
        'RATE_LIMITED',
      );
    } finally {
      await limited.stop();
    }
  });

  it('Given a lower limit for mutations, Then writes are refused before reads are', async () => {
    const key = (await new ApiKeyService(db.dataSource).create(`rl-${Date.now()}`, ApiKeyRole.EDITOR)).key;
    const limited = await startTestApp(db.dataSource, { RATE_LIMIT_MAX: '100', RATE_LIMIT_WRITE_MAX: '1' });
    try {
      const write = () =>
        limited.gql(
          'mutation { unlinkEvents(input: { fromId: "e1-statement", toId: "e2-meeting", type: RESPONDS_TO }) { id } }',
          {},
          { authorization: `Bearer ${key}` },
        );
      expect((await write()).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await write()).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect((await limited.gql('{ dataRange { from } }')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  itWithRedis('Given REDIS_URL, Then two replicas share one count', async () => {
    const env = { RATE_LIMIT_MAX: '3', REDIS_URL, RATE_LIMIT_WINDOW_MS: '5000' };
    const [one, two] = [await startTestApp(db.dataSource, env), await startTestApp(db.dataSource, env)];
    try {
      // A window of its own, so earlier runs do not count: the key is the client address, the same for both.
      await new Promise((r) => setTimeout(r, 5100));
      const statuses = [];
      for (const target of [one, two, one, two]) statuses.push((await target.gql('{ dataRange { from } }')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});

describe('headers', () => {
  it('the page and API carry a Content-Security-Policy; only /embed may be framed by other sites', async () => {
    const page = await fetch(`${app.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const embed = await fetch(`${app.url}/embed`);
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });

  it('CORS allows only the configured origins', async () => {
    const open = await startTestApp(db.dataSource, { CORS_ORIGINS: 'https://news.example' });
    try {
      const preflight = (origin: string) =>
        fetch(`${open.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      expect((await preflight('https://news.example')).headers.get('access-control-allow-origin')).toBe('https://news.example');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.stop();
    }
  });
});

describe('statement_timeout', () => {
  it('Given STATEMENT_TIMEOUT_MS 200, Then a slow statement is cancelled by PostgreSQL', async () => {
    const slow = createDataSource({ url: db.url, poolSize: 1, statementTimeoutMs: 200 });
    await slow.initialize();
    try {
      await expect(slow.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await slow.destroy();
    }
  });
});

/** Starts PostgreSQL in its own process; `stop` shuts it down the way a crash or a restart would for the app. */
async function runPostgres(dataDir: string, port: number, database: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'test-support', 'embedded-process.mjs'), dataDir, String(port), database],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => String(chunk).includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}`)));
  });
  return {
    url: embeddedUrl(port, LEGACY_PASSWORD, database), // embedded-process.mjs keeps the old fixed password
    stop: () =>
      new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

describe('PostgreSQL going away and coming back', () => {
  it('Given the database stops, Then reads fail cleanly with SERVICE_UNAVAILABLE, /healthz stays up, and after a restart reads succeed again with nothing half-written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-outage-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    let pg = await runPostgres(dataDir, port, 'outage');
    const dataSource = createDataSource({ url: pg.url, poolSize: 4 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await importDataset(dataSource, fixtureFiles());
    const key = (await new ApiKeyService(dataSource).create('outage', ApiKeyRole.EDITOR)).key;
    const { logger, lines } = capturingLogger();
    const local = await startTestApp(dataSource, {}, logger);
    try {
      await healthy(local);
      await pg.stop();

      const read = await local.gql('{ events(first: 3) { totalCount } }');
      expect(read.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.errors?.[0].message).toMatch(/database is unavailable/);
      expect(JSON.stringify(read)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
      const write = await local.gql(
        'mutation { deleteEvent(id: "e9-month", version: 1) { version } }',
        {},
        { authorization: `Bearer ${key}` },
      );
      expect(write.errors?.[0].extensions?.code).toMatch(/SERVICE_UNAVAILABLE|UNAUTHENTICATED/);
      expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${local.url}/readyz`)).status).toBe(503);

      pg = await runPostgres(dataDir, port, 'outage');
      const restarted = Date.now();
      let recovered = false;
      while (!recovered && Date.now() - restarted < 15_000) {
        const res = await local.gql('{ events(first: 3) { totalCount } }');
        recovered = !res.errors;
        if (!recovered) await new Promise((r) => setTimeout(r, 200));
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${local.url}/readyz`)).status).toBe(200);
      await healthy(local);
      // The outage is one fact in the log: lost once (error), back once (warn) with its length; the requests that
      // failed meanwhile are warnings carrying their code, none an info line.
      for (let waited = 0; waited < 5000 && !lines.some((l) => l.msg === 'database is back'); waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      const lost = lines.filter((l) => l.msg.startsWith('database lost'));
      const back = lines.filter((l) => l.msg === 'database is back');
      expect(lost.map((l) => l.level)).toEqual([LEVEL.error]);
      expect(back.map((l) => l.level)).toEqual([LEVEL.warn]);
      expect(back[0].outageMs).toBeGreaterThan(0);
      const failed = lines.filter((l) => l.msg === 'request' && (l.errors as string[] | undefined)?.includes('SERVICE_UNAVAILABLE'));
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((l) => l.level === LEVEL.warn)).toBe(true);
      // The write during the outage left nothing behind: version and revision log agree.
      const [row] = await dataSource.query(
        `SELECT e.version, e.deleted_at IS NULL AS live, (SELECT max(version) FROM revision r WHERE r.event_id = e.id) AS logged FROM event e WHERE slug = 'e9-month'`,
      );
      expect(row).toEqual({ version: 1, live: true, logged: 1 });
    } finally {
      await local.stop();
      await dataSource.destroy().catch(() => undefined);
      await pg.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

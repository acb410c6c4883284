// Operations on a running app: request ids on log lines and error responses, /metrics by operation name, readiness.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, DetenteApp } from '../app';
import { loadConfig } from '../config';
import { createTestDatabase, TestDatabase } from '../test-support/db';

interface Served {
  url: string;
  detente: DetenteApp;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function serve(env: Record<string, string> = {}): Promise<Served> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const detente = await createApp({ dataSource: db.dataSource, config: loadConfig(env), logger: pino({ level: 'debug' }, sink) });
  const server = http.createServer(detente.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    detente,
    logs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await detente.stop();
    },
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('request logs', () => {
  it('Given a request, Then its log line carries the id returned in x-request-id, with method, path, status and operation', async () => {
    const served = await serve();
    try {
      const response = await post(served.url, {
        query: 'query RecentEvents { events(first: 1) { totalCount } }',
        operationName: 'RecentEvents',
      });
      const requestId = response.headers.get('x-request-id');
      await response.json();
      await new Promise((r) => setImmediate(r));
      expect(served.logs.filter((l) => l.msg === 'request' && l.requestId === requestId)).toEqual([
        expect.objectContaining({ method: 'POST', path: '/graphql', status: 200, operation: 'RecentEvents', level: 30 }),
      ]);
    } finally {
      await served.close();
    }
  });

  it('Given a client request id, Then it is kept on the log line and the error response', async () => {
    const served = await serve();
    try {
      const response = await post(served.url, { query: '{ nope }' }, { 'x-request-id': 'trace-42' });
      const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(body.errors[0].extensions.requestId).toBe('trace-42');
      await new Promise((r) => setImmediate(r));
      expect(served.logs.find((l) => l.msg === 'request')).toMatchObject({ requestId: 'trace-42', status: 400, level: 40 });
    } finally {
      await served.close();
    }
  });
});

describe('client address behind a proxy (TRUST_PROXY)', () => {
  const loggedIp = async (env: Record<string, string>) => {
    const served = await serve(env);
    try {
      await fetch(`${served.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      await new Promise((r) => setImmediate(r));
      return served.logs.find((l) => l.msg === 'request')?.ip;
    } finally {
      await served.close();
    }
  };

  it('Given the default (loopback), Then a local proxy’s X-Forwarded-For names the client', async () => {
    expect(await loggedIp({})).toBe('203.0.113.7');
  });

  it('Given TRUST_PROXY=false, Then the forwarded header is ignored', async () => {
    expect(await loggedIp({ TRUST_PROXY: 'false' })).toMatch(/127\.0\.0\.1$/);
  });

  it('Given a value that is neither a hop count nor addresses, Then start-up stops naming TRUST_PROXY', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be a hop count/);
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal, 10.0.0.0/8' }).trustProxy).toBe('uniquelocal, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('Given GRAPHQL_EXECUTOR, Then jit is the default, graphql-js the alternative, and anything else stops start-up naming it', () => {
    expect(loadConfig({}).graphqlExecutor).toBe('jit');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).graphqlExecutor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'fast' })).toThrow(/GRAPHQL_EXECUTOR must be jit or graphql-js/);
  });
});

describe('/metrics', () => {
  it('Given GraphQL operations, Then it counts and times them by operation name, type and outcome', async () => {
    const served = await serve();
    try {
      for (let i = 0; i < 2; i++) await (await post(served.url, { query: 'query Window { events(first: 1) { totalCount } }' })).json();
      await (await post(served.url, { query: '{ events(first: 1) { totalCount } }' })).json();
      await (await post(served.url, { query: 'query Broken { nope }' })).json();
      const response = await fetch(`${served.url}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(text).toContain('detente_graphql_requests_total{operation="Window",type="query",outcome="success"} 2');
      expect(text).toContain('detente_graphql_requests_total{operation="anonymous",type="query",outcome="success"} 1');
      // An invalid document defines no operation, so its name is not trusted as a label.
      expect(text).toContain('detente_graphql_requests_total{operation="anonymous",type="invalid",outcome="error"} 1');
      expect(text).toContain('detente_graphql_request_duration_seconds_count{operation="Window",type="query"} 2');
      expect(text).toContain('detente_http_requests_total{method="POST",route="/graphql",status="200"} 3');
      expect(text).toMatch(/detente_db_pool_connections\{pool="primary",state="idle"\} \d+/);
      expect(text).toMatch(/detente_db_pool_waiting_requests\{pool="primary"\} 0/);
      expect(text).toMatch(/detente_process_resident_memory_bytes \d+/);
    } finally {
      await served.close();
    }
  });

  it('Given METRICS_ENABLED=false, Then /metrics is not served', async () => {
    const served = await serve({ METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${served.url}/metrics`)).status).toBe(404);
    } finally {
      await served.close();
    }
  });
});

describe('readiness during shutdown', () => {
  it('Given shutdown has begun, Then /readyz answers 503 while /healthz still answers', async () => {
    const served = await serve();
    try {
      expect((await fetch(`${served.url}/readyz`)).status).toBe(200);
      served.detente.beginShutdown();
      const response = await fetch(`${served.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
      expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
    } finally {
      await served.close();
    }
  });
});

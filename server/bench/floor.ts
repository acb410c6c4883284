// The floor: each scenario's answer from one hand-written SQL statement through `pg`, the JSON built by PostgreSQL
// and written out as it comes, behind a bare node:http handler. Nothing can answer the same question faster here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { Scenario } from './scenarios';

export interface FloorServer {
  url: string;
  stop(): Promise<void>;
}

export async function startFloor(databaseUrl: string, scenarios: Scenario[], poolSize: number): Promise<FloorServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'detente-bench-floor' });
  // pg emits an idle client's backend error on its pool, and an unhandled one ends the process: when the database
  // shuts down at the end of a run, that lost the results of a finished run (seen twice, 2 and 3 December).
  pool.on('error', (error) => console.error(`  floor: a pooled connection failed (${error.message}); the pool replaces it`));
  const byPath = new Map(scenarios.map((s) => [`/${s.id}`, s.floor]));
  const server = http.createServer((req, res) => {
    const floor = byPath.get(req.url ?? '');
    if (!floor) {
      res.writeHead(404).end();
      return;
    }
    // The request body is the app's GraphQL request; the floor's answer to it is fixed, so it is drained unread.
    req.resume();
    req.on('end', () => {
      pool.query<{ body: string }>(floor.sql, floor.params).then(
        ({ rows }) => res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].body),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

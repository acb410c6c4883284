// Serves the real app on an ephemeral port over a test database, and posts GraphQL to it like a client would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger, Logger } from '../common/logger';

export interface GraphQLResponse<T = any> {
  // `any` default: tests read deep, query-specific shapes and assert on them.
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: Array<string | number> }>;
}

export interface TestApp {
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Operations waiting for a place in the heavy-query lane. */
  heavyWaiting(): number;
  stop(): Promise<void>;
}

export async function startTestApp(
  dataSource: DataSource,
  env: Record<string, string> = {},
  logger: Logger = createLogger('silent'),
): Promise<TestApp> {
  const config = loadConfig({ ...env });
  const { app, stop, attachSubscriptions, heavyLane } = await createApp({ dataSource, config, logger });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const subscriptions = await attachSubscriptions(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body };
    },
    heavyWaiting: () => heavyLane.waiting,
    async stop() {
      await subscriptions.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

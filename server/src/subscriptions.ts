// graphql-ws on the same port and path as HTTP GraphQL: `eventChanged` reaches open pages as changes commit.
import type http from 'node:http';
import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DataSource } from 'typeorm';
import { createContext } from './context';
import { getSchema } from './schema';

export async function attachSubscriptions(server: http.Server, dataSource: DataSource): Promise<{ close(): Promise<void> }> {
  const schema = await getSchema();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const cleanup = useServer(
    {
      schema,
      context: (ctx) =>
        createContext(
          dataSource,
          crypto.randomUUID(),
          typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined,
        ),
      onSubscribe: (_ctx, _id, payload) => {
        // Only subscriptions travel over the socket; queries and mutations go through HTTP with its limits.
        if (!/^\s*subscription\b/.test(payload.query ?? ''))
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations by HTTP POST')];
        return undefined;
      },
    },
    wss,
  );
  return {
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

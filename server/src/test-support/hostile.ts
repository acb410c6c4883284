// Clients for the hostile battery: HTTP and graphql-ws from a chosen loopback address (each address is one client
// to the server's per-client limits), a log sink to read what the server logged, and a one-second deadline.
import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import WebSocket from 'ws';
import type { Logger } from '../common/logger';

export interface Answer {
  status: number;
  bytes: number;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

/** POSTs a GraphQL body to `url` from `localAddress` (127.0.0.x), so the server sees that address as the client. */
export function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, bytes: Buffer.byteLength(text), body: JSON.parse(text) });
          } catch (error) {
            reject(new Error(`not JSON (${response.statusCode}): ${text.slice(0, 200)}`, { cause: error }));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export interface SocketAnswer {
  /** `next`, `error` or `complete` for the operation; `closed` when the server closed the socket instead. */
  type: string;
  payload?: any; // the graphql-ws message payload: a result or a list of formatted errors
  bytes: number;
  closeCode?: number;
}

/**
 * Opens a graphql-transport-ws socket from `localAddress`, subscribes once and resolves with the server's first
 * answer for that operation (or the socket's close). `holdMs` keeps a successful subscription open that long
 * before resolving with `next` pending, for operations that only wait for events.
 */
export function subscribeFrom(
  localAddress: string,
  url: string,
  payload: unknown,
  options: { holdMs?: number; raw?: string } = {},
): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { localAddress });
    let settled = false;
    const finish = (answer: SocketAnswer) => {
      if (settled) return;
      settled = true;
      socket.close();
      resolve(answer);
    };
    socket.on('error', (error) => (settled ? undefined : reject(error)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('close', (code) => finish({ type: 'closed', bytes: 0, closeCode: code }));
    socket.on('message', (data) => {
      const text = String(data);
      const message = JSON.parse(text) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(options.raw ?? JSON.stringify({ id: '1', type: 'subscribe', payload }));
        if (options.holdMs) setTimeout(() => finish({ type: 'open', bytes: 0 }), options.holdMs);
        return;
      }
      if (message.id === '1') finish({ type: message.type, payload: message.payload, bytes: Buffer.byteLength(text) });
    });
  });
}

/** The first error of an HTTP or socket answer, whichever shape it came in. */
export function firstError(answer: Answer | SocketAnswer): { message: string; extensions?: Record<string, unknown> } | undefined {
  if ('body' in answer) return answer.body.errors?.[0];
  if (answer.type === 'error') return answer.payload?.[0];
  return answer.payload?.errors?.[0];
}

/** Rejects when `promise` has not settled within `ms`. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger at debug whose lines are kept in `lines`, parsed. */
export function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug', base: { service: 'detente' } }, sink), lines };
}

export const LEVEL = { info: 30, warn: 40, error: 50 } as const;

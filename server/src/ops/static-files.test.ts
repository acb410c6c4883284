// The page's files over HTTP: a browser that accepts brotli or gzip gets the precompressed copy with the right
// headers, hashed assets are cached as immutable, and index.html (also for client-side routes) is revalidated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { startTestApp, TestApp } from '../test-support/app';

const SCRIPT = `console.log(${JSON.stringify('the timeline '.repeat(200))});\n`;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head><body></body></html>';

let dist: string;
let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  // A built page as client/vite.config.ts writes it: each text file beside its .br and .gz copies.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  const files = { 'index.html': INDEX, 'assets/index-AbCd1234.js': SCRIPT };
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dist, name), text);
    fs.writeFileSync(path.join(dist, `${name}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(dist, `${name}.gz`), zlib.gzipSync(text));
  }
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { CLIENT_DIST: dist });
});
afterAll(async () => {
  await app.stop();
  await db.drop();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** A raw GET (fetch would decode the body and hide what was sent). */
function get(urlPath: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app.url}${urlPath}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

describe('compressed static files', () => {
  it('given Accept-Encoding br, then the brotli copy is sent as br, with the script’s type and Vary', async () => {
    const res = await get('/assets/index-AbCd1234.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('given Accept-Encoding gzip only, then the gzip copy is sent as gzip', async () => {
    const res = await get('/assets/index-AbCd1234.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('given no Accept-Encoding, then the file is sent as it is', async () => {
    const res = await get('/assets/index-AbCd1234.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('hashed assets are cached for a year as immutable; index.html, also for a client-side route, is revalidated', async () => {
    expect((await get('/assets/index-AbCd1234.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const route of ['/', '/about', '/explorer?x=1']) {
      const res = await get(route, 'br, gzip');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('the export and API paths are not swallowed by the page', async () => {
    const res = await get('/export/events.nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});

// The built page's files: precompressed brotli and gzip copies (written by the build, client/vite.config.ts) chosen
// by Accept-Encoding, hashed assets cached for a year as immutable, and index.html revalidated on every load.
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every file under assets/ by a hash of its content: a changed file is a new URL. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files at the root keep their names across releases (favicon, robots.txt): an hour, then ask again. */
const UNHASHED = 'public, max-age=3600';

export function cacheControlFor(filePath: string): string {
  if (path.basename(filePath).startsWith('index.html')) return 'no-cache';
  return HASHED_ASSET.test(filePath) ? IMMUTABLE : UNHASHED;
}

export function staticFiles(root: string): RequestHandler {
  return expressStaticGzip(root, {
    enableBrotli: true,
    // Brotli is smaller than gzip at the same speed of reading; prefer it whenever the browser takes both.
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res: ServerResponse, filePath: string) => res.setHeader('cache-control', cacheControlFor(filePath)),
    },
  });
}

// The timeline page's first JavaScript stays within its budget (issue #16: under 270 kB gzipped): the scripts
// index.html loads and preloads before any click, as the server sends them precompressed. Reads the build that
// `npm test` makes first (server/scripts/test.mjs), so a change that grows the first load fails here, not in review.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './support';

const BUDGET_BYTES = 270_000;
const DIST = path.join(ROOT, 'client', 'dist');

/** The scripts of index.html: its module entry and the modules it preloads. */
function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return [...new Set(sources.map((match) => match[1]))];
}

describe("the timeline page's first JavaScript", () => {
  it('Given the built page, Then the scripts it loads before any click weigh under 270 kB gzipped, each served precompressed', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const scripts = initialScripts(html);
    // The entry, React, Apollo, the GraphQL parser, vis-timeline and the runtime: a page of one script is a broken build.
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    const sizes = scripts.map((src) => ({ src, gzip: fs.statSync(path.join(DIST, `${src.replace(/^\//, '')}.gz`)).size }));
    const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
    expect({ total, within: total < BUDGET_BYTES }).toEqual({ total, within: true });
  });
});

// Scenario (e): the real built app (`node server/dist/main.js` over the benchmark database) in headless Chromium:
// time from navigation to the first drawn timeline, then frame times while the timeline pans with its items.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HEADLESS_CHROMIUM_ARGS } from '../src/test-support/chromium';
import { freePort } from '../src/test-support/net';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
/** A one-year window: at a million events the timeline query fills it with its full 200 items. */
const PAGE_PATH = process.env.BENCH_PAGE_PATH ?? '/?from=2020-01-01&to=2020-12-31';

export interface PageRun {
  /** vis-timeline's onInitialDrawComplete, ms after navigation start (window.__detente.firstDrawAt). */
  firstDrawMs: number | null;
  /** When the first event item was in the DOM inside a visible timeline, ms after navigation start (watchFirstItems). */
  firstItemsMs: number;
  itemsDrawn: number;
}

/** Chrome DevTools' "Fast 3G" preset (latency and throughput as its network panel applies them). */
export const FAST_3G = { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 } as const;

export interface ThrottledRun {
  firstItemsMs: number;
  /** Bytes on the wire for the page and its scripts and styles (transferSize of the navigation and resources). */
  transferredBytes: number;
}

export interface ThrottledResult {
  profile: string;
  compressed: { runs: ThrottledRun[]; firstItemsP50: number; transferredBytes: number };
  uncompressed: { runs: ThrottledRun[]; firstItemsP50: number; transferredBytes: number };
}

export interface PageResult {
  runs: PageRun[];
  /** First items on a throttled connection, with the precompressed files and without them, in the same run. */
  throttled?: ThrottledResult;
  firstDrawP50: number;
  firstDrawMax: number;
  itemsLoaded: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  slowFrames: number;
}

/** Builds shared, server and client when stale, exactly as `npm start` does. */
export function buildApp(): void {
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import('./server/scripts/build-if-needed.mjs').then((m) => m.buildIfNeeded())`],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('Building the app failed');
}

export async function waitForReady(url: string, timeoutMs: number, exited?: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (exited?.()) throw new Error('the server exited before it was ready');
    if (Date.now() > deadline) throw new Error(`${url}/readyz did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const percentile = (values: number[], p: number): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export async function measurePage(
  databaseUrl: string,
  options: { runs: number; panSeconds: number; throttledRuns?: number; log: (m: string) => void },
): Promise<PageResult> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  buildApp();
  const port = await freePort();
  const app: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'main.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await waitForReady(url, 30_000, () => app.exitCode !== null);
    // Playwright gives each launch a fresh temporary profile (it refuses --user-data-dir here).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: HEADLESS_CHROMIUM_ARGS });
    const runs: PageRun[] = [];
    let frameDeltas: number[] = [];
    let itemsLoaded = 0;
    for (let i = 0; i < options.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(watchFirstItems);
      await page.goto(`${url}${PAGE_PATH}`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => (window as unknown as { __benchFirstItemsAt?: number }).__benchFirstItemsAt !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const run = await page.evaluate(() => {
        const w = window as unknown as { __benchFirstItemsAt: number; __detente?: { firstDrawAt?: number } };
        return {
          firstDrawMs: w.__detente?.firstDrawAt ?? null,
          firstItemsMs: w.__benchFirstItemsAt,
          itemsDrawn: document.querySelectorAll('.vis-item:not(.vis-line):not(.vis-dot)').length,
        };
      });
      runs.push(run);
      if (i === options.runs - 1) {
        // Let the window's items all arrive and settle, then pan as a held arrow key or a drag does: a small
        // step of the window every frame, timing each frame with requestAnimationFrame.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1500);
        const pan = await page.evaluate(async (seconds: number) => {
          type Window2 = {
            __detente?: {
              timeline: {
                getWindow(): { start: Date; end: Date };
                setWindow(s: number, e: number, o: object): void;
                itemsData?: { length: number };
              };
            };
          };
          const timeline = (window as unknown as Window2).__detente!.timeline;
          // The items vis-timeline holds (events and "+N" markers), whether or not they are drawn right now.
          const loaded = timeline.itemsData?.length ?? document.querySelectorAll('.vis-item:not(.vis-line):not(.vis-dot)').length;
          const { start, end } = timeline.getWindow();
          const width = end.getTime() - start.getTime();
          const deltas: number[] = [];
          await new Promise<void>((resolve) => {
            let last = 0;
            let offset = 0;
            const stopAt = performance.now() + seconds * 1000;
            const frame = (now: number) => {
              if (last) deltas.push(now - last);
              last = now;
              if (now > stopAt) return resolve();
              // Back and forth over a fifth of the window, so the drawn set stays the loaded one.
              offset += width / 400;
              const shift = Math.abs(((offset / width + 0.2) % 0.4) - 0.2) * width;
              timeline.setWindow(start.getTime() + shift, end.getTime() + shift, { animation: false });
              requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          });
          return { deltas, loaded };
        }, options.panSeconds);
        frameDeltas = pan.deltas;
        itemsLoaded = pan.loaded;
      }
      await context.close();
    }
    const throttled = await measureThrottled(browser, url, options.throttledRuns ?? 2, options.log);
    const firstDraws = runs.map((r) => r.firstItemsMs);
    return {
      runs,
      firstDrawP50: percentile(firstDraws, 50),
      firstDrawMax: Math.max(...firstDraws),
      itemsLoaded,
      frames: frameDeltas.length,
      frameP50: percentile(frameDeltas, 50),
      frameP95: percentile(frameDeltas, 95),
      frameP99: percentile(frameDeltas, 99),
      slowFrames: frameDeltas.filter((d) => d > 1000 / 60 + 1).length,
      throttled,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    app.kill('SIGTERM');
    await new Promise((resolve) => (app.exitCode === null ? app.once('exit', resolve) : resolve(null)));
  }
}

type BenchBrowser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/**
 * Notes when the first event item is drawn, whatever draws it: in the DOM and inside a timeline that shows. vis-timeline
 * keeps its root hidden until its first full draw, and items may be in the DOM well before that, unseen; counting
 * them then would time something no reader sees.
 */
function watchFirstItems() {
  const w = window as unknown as { __benchFirstItemsAt?: number };
  new MutationObserver((_records, observer) => {
    const item = document.querySelector('.vis-item:not(.vis-line):not(.vis-dot)');
    const root = item?.closest('.vis-timeline');
    if (item && root && getComputedStyle(root).visibility === 'visible') {
      w.__benchFirstItemsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
}

/**
 * A first visit on Fast 3G (Chromium's own throttling over CDP, so the wire bytes are what is slowed): time to the
 * first items, with the page's files sent precompressed (brotli) and, in the same run, uncompressed
 * (Accept-Encoding: identity). Runs alternate, so a change in the machine's load falls on both.
 */
async function measureThrottled(browser: BenchBrowser, url: string, runs: number, log: (m: string) => void): Promise<ThrottledResult> {
  const results = { compressed: [] as ThrottledRun[], uncompressed: [] as ThrottledRun[] };
  for (let i = 0; i < runs * 2; i++) {
    const compressed = i % 2 === 0;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      ...(compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } }),
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...FAST_3G });
    await page.addInitScript(watchFirstItems);
    await page.goto(`${url}${PAGE_PATH}`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __benchFirstItemsAt?: number }).__benchFirstItemsAt !== undefined, undefined, {
      timeout: 120_000,
    });
    const run = await page.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      return {
        firstItemsMs: (window as unknown as { __benchFirstItemsAt: number }).__benchFirstItemsAt,
        transferredBytes: entries.filter((e) => !e.name.includes('/graphql')).reduce((sum, e) => sum + e.transferSize, 0),
      };
    });
    (compressed ? results.compressed : results.uncompressed).push(run);
    log(
      `  Fast 3G, ${compressed ? 'compressed' : 'uncompressed'}: first items ${Math.round(run.firstItemsMs)} ms, ${run.transferredBytes} bytes`,
    );
    await context.close();
  }
  const summary = (list: ThrottledRun[]) => ({
    runs: list,
    firstItemsP50: percentile(
      list.map((r) => r.firstItemsMs),
      50,
    ),
    transferredBytes: percentile(
      list.map((r) => r.transferredBytes),
      50,
    ),
  });
  return {
    profile: 'Fast 3G (562.5 ms, 1.44 Mbit/s down)',
    compressed: summary(results.compressed),
    uncompressed: summary(results.uncompressed),
  };
}

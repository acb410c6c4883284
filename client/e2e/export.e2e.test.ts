// Taking the view away, and what the data is: the Export menu's file for a filtered view holds exactly the API's
// events for that filter, Print lays the view out as a list with sources, the detail panel shows the coding and the
// history, and /about counts the record from the API. Each state is saved as a screenshot.
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
jest.setTimeout(240_000);

const VIEW = '?kind=SANCTION&from=2022-01-01&to=2022-12-31';
const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The API's answer for a filter: every event, in date order, page after page. */
async function apiSlugs(filter: Record<string, unknown>): Promise<string[]> {
  const slugs: string[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($filter: EventFilter, $after: String) { events(filter: $filter, orderBy: DATE_ASC, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { slug } } }`,
        variables: { filter, after },
      }),
    });
    const { data } = (await response.json()) as {
      data: { events: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ slug: string }> } };
    };
    slugs.push(...data.events.nodes.map((n) => n.slug));
    if (!data.events.pageInfo.hasNextPage) return slugs;
    after = data.events.pageInfo.endCursor;
  }
}

async function openPage(path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  return page;
}

describeBrowser('export and print', () => {
  it('given a filtered view, the Export menu’s CSV holds exactly the API’s events for that filter', async () => {
    const page = await openPage(`/${VIEW}`);
    await page.waitForSelector(ITEM, { timeout: 30_000 });
    await page.getByText('Export', { exact: true }).click();
    await page.screenshot({ path: screenshotPath('export-menu-1440') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^detente-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: Array<Record<string, string>> = parseCsv(fs.readFileSync((await download.path())!, 'utf8'), {
      columns: true,
      comment: '#',
    });
    const expected = await apiSlugs({ kinds: ['SANCTION'], from: '2022-01-01', to: '2022-12-31' });
    expect(expected.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.slug)).toEqual(expected);
    expect(rows.every((r) => r.kind === 'SANCTION' && r.sourceUrls.startsWith('http'))).toBe(true);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('link', { name: /^CSV/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('export-menu-360') });
    await page.context().close();
  });

  it('Print lays the view out as a list with its sources, and nothing else, in print media', async () => {
    const page = await openPage(`/${VIEW}`);
    await page.waitForSelector(ITEM, { timeout: 30_000 });
    // The print dialog cannot be driven headless: note that it was asked for instead.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: /^Print/ }).click();
    await page.waitForSelector('[data-print-view="ready"]', { state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('print-1440'), fullPage: true });
    const expected = await apiSlugs({ kinds: ['SANCTION'], from: '2022-01-01', to: '2022-12-31' });
    expect(await page.locator('[data-testid="print-event"]').count()).toBe(expected.length);
    expect(await page.locator('[data-testid="timeline"]').isVisible()).toBe(false);
    expect(await page.locator('.app-filters').isVisible()).toBe(false);
    // The kind colour survives printing.
    const colour = await page
      .locator('[data-testid="print-event"]')
      .first()
      .evaluate((el) => getComputedStyle(el).printColorAdjust || getComputedStyle(el).getPropertyValue('-webkit-print-color-adjust'));
    expect(colour).toBe('exact');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: screenshotPath('print-360') });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-testid="print-view"]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describeBrowser('what the data is', () => {
  it('the detail panel shows the coding and the history, and says how far the record reaches', async () => {
    const [slug] = await apiSlugs({ kinds: ['STATEMENT'], from: '2021-10-12', to: '2021-10-12' });
    const page = await openPage(`/?event=${slug}`);
    const coding = page.getByTestId('event-coding');
    await coding.waitFor({ timeout: 30_000 });
    // The CAMEO label comes with the codebook, loaded when the first panel shows a code.
    await page.waitForFunction(() => /CAMEO\d{3,4} \w/.test(document.querySelector('[data-testid="event-coding"]')?.textContent ?? ''));
    expect(await coding.textContent()).toMatch(/CAMEO\d{3,4} .+Importance\d of 5.*Verification/);
    expect(await page.getByTestId('event-history').textContent()).toMatch(/Version 1: import by dataset/);
    expect(await page.getByTestId('record-up-to').textContent()).toMatch(/^Record up to \d{1,2} \w{3} \d{4}/);
    await coding.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('detail-coding-1440') });
    await page.context().close();
    const narrow = await openPage(`/?event=${slug}`, { width: 360, height: 740 });
    await narrow.getByTestId('event-coding').waitFor({ timeout: 30_000 });
    await narrow.getByTestId('event-coding').scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: screenshotPath('detail-coding-360') });
    await narrow.context().close();
  });

  it('/about gives the method and counts the record from the API', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ recordSummary { events sources } }' }),
    });
    const { data } = (await response.json()) as { data: { recordSummary: { events: number; sources: number } } };
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const page = await openPage('/about', viewport);
      const totals = page.getByTestId('about-totals');
      await totals.waitFor({ timeout: 30_000 });
      const text = (await totals.textContent()) ?? '';
      expect(text).toContain(`${data.recordSummary.events.toLocaleString('en-GB')}events`);
      expect(text).toContain(`${data.recordSummary.sources.toLocaleString('en-GB')}distinct sources`);
      expect(await page.getByRole('heading', { name: 'How they are coded' }).isVisible()).toBe(true);
      await page.screenshot({ path: screenshotPath(`about-${viewport.width}`), fullPage: viewport.width > 400 });
      await page.context().close();
    }
  });
});

// The first thing a user does: open the page, see the timeline, click an event, read its sources.
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;

describeBrowser('the timeline page in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Given the app started with npm start, When the page opens, Then timeline items are drawn with their titles as text', async () => {
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="timeline"] .vis-item.event-item', { timeout: 30_000 });
    const titles = await page.$$eval('[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)', (items) => items.map((i) => i.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(' ')).toMatch(/\w{4,}/);
    await page.screenshot({ path: screenshotPath('timeline'), fullPage: true });
  });

  it('When an item is clicked, Then the detail panel shows the event and a link to its source', async () => {
    const item = page.locator('[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)').first();
    const title = (await item.textContent())?.trim() ?? '';
    await item.click();
    const panel = page.locator('[data-testid="event-detail"]');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    const link = panel.locator('[data-testid="event-sources"] a[href^="http"]').first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await panel.textContent()).toContain(title.replace(/^\W+\s*/, '').slice(0, 20));
    await page.screenshot({ path: screenshotPath('detail-panel'), fullPage: true });
  });
});

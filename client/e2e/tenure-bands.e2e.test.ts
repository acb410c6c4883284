// The tenure bands as a reader uses them: turn on the presidents' bands in the Bands menu, see each president's
// tenure shaded over the right days behind the events, and find them again after a reload from the URL alone.
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
jest.setTimeout(180_000);

const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';
const BAND = '[data-testid="timeline"] .vis-item.vis-background.band-item';
const LABEL = '[data-testid="band-labels"] .band-label';

/** Where a day (local midnight) falls on screen, from the timeline's visible window and its drawing area. */
async function xOfDay(page: Page, year: number, month: number, day: number): Promise<number> {
  return page.evaluate(
    ([y, m, d]) => {
      const { start, end } = window.__detente!.timeline.getWindow();
      const panel = document.querySelector('[data-testid="timeline"] .vis-panel.vis-center')!.getBoundingClientRect();
      const at = new Date(y, m - 1, d).getTime();
      return panel.left + ((at - start.getTime()) / (end.getTime() - start.getTime())) * panel.width;
    },
    [year, month, day],
  );
}

/** The shaded band of a holder's tenure, found through its label in the strip above the timeline. */
async function bandBox(page: Page, holder: string) {
  const label = page.locator(LABEL).filter({ hasText: holder }).first();
  await label.waitFor({ timeout: 20_000 });
  const id = await label.getAttribute('data-band-id');
  // vis-timeline puts a background item's data-id on its content, inside the shaded box.
  const box = await page.locator(`${BAND}:has([data-id="${id}"])`).boundingBox();
  if (!box) throw new Error(`the band of ${holder} has no box`);
  return box;
}

describeBrowser('tenure bands on the timeline', () => {
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

  it("Given no bands, When Presidents is ticked in the Bands menu, Then Trump's first term is shaded from 20 January 2017 and the URL says bands=presidents", async () => {
    await page.goto(`${app.url}/?from=2016-01-01&to=2019-01-01`);
    await page.waitForSelector(ITEM, { timeout: 30_000 });
    expect(await page.locator(BAND).count()).toBe(0);

    await page.getByText('Bands', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Presidents' }).check();

    const trump = await bandBox(page, 'Donald Trump · U.S. President');
    const obama = await bandBox(page, 'Barack Obama · U.S. President');
    const inauguration = await xOfDay(page, 2017, 1, 20);
    expect(Math.abs(trump.x - inauguration)).toBeLessThan(3);
    expect(Math.abs(obama.x + obama.width - inauguration)).toBeLessThan(3);
    await expect(page.locator(LABEL).filter({ hasText: 'Vladimir Putin · President of Russia' }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.getAll('bands')).toEqual(['presidents']);
    await page.screenshot({ path: screenshotPath('tenure-bands') });
  });

  it('Then the events are still drawn above the bands: wherever an event title and a band share a point, the event is on top', async () => {
    const order = await page.evaluate(
      ([itemSelector, bandSelector]) =>
        [...document.querySelectorAll(`${itemSelector} .event-item__title`)].flatMap((title) => {
          const box = title.getBoundingClientRect();
          const stack = document.elementsFromPoint(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
          const event = stack.findIndex((element) => element.closest('.event-item'));
          const band = stack.findIndex((element) => element.matches(bandSelector));
          // A title cut off by its lane's cap, or outside every band, says nothing about the order.
          return event === -1 || band === -1 ? [] : [event < band ? 'event on top' : 'band on top'];
        }),
      [ITEM, BAND],
    );
    expect(order.length).toBeGreaterThan(3);
    expect(new Set(order)).toEqual(new Set(['event on top']));
  });

  it('Then each name is over its band in a strip above the timeline, where no marker or event covers it, and a press outside closes the menu', async () => {
    const placed = await page.evaluate(
      ([labelSelector, bandSelector]) => {
        const timeline = document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
        const panel = document.querySelector('[data-testid="timeline"] .vis-panel.vis-center')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>(labelSelector)].map((label) => {
          const box = label.getBoundingClientRect();
          const band = document.querySelector(`[data-id="${label.dataset.bandId}"]`)!.closest(bandSelector)!.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + Math.min(box.width / 2, 30), box.top + box.height / 2);
          return {
            name: label.textContent,
            // Where its band starts in view: the band's own left edge, or the drawing area's when it began earlier.
            offBy: Math.abs(box.left - Math.max(band.left, panel.left)),
            aboveTimeline: box.bottom <= timeline.top + 1,
            uncovered: top === label,
          };
        });
      },
      [LABEL, BAND],
    );
    expect(placed.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['Barack Obama · U.S. President', 'Donald Trump · U.S. President', 'Vladimir Putin · President of Russia']),
    );
    for (const label of placed) {
      expect(label).toEqual({ name: label.name, offBy: expect.any(Number), aboveTimeline: true, uncovered: true });
      expect(label.offBy).toBeLessThan(3);
    }
    // The menu is still open from the tick; a press on the timeline closes it.
    const menu = page.locator('details:has(summary:text-is("Bands (1)"))');
    expect(await menu.getAttribute('open')).not.toBeNull();
    await page.getByTestId('timeline-status').click();
    expect(await menu.getAttribute('open')).toBeNull();
  });

  it('When the page is reloaded with bands= in the URL, Then the same bands are drawn over the same days and the menu shows Presidents ticked', async () => {
    await page.reload();
    await page.waitForSelector(ITEM, { timeout: 30_000 });
    const trump = await bandBox(page, 'Donald Trump · U.S. President');
    expect(Math.abs(trump.x - (await xOfDay(page, 2017, 1, 20)))).toBeLessThan(3);
    await page.getByText('Bands (1)', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: 'Presidents' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Ambassadors' }).isChecked()).toBe(false);
  });

  it('When Escape is pressed in the open menu, Then it closes and the keyboard is back on its button; Enter opens it again', async () => {
    await page.getByRole('checkbox', { name: 'Presidents' }).focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('details:has(summary:text-is("Bands (1)"))').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bands (1)');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Presidents' }).waitFor({ state: 'visible' });
  });

  it('When Presidents is unticked, Then the bands go and bands= leaves the URL', async () => {
    await page.getByRole('checkbox', { name: 'Presidents' }).uncheck();
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, BAND, { timeout: 10_000 });
    expect(await page.locator(LABEL).count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('bands')).toBe(false);
  });
});

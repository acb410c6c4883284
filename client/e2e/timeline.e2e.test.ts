// The page as a reader uses it: open it, click and read an event, filter and search, share a link, move with
// the keyboard, zoom out, the embed, and the API explorer; every main state is saved as a screenshot.
// One app serves every test (two `npm start`s at once would race to build the same files).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
// Starting the app takes longer than jest's 5 s default (a project's testTimeout does not reach its hooks).
jest.setTimeout(180_000);

const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';
const SELECTED = '[data-testid="timeline"] .vis-item.event-item.vis-selected:not(.vis-line):not(.vis-dot)';
/** TIMELINE_MAX_ITEMS in openingWindow.ts: the most events the page asks for at once. */
const ITEM_CAP = 200;
const HOSTILE = '<img src=x onerror=alert(1)>';

async function drawnTitles(page: Page): Promise<string[]> {
  return page.$$eval(ITEM, (items) => items.map((item) => item.textContent ?? ''));
}

async function waitForItems(page: Page) {
  await page.waitForSelector(ITEM, { timeout: 30_000 });
}

/** Waits until the timeline has fetched and drawn what the latest settled window asked for. */
async function waitForSettled(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('aria-busy') === 'false', null, {
    timeout: 20_000,
  });
  await page.waitForTimeout(400);
}

async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  return page.evaluate(() => {
    const { start, end } = window.__detente!.timeline.getWindow();
    return { start: start.getTime(), end: end.getTime() };
  });
}

/** Each animation frame comes late for the first 1.5 s, as on a busy machine. */
const SLOW_FIRST_FRAMES = `{
  const raf = window.requestAnimationFrame.bind(window);
  const slowUntil = performance.now() + 1500;
  window.requestAnimationFrame = (callback) =>
    performance.now() < slowUntil ? raf(() => setTimeout(() => raf(callback), 300)) : raf(callback);
}`;

/** Notes each GraphQL request the page sends, in order. */
const RECORD_GRAPHQL_REQUESTS = `{
  window.__asked = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input, init) => {
    try {
      const body = JSON.parse(init && typeof init.body === 'string' ? init.body : '{}');
      window.__asked.push({ operationName: body.operationName, variables: body.variables });
    } catch {}
    return fetch0(input, init);
  };
}`;

/** Delays the answers to one GraphQL operation by `ms`, as a slow network would. */
async function holdBack(target: Page, operationName: string, ms: number) {
  await target.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes(`"operationName":"${operationName}"`)) await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

describeBrowser('the timeline page in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    // A test-only event with markup in its title, imported into this app's database only.
    await app.importData(path.join(__dirname, 'fixtures', 'hostile-title.json'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Given the app started with npm start, When the page opens, Then timeline items are drawn with their titles as text', async () => {
    await page.goto(app.url);
    await waitForItems(page);
    const titles = await drawnTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(' ')).toMatch(/\w{4,}/);
    // The first draw is observable for the benchmark.
    await page.waitForFunction(() => typeof window.__detente?.firstDrawAt === 'number');
    // The opening window is the last two years of the data.
    const { start, end } = await visibleWindow(page);
    expect((end - start) / 86_400_000).toBeGreaterThan(700);
    expect(new Date(end).getFullYear()).toBeGreaterThanOrEqual(2024);
    await page.locator('[data-testid="temperature-band"] path').first().waitFor();
    await page.screenshot({ path: screenshotPath('timeline'), fullPage: true });
  });

  it('When an item is clicked, Then the detail panel shows the event and a link to its source', async () => {
    const item = page.locator(ITEM).first();
    const title = (await item.textContent())?.trim() ?? '';
    await item.click();
    const panel = page.locator('[data-testid="event-detail"]');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    const link = panel.locator('[data-testid="event-sources"] a[href^="http"]').first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await panel.textContent()).toContain(title.replace(/^\W+\s*/, '').slice(0, 20));
    expect(page.url()).toMatch(/[?&]event=/);
    await page.screenshot({ path: screenshotPath('detail-panel'), fullPage: true });
  });

  it('When the Sanctions kind is ticked, Then only sanctions are drawn, the URL says so, and the counts are shown', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2022-01-01`);
    await waitForItems(page);
    await waitForSettled(page);
    const before = await page.$$eval(ITEM, (items) => items.map((item) => item.className));
    expect(before.some((className) => !className.includes('kind-SANCTION'))).toBe(true);
    await page.getByTestId('kind-count-SANCTION').filter({ hasText: /\d/ }).waitFor();

    await page.getByRole('checkbox', { name: /Sanctions/ }).check();
    await page.waitForFunction(
      (selector) => {
        const items = [...document.querySelectorAll(selector)];
        return items.length > 0 && items.every((item) => item.classList.contains('kind-SANCTION'));
      },
      ITEM,
      { timeout: 15_000 },
    );
    expect(page.url()).toContain('kind=SANCTION');
    await page.screenshot({ path: screenshotPath('filtered-sanctions'), fullPage: true });
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.waitForFunction(
      (selector) => [...document.querySelectorAll(selector)].some((item) => !item.classList.contains('kind-SANCTION')),
      ITEM,
    );
  });

  it('When a tag is chosen, Then the URL carries it and the kind counts follow it', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2022-01-01`);
    await waitForItems(page);
    const statements = page.getByTestId('kind-count-STATEMENT');
    await statements.filter({ hasText: /\d/ }).waitFor();
    const before = Number(await statements.textContent());
    await page.getByRole('button', { name: /^arms control \d+$/ }).click();
    await page.waitForURL(/tag=arms\+control/);
    await page.waitForFunction(
      (count) => Number(document.querySelector('[data-testid="kind-count-STATEMENT"]')?.textContent) < count,
      before,
    );
    expect(await page.getByRole('button', { name: /^arms control/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('When an actor is found by autocomplete, or a participant chip is chosen, Then the timeline shows only their events', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2022-01-01`);
    await waitForItems(page);
    await page.getByRole('combobox', { name: 'Find an actor' }).fill('Lavr');
    await page.getByRole('option', { name: /Lavrov/ }).click();
    await page.getByRole('list', { name: 'Chosen actors' }).getByText('Sergey Lavrov').waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(/actor=[0-9a-f-]{36}/);
    await waitForSettled(page);
    const titles = await drawnTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(60);

    await page.locator(ITEM).first().click();
    const chip = page.getByTestId('participant-chip').last();
    await chip.waitFor();
    await chip.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('actor').length === 2);
    await page.getByRole('button', { name: /Remove Sergey Lavrov/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('actor').length === 1);
  });

  it('When the pointer rests on the temperature band, Then it reads out that period’s tone each way', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2022-01-01`);
    const band = page.getByTestId('temperature-band');
    await band.locator('path[d^="M"]').first().waitFor({ timeout: 15_000 });
    const box = (await band.boundingBox())!;
    await band.hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
    await page
      .getByTestId('temperature-readout')
      .filter({ hasText: /US → Russia: (mean|no events).*Russia → US/ })
      .waitFor();
  });

  it('When a search is made, Then the results are listed with highlighted matches, the timeline narrows, and a result opens', async () => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill('Ryabkov');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByTestId('search-results');
    await results.waitFor({ timeout: 15_000 });
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => /ryabkov/i.test(mark))).toBe(true);
    expect(page.url()).toContain('q=Ryabkov');
    await waitForSettled(page);
    const titles = await drawnTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(20);
    await page.screenshot({ path: screenshotPath('search'), fullPage: true });

    const first = results.locator('button').first();
    const hitTitle = (await first.locator('[data-testid="search-hit-title"]').textContent())?.replace(/^\W+\s*/, '').trim() ?? '';
    await first.click();
    await page.locator('[data-testid="event-detail"] h2', { hasText: hitTitle.slice(0, 25) }).waitFor({ timeout: 15_000 });
  });

  it('When a search matches nothing, Then the page says so and offers to clear the filters', async () => {
    await page.goto(`${app.url}/?q=zzyzxqqqnothing&from=2021-01-01&to=2022-01-01`);
    await page.getByTestId('timeline-empty').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('empty-results'), fullPage: true });
    await page.getByTestId('timeline-empty').getByRole('button', { name: 'Clear filters' }).click();
    await waitForItems(page);
    expect(page.url()).not.toContain('q=');
  });

  it('Given a link with a window and a filter, When it is opened, Then its events are the first thing asked for, and asked once', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.addInitScript(RECORD_GRAPHQL_REQUESTS);
    await other.goto(`${app.url}/?kind=STATEMENT&from=2021-01-01&to=2021-12-31`);
    await waitForItems(other);
    await other.waitForTimeout(500); // the rest of the page's first requests
    const asked = await other.evaluate(
      () => (window as unknown as { __asked: Array<{ operationName: string; variables: Record<string, unknown> }> }).__asked,
    );
    // Before React's first render and vis-timeline's creation, which ask for everything else.
    expect(asked[0].operationName).toBe('TimelineWindow');
    const windows = asked.filter((request) => request.operationName === 'TimelineWindow');
    expect(windows).toHaveLength(1);
    expect(windows[0].variables.filter).toEqual({ kinds: ['STATEMENT'] });
    expect((await drawnTitles(other)).length).toBeGreaterThan(0);
    await other.close();
  });

  it('Given a shared URL with filters, lanes, a window and a selected event, When it is opened, Then the same view is restored', async () => {
    await page.goto(`${app.url}/?kind=MEETING&from=2021-06-01&to=2021-07-01`);
    await waitForItems(page);
    const eventId = await page.locator(ITEM).first().locator('[data-event-id]').getAttribute('data-event-id');
    const shared = `${app.url}/?kind=MEETING&lanes=side&from=2021-06-01&to=2021-07-01&event=${eventId}`;

    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(shared);
    await other.locator('[data-testid="event-detail"] h2').waitFor({ timeout: 15_000 });
    await other.waitForSelector(SELECTED, { timeout: 15_000 });
    expect(await other.getByRole('checkbox', { name: /Meetings/ }).isChecked()).toBe(true);
    expect(await other.getByRole('button', { name: 'By side' }).getAttribute('aria-pressed')).toBe('true');
    await other.locator('.vis-label', { hasText: 'United States' }).first().waitFor();
    const { start, end } = await visibleWindow(other);
    expect(Math.abs(start - new Date(2021, 5, 1).getTime())).toBeLessThan(86_400_000);
    expect(Math.abs(end - new Date(2021, 6, 1).getTime())).toBeLessThan(86_400_000);
    // June 2021's meetings were all mutual: the band says why it has no line rather than staying blank.
    await other.getByTestId('temperature-readout').filter({ hasText: 'No US → Russia or Russia → US events here' }).waitFor();
    await other.screenshot({ path: screenshotPath('shared-url-restored'), fullPage: true });
    await other.close();
  });

  // vis-timeline puts its window back to the opening one on its first draw, which comes a frame or more after
  // it is created; a move made in between was lost. Slow frames and each order of the two answers (the event
  // before the data range, the data range before the event) reproduce the gap that failed on a loaded CI machine.
  it.each([
    ['the event answers first', 'DataRange'],
    ['the data range answers first', 'EventDetail'],
  ])(
    'Given a link that names only an event by its slug, on a machine drawing slowly (%s), When it is opened, Then the timeline goes to it and marks it',
    async (_order, heldBack) => {
      const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await other.addInitScript(SLOW_FIRST_FRAMES);
      await holdBack(other, heldBack, 150);
      await other.goto(`${app.url}/?event=2016-12-29-us-expels-35-russian-diplomats`);
      await other.locator('[data-testid="event-detail"] h2', { hasText: '35 Russian diplomats' }).waitFor({ timeout: 15_000 });
      // The slug is swapped for the id, so the timeline can select the item, and its lane is scrolled into sight.
      await other.waitForURL(/event=[0-9a-f]{8}-[0-9a-f-]{27}/);
      const selected = other.locator(SELECTED);
      await selected.waitFor({ timeout: 15_000 });
      expect(await selected.textContent()).toContain('35 Russian diplomats');
      expect(await selected.isVisible()).toBe(true);
      await other.waitForTimeout(600); // the scroll to its lane is animated
      const box = (await selected.boundingBox())!;
      const canvas = (await other.getByTestId('timeline').boundingBox())!;
      const middle = box.y + box.height / 2;
      expect(middle).toBeGreaterThan(canvas.y);
      expect(middle).toBeLessThan(canvas.y + canvas.height);
      await other.screenshot({ path: screenshotPath(`slug-link-${heldBack === 'DataRange' ? 'event-first' : 'range-first'}`) });
      await other.close();
    },
  );

  it('Given a few selections, When the browser goes back and forward, Then it steps through them', async () => {
    await page.goto(`${app.url}/?from=2021-06-01&to=2021-07-15`);
    await waitForItems(page);
    const items = page.locator(ITEM);
    const firstId = await items.nth(0).locator('[data-event-id]').getAttribute('data-event-id');
    const secondId = await items.nth(1).locator('[data-event-id]').getAttribute('data-event-id');
    await items.nth(0).click();
    await page.waitForURL(new RegExp(`event=${firstId}`));
    await items.nth(1).click();
    await page.waitForURL(new RegExp(`event=${secondId}`));
    await page.goBack();
    await page.waitForURL(new RegExp(`event=${firstId}`));
    await page.waitForSelector(`${SELECTED} [data-event-id="${firstId}"]`);
    await page.goForward();
    await page.waitForURL(new RegExp(`event=${secondId}`));
  });

  it('When the timeline has focus, Then arrow keys move the selection in time order, Enter opens it and Escape closes it', async () => {
    await page.goto(`${app.url}/?from=2021-03-01&to=2021-05-01`);
    await waitForItems(page);
    await waitForSettled(page);
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(SELECTED);
    const first = await page.getByTestId('announcer').textContent();
    expect(first).toMatch(/^Selected: /);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((text) => document.querySelector('[data-testid="announcer"]')?.textContent !== text, first);
    const second = await page.getByTestId('announcer').textContent();
    expect(second).toMatch(/^Selected: /);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((text) => document.querySelector('[data-testid="announcer"]')?.textContent === text, first);
    expect(await page.locator('[data-testid="event-detail"]').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="event-detail"] h2', { hasText: first!.replace('Selected: ', '').split(',')[0].slice(0, 20) })
      .waitFor();
    await page.screenshot({ path: screenshotPath('keyboard-selection'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="event-detail"]').waitFor({ state: 'detached' });
    // + and − zoom.
    const before = await visibleWindow(page);
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('-');
    await page.waitForFunction((span) => {
      const { start, end } = window.__detente!.timeline.getWindow();
      return end.getTime() - start.getTime() > span * 1.2;
    }, before.end - before.start);
  });

  it('When zoomed out to the whole record, Then at most the cap of events is drawn, with "+N" markers that list the rest and zoom on request', async () => {
    await page.goto(`${app.url}/?from=2010-01-01&to=2028-01-01`);
    await waitForItems(page);
    await waitForSettled(page);
    const drawn = await page.locator(ITEM).count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(ITEM_CAP);
    const inDataSet = await page.evaluate(() => document.querySelectorAll('[data-testid="timeline"] .vis-item.event-item').length);
    expect(inDataSet).toBeLessThanOrEqual(ITEM_CAP * 3);
    const markers = page.locator('[data-testid="timeline"] .vis-item.omitted-item');
    expect(await markers.count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('zoomed-out'), fullPage: true });

    const before = await visibleWindow(page);
    await markers.first().click();
    const list = page.getByTestId('omitted-list');
    await list.getByRole('listitem').first().waitFor({ timeout: 15_000 });
    expect(await visibleWindow(page)).toEqual(before);
    await list.getByRole('button', { name: 'Zoom in to this period' }).click();
    await page.waitForFunction((span) => {
      const { start, end } = window.__detente!.timeline.getWindow();
      return end.getTime() - start.getTime() < span / 4;
    }, before.end - before.start);
  });

  it('Given an event whose title holds markup, Then it is shown as text and nothing runs (and a month-precision event reads "Jun 2021")', async () => {
    await page.goto(`${app.url}/?from=2021-06-10&to=2021-06-30`);
    await waitForItems(page);
    const item = page.locator(ITEM, { hasText: 'E2E hostile title' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid="timeline"] img').count()).toBe(0);
    // The test data also holds an event known only to the month: a month-long range labelled with it.
    const month = page.locator(ITEM, { hasText: 'E2E event known only to the month' });
    expect(await month.getAttribute('class')).toContain('vis-range');
    expect(await month.locator('.event-item__date').textContent()).toBe('Jun 2021');
    await item.click();
    const heading = page.locator('[data-testid="event-detail"] h2');
    await heading.waitFor();
    expect(await heading.textContent()).toContain(HOSTILE);
    expect(
      await page.locator('[data-testid="event-detail"] img, [data-testid="event-detail"] script, [data-testid="event-detail"] b').count(),
    ).toBe(0);
    await page.getByRole('searchbox', { name: 'Search events' }).fill('hostile');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-results').waitFor();
    expect(await page.locator('[data-testid="search-results"] img').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await page.screenshot({ path: screenshotPath('markup-as-text'), fullPage: true });
  });

  it('When the list view is chosen, Then the same filtered events are listed and arrow keys move the selection', async () => {
    await page.goto(`${app.url}/?kind=MISSION&view=list&from=2021-01-01&to=2022-01-01`);
    const rows = page.locator('[data-testid="event-list"] button');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBeGreaterThan(1);
    expect((await rows.allTextContents()).every((text) => text.includes('Mission action'))).toBe(true);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="event-detail"] h2').waitFor();
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'true');
    expect(await page.getByTestId('announcer').textContent()).toMatch(/^Selected: /);
    await page.screenshot({ path: screenshotPath('list-view'), fullPage: true });
  });

  it('When the server fails, Then the page says what failed and Retry recovers', async () => {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('TimelineWindow')) await route.abort('connectionrefused');
      else await route.continue();
    });
    await page.goto(`${app.url}/?from=2019-01-01&to=2019-12-31`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the events for this period' });
    await alert.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('error-state'), fullPage: true });
    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await waitForItems(page);
  });

  it('On a 360-pixel phone in dark mode, Then the timeline and a detail sheet fit the screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: 'dark', isMobile: true, hasTouch: true });
    await phone.goto(`${app.url}/?from=2021-09-01&to=2021-12-31`);
    await phone.waitForSelector(ITEM, { timeout: 30_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.screenshot({ path: screenshotPath('phone-dark'), fullPage: true });
    await phone.locator(ITEM).first().click();
    await phone.locator('[data-testid="event-detail"] h2').waitFor();
    await phone.screenshot({ path: screenshotPath('phone-dark-detail') });
    await phone.close();
  });

  it('When /embed is opened, Then the timeline and the detail panel render without the rest of the page', async () => {
    const embed = await browser.newPage({ viewport: { width: 900, height: 560 } });
    await embed.goto(`${app.url}/embed?from=2016-12-01&to=2017-02-01`);
    await embed.waitForSelector(ITEM, { timeout: 30_000 });
    expect(await embed.locator('[aria-labelledby="filters-heading"], header, [data-testid="temperature-band"]').count()).toBe(0);
    await embed.locator(ITEM).first().click();
    await embed.locator('[data-testid="event-detail"] [data-testid="event-sources"] a').first().waitFor();
    await embed.screenshot({ path: screenshotPath('embed') });
    await embed.close();
  });

  it('When an explorer example is chosen, Then GraphiQL runs it against /graphql and shows the result, with nothing fetched from elsewhere', async () => {
    const explorer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Everything the explorer needs comes from the app itself: any other host is refused and recorded.
    const offOrigin: string[] = [];
    await explorer.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(app.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      offOrigin.push(url);
      return route.abort();
    });
    await explorer.goto(`${app.url}/explorer`);
    await explorer.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    // Monaco draws spaces as no-break spaces: normalise them before matching.
    const responseText = async () => ((await explorer.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');

    /** The response pane's text once it matches (or whatever it shows after 30 s, for the failure message). */
    const responseMatching = async (pattern: RegExp) => {
      const deadline = Date.now() + 30_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await responseText();
        if (pattern.test(text)) break;
        await explorer.waitForTimeout(250);
      }
      return text;
    };

    await explorer.getByTestId('example-picker').selectOption('ryabkov-2021');
    const ryabkov = await responseMatching(/Sergei Ryabkov/);
    expect(ryabkov).toMatch(/Sergei Ryabkov/);
    expect(ryabkov).toContain('totalCount');
    await explorer.screenshot({ path: screenshotPath('explorer') });

    await explorer.getByTestId('example-picker').selectOption('expulsions-chain');
    // Monaco draws only the lines in view, so look for the links' shape, not one type further down.
    const chain = await responseMatching(/"links": \[ \{ "type": "[A-Z_]+", "direction": "(IN|OUT)[A-Z]+"/);
    expect(chain).toMatch(/"links": \[ \{ "type": "[A-Z_]+", "direction": "(IN|OUT)[A-Z]+"/);
    expect(chain).toContain('35 Russian diplomats');
    expect(offOrigin).toEqual([]);
    await explorer.close();
  });
});

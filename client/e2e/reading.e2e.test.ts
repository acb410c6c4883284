// Reading the record at a desk's 1440×900: every lane in sight, search and filters that take the reader to the
// matches, titles cut on words, one count for what is in view, a period picker, a link to copy, and a history
// that Back steps through. One app serves every test, as in timeline.e2e.test.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphql, HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp, visibleWindow } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
jest.setTimeout(180_000);

const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';
const KINDS = ['STATEMENT', 'MEETING', 'SANCTION', 'MISSION', 'AGREEMENT'];
const DESK = { width: 1440, height: 900 };

async function settled(page: Page) {
  await page.waitForSelector(ITEM, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('aria-busy') === 'false', null, {
    timeout: 20_000,
  });
  await page.waitForFunction(() => / in view/.test(document.querySelector('[data-testid="timeline-status"]')?.textContent ?? ''), null, {
    timeout: 20_000,
  });
  await page.waitForTimeout(500);
}

/** Items of a kind whose box lies inside the window and inside its lane (not cut off by the lane's cap). */
async function itemsInSight(page: Page, kind: string): Promise<number> {
  return page.$$eval(
    `[data-testid="timeline"] .vis-item.event-item.kind-${kind}:not(.vis-line):not(.vis-dot)`,
    (items, size) =>
      items.filter((item) => {
        const box = item.getBoundingClientRect();
        const lane = item.closest('.vis-group')?.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.top >= 0 &&
          box.bottom <= size.height &&
          box.left < size.width &&
          box.right > 0 &&
          !!lane &&
          box.bottom <= lane.bottom + 1
        );
      }).length,
    DESK,
  );
}

describeBrowser('reading the record in Chromium at 1440×900', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESK, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Given a busy year, Then all five lanes have items in sight, the page does not scroll, and the wheel only zooms', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    for (const kind of KINDS) expect(await itemsInSight(page, kind)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(DESK.height);
    await page.screenshot({ path: screenshotPath('reading-lanes-1440') });

    const laneTop = () =>
      page.evaluate(
        () => document.querySelector<HTMLElement>('[data-testid="timeline"] .vis-labelset .vis-label')?.getBoundingClientRect().top,
      );
    const lanesBefore = await laneTop();
    const before = await visibleWindow(page);
    const timeline = await page.locator('[data-testid="timeline"] .vis-center').boundingBox();
    await page.mouse.move(timeline!.x + timeline!.width / 2, timeline!.y + timeline!.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((span) => {
      const { start, end } = window.__detente!.timeline.getWindow();
      return Math.abs(end.getTime() - start.getTime() - span) > 86_400_000;
    }, before.end - before.start);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Nothing scrolls inside the timeline either: its lanes stay where they were.
    expect(await laneTop()).toBe(lanesBefore);
  });

  it('With the detail panel open, Then the lanes still take the height the timeline is given, all five in sight', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    await page.locator(`${ITEM} .vis-item-content`).first().click();
    await page.getByRole('button', { name: 'Close event details' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000);
    for (const kind of KINDS) expect(await itemsInSight(page, kind)).toBeGreaterThan(0);
    // Whole rows leave less than a row over, and that is shared out: no strip of the stage is left empty.
    const gap = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="timeline"]')!;
      return canvas.parentElement!.getBoundingClientRect().bottom - canvas.querySelector('.vis-timeline')!.getBoundingClientRect().bottom;
    });
    expect(gap).toBeLessThanOrEqual(4);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(DESK.height);
    await page.screenshot({ path: screenshotPath('reading-lanes-detail-1440') });
  });

  it('Given an embed of one kind at 900×560, Then it draws one lane, which takes the height of the frame', async () => {
    const frame = await browser.newContext({ viewport: { width: 900, height: 560 } });
    const embed = await frame.newPage();
    await embed.goto(`${app.url}/embed?kind=MISSION&from=2016-12-01&to=2017-09-30`);
    await settled(embed);
    const layout = await embed.evaluate(() => ({
      lanes: [...document.querySelectorAll('[data-testid="timeline"] .vis-labelset .vis-label')].map((label) => label.textContent),
      lane: document.querySelector('[data-testid="timeline"] .vis-foreground .vis-group')!.getBoundingClientRect().height,
      credit: [...document.querySelectorAll('a')].find((link) => link.textContent === 'Open in Détente')!.getBoundingClientRect().bottom,
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
    }));
    expect(layout.lanes).toEqual(['Mission actions']);
    expect(layout.lane).toBeGreaterThan(300);
    // The credit line under the timeline sits at the frame's foot.
    expect(layout.credit).toBeGreaterThan(560 - 24);
    expect(layout.scrolls).toBe(false);
    await embed.screenshot({ path: screenshotPath('reading-embed-mission') });
    await frame.close();
  });

  it('On a 360×740 phone, Then the lane labels stay narrow', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const tab = await phone.newPage();
    await tab.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(tab);
    const labels = await tab.evaluate(
      () => document.querySelector('[data-testid="timeline"] .vis-panel.vis-left')!.getBoundingClientRect().width,
    );
    expect(labels).toBeLessThan(360 * 0.25);
    await phone.close();
  });

  it('Given a link to a minor event in a crowded lane, Then it is drawn in sight and highlighted', async () => {
    // The least important statement of 2021: the first to be cut from a full lane.
    const data = await graphql(
      app.url,
      '{ events(filter: { from: "2021-01-01", to: "2021-12-31", kinds: [STATEMENT] }, first: 100, orderBy: IMPORTANCE_DESC) { nodes { id importance } } }',
    );
    const minor = data.events.nodes[data.events.nodes.length - 1].id as string;
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31&event=${minor}`);
    await settled(page);
    const selected = page.locator(
      `[data-testid="timeline"] .vis-item.vis-selected:not(.vis-line):not(.vis-dot) [data-event-id="${minor}"]`,
    );
    await selected.waitFor({ timeout: 15_000 });
    const inSight = await selected.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const lane = element.closest('.vis-group')!.getBoundingClientRect();
      return box.top >= lane.top && box.bottom <= lane.bottom + 1 && box.bottom <= window.innerHeight;
    });
    expect(inSight).toBe(true);
  });

  it('Given a link to an event alone, When it is opened three times, answers coming in a different order, Then each opens on the same year around the event', async () => {
    const data = await graphql(
      app.url,
      '{ events(filter: { from: "2019-01-01", to: "2019-12-31" }, first: 1) { nodes { id slug startDate } } }',
    );
    const { id, slug, startDate } = data.events.nodes[0] as { id: string; slug: string; startDate: string };
    // Held back: nothing, then the event's own queries, then the data range, so each load answers in another order.
    const slowed = [null, /query (OpeningEvent|EventDetail)\b/, /query DataRange\b/];
    const windows: Array<{ start: number; end: number }> = [];
    for (const slow of slowed) {
      const tab = await context.newPage();
      if (slow) {
        await tab.route('**/graphql', async (route) => {
          if (slow.test(route.request().postData() ?? '')) await new Promise((resolve) => setTimeout(resolve, 1_500));
          await route.continue();
        });
      }
      await tab.goto(`${app.url}/?event=${slug}`);
      await settled(tab);
      await tab.locator(`[data-testid="timeline"] .vis-item.vis-selected [data-event-id="${id}"]`).waitFor({ timeout: 15_000 });
      windows.push(await visibleWindow(tab));
      await tab.close();
    }
    expect(windows[1]).toEqual(windows[0]);
    expect(windows[2]).toEqual(windows[0]);
    // A year, with the event's day in the middle.
    const eventNoon = new Date(`${startDate}T12:00:00`).getTime();
    expect(windows[0].end - windows[0].start).toBe(Math.round(365.25 * 86_400_000));
    expect(Math.abs((windows[0].start + windows[0].end) / 2 - eventNoon)).toBeLessThan(60_000);
  });

  it('Given one kind in the filter, Then the empty lanes are dropped', async () => {
    await page.goto(`${app.url}/?kind=MISSION&from=2016-12-01&to=2017-09-30`);
    await settled(page);
    const lanes = await page.$$eval('[data-testid="timeline"] .vis-labelset .vis-label', (labels) =>
      labels.map((label) => label.textContent),
    );
    expect(lanes).toEqual(['Mission actions']);
  });

  it('When a search has no match in the window, Then the page says where the matches are, and one click fits the window to them', async () => {
    // A window before every match (the record's San Francisco consulate events are of 2016, 2017 and 2025).
    await page.goto(`${app.url}/?from=2014-01-01&to=2015-06-30`);
    await settled(page);
    await page.getByLabel('Search events').fill('San Francisco consulate');
    await page.getByLabel('Search events').press('Enter');
    const elsewhere = page.getByTestId('matches-elsewhere');
    await elsewhere.waitFor({ timeout: 15_000 });
    expect(await elsewhere.textContent()).toMatch(/\d+ events? match(es)? from .*2016|2017/);
    await page.screenshot({ path: screenshotPath('reading-matches-elsewhere') });

    // The results list is a lazy chunk and its own query: it may fill after the timeline's message is shown.
    await page.locator('[data-testid="search-results"] li').first().waitFor({ timeout: 15_000 });
    const hits = await page.$$eval('[data-testid="search-results"] li', (items) => items.length);
    expect(hits).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Show all \d+ matches on the timeline$/ }).click();
    await page.waitForFunction(() => new Date(window.__detente!.timeline.getWindow().end).getFullYear() <= 2018, null, { timeout: 15_000 });
    await settled(page);
    // Every match is drawn in the fitted window.
    expect(await page.locator(ITEM).count()).toBe(hits);
    await page.screenshot({ path: screenshotPath('reading-search-fitted') });
  });

  it('When a linked event that the filters hide is followed, Then the page says so and offers to show it', async () => {
    const data = await graphql(
      app.url,
      '{ events(first: 50, filter: { kinds: [MISSION] }) { nodes { id links { event { id kind title } } } } }',
    );
    const from = data.events.nodes.find((node: any) => node.links.some((link: any) => link.event.kind !== 'MISSION'));
    const hidden = from.links.find((link: any) => link.event.kind !== 'MISSION').event;
    await page.goto(`${app.url}/?kind=MISSION&event=${from.id}`);
    const panel = page.getByTestId('event-detail');
    await panel.getByRole('button', { name: new RegExp(hidden.title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    const notice = page.getByTestId('hidden-by-filter');
    await notice.waitFor({ timeout: 15_000 });
    await notice.getByRole('button', { name: 'Clear the filters and show it' }).click();
    await page.waitForURL((url) => !url.search.includes('kind='));
    await page.locator(`[data-testid="timeline"] .vis-item.vis-selected [data-event-id="${hidden.id}"]`).waitFor({ timeout: 15_000 });
  });

  it('When a search has more than 20 matches, Then the list pages past the best 20', async () => {
    await page.goto(`${app.url}/?q=sanctions`);
    const results = page.getByTestId('search-results').locator('li');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] li').length === 20, null, {
      timeout: 20_000,
    });
    await page.getByRole('button', { name: /^Next \d+ matches$/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] li').length > 20, null, { timeout: 15_000 });
    const ids = await results.evaluateAll((items) => items.map((item) => item.textContent));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Then every drawn title is whole or cut after a whole word, and the whole title is on hover', async () => {
    await page.goto(`${app.url}/?from=2021-09-01&to=2021-11-30`);
    await settled(page);
    const titles = await page.$$eval(`${ITEM} .event-item__content`, (contents) =>
      contents.map((content) => ({
        shown: content.querySelector('.event-item__title')!.textContent ?? '',
        hover: content.getAttribute('title') ?? '',
      })),
    );
    expect(titles.length).toBeGreaterThan(5);
    for (const { shown, hover } of titles) {
      if (!shown.endsWith('…')) {
        expect(hover).toContain(shown);
        continue;
      }
      const kept = shown.slice(0, -1);
      const at = hover.indexOf(kept);
      expect(at).toBeGreaterThanOrEqual(0);
      // The character after the kept words begins a new word (or is punctuation before one).
      expect(hover.charAt(at + kept.length)).toMatch(/[\s,;:.–—-]/);
    }
  });

  it('Then the count is of exactly the days in view, agrees with the API, and is the same after a reload', async () => {
    const url = `${app.url}/?from=2021-03-01&to=2021-06-30`;
    await page.goto(url);
    await settled(page);
    const status = async () => (await page.getByTestId('timeline-status').textContent()) ?? '';
    const first = /^(\d+) events? in view/.exec(await status())?.[1];
    const data = await graphql(app.url, '{ events(filter: { from: "2021-03-01", to: "2021-06-30" }, first: 1) { totalCount } }');
    expect(Number(first)).toBe(data.events.totalCount);
    await page.reload();
    await settled(page);
    expect(/^(\d+) events? in view/.exec(await status())?.[1]).toBe(first);
  });

  it('When a year is chosen or dates are typed, Then the timeline shows that period, and Copy link copies the view', async () => {
    await page.goto(app.url);
    await settled(page);
    await page.getByRole('group', { name: 'Years' }).getByRole('button', { name: '2022' }).click();
    await page.waitForURL(/from=2021-12-\d\d.*to=2023-01-0\d/, { timeout: 15_000 });
    await settled(page);
    const window2022 = await visibleWindow(page);
    expect(new Date(window2022.start).getTime()).toBeLessThanOrEqual(new Date(2022, 0, 1).getTime());
    expect(new Date(window2022.end).getTime()).toBeGreaterThanOrEqual(new Date(2022, 11, 31).getTime());

    await page.getByLabel('From', { exact: true }).fill('2018-03-01');
    await page.getByLabel('To', { exact: true }).fill('2018-04-30');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/from=2018-02-2\d.*to=2018-05-0\d/, { timeout: 15_000 });

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  it('When the reader zooms out as far as it goes, Then the window stays within the data and a margin', async () => {
    await page.goto(app.url);
    await settled(page);
    for (let step = 0; step < 8; step++) await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(800);
    const { start, end } = await visibleWindow(page);
    expect(new Date(start).getFullYear()).toBeGreaterThanOrEqual(2013);
    // The record runs to June 2026; the margin beyond it is a few months.
    expect(new Date(end).getFullYear()).toBeLessThanOrEqual(2026);
  });

  it('When a filter changes, Then Back undoes it; and after a Back, eight quick changes cost one Back, which stays in the app', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    await page.waitForTimeout(1_600);
    const statements = page.getByRole('checkbox', { name: /Statements/ });
    await statements.check();
    await page.waitForURL(/kind=STATEMENT/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('kind='));
    expect(await statements.isChecked()).toBe(false);

    // At once after the Back, as a reader would go on: the burst is one new step, never a rewrite of the entry that
    // Back returned to (which would leave nothing of the app behind it).
    for (const name of [/Statements/, /Meetings/, /Sanctions/, /Mission actions/, /Agreements/, /Statements/, /Meetings/, /Sanctions/]) {
      await page.getByRole('checkbox', { name }).click();
    }
    await page.waitForURL(/kind=MISSION&kind=AGREEMENT/);
    await page.goBack();
    await page.waitForURL((url) => url.origin === app.url && !url.search.includes('kind='), { timeout: 5_000 });
    expect(new URL(page.url()).searchParams.get('from')).toBe('2021-01-01');
    expect(await page.getByRole('checkbox', { name: /Mission actions/ }).isChecked()).toBe(false);
    await page.locator('[data-testid="timeline"]').waitFor();
  });

  it('When a preset is chosen and the reader then zooms, Then Back undoes the zoom and then the preset', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    await page.waitForTimeout(1_600);
    await page.getByRole('button', { name: '2018 Skripal' }).click();
    await page.waitForURL(/from=2018-02-2\d.*to=2018-05-0\d/, { timeout: 15_000 });
    const presetUrl = page.url();
    await page.waitForTimeout(1_600);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForURL((url) => url.href !== presetUrl, { timeout: 15_000 });

    await page.goBack();
    await page.waitForURL(presetUrl, { timeout: 5_000 });
    // The timeline follows the URL back to the preset's window.
    await page.waitForFunction(() => window.__detente!.timeline.getWindow().start.getFullYear() === 2018, null, { timeout: 10_000 });
    await page.goBack();
    await page.waitForURL(/from=2021-01-01&to=2021-12-31/, { timeout: 5_000 });
    await page.waitForFunction(() => window.__detente!.timeline.getWindow().end.getFullYear() >= 2021, null, { timeout: 10_000 });
  });

  it('When the reader zooms in a run of wheel turns and types a search in pauses, Then at most one request of each kind is in flight', async () => {
    // Counted in the page: a request is in flight from the call to fetch until its answer is read or it is aborted.
    await context.addInitScript(() => {
      const inFlight: Record<string, number> = {};
      const peak: Record<string, number> = {};
      const started: Record<string, number> = {};
      const fetchFromPage = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (!url.includes('/graphql') || typeof init?.body !== 'string') return fetchFromPage(input, init);
        const name = (JSON.parse(init.body) as { operationName?: string }).operationName ?? 'anonymous';
        inFlight[name] = (inFlight[name] ?? 0) + 1;
        started[name] = (started[name] ?? 0) + 1;
        peak[name] = Math.max(peak[name] ?? 0, inFlight[name]);
        let open = true;
        const done = () => {
          if (open) inFlight[name] -= 1;
          open = false;
        };
        init.signal?.addEventListener('abort', done, { once: true });
        const answer = fetchFromPage(input, init);
        answer.then((response) => response.clone().text().then(done, done), done);
        return answer;
      };
      Object.assign(window, { __requests: { inFlight, peak, started } });
    });
    type Requests = { inFlight: Record<string, number>; peak: Record<string, number>; started: Record<string, number> };
    const requests = () => page.evaluate(() => (window as unknown as { __requests: Requests }).__requests);
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    // A slow network, so that superseded requests would still be open when the next one starts.
    await page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue().catch(() => undefined);
    });
    await page.evaluate(() => {
      const { peak, started } = (window as unknown as { __requests: Requests }).__requests;
      for (const name of Object.keys(peak)) peak[name] = 0;
      for (const name of Object.keys(started)) started[name] = 0;
    });

    const timeline = await page.locator('[data-testid="timeline"] .vis-center').boundingBox();
    await page.mouse.move(timeline!.x + timeline!.width / 2, timeline!.y + timeline!.height / 2);
    for (let turn = 0; turn < 12; turn++) {
      await page.mouse.wheel(0, turn < 6 ? -120 : 120);
      await page.waitForTimeout(150);
    }
    const search = page.getByLabel('Search events');
    for (const word of ['Rya', 'bkov', ' visa', 's']) {
      await search.pressSequentially(word, { delay: 40 });
      await page.waitForTimeout(600);
    }
    await page.waitForFunction(
      () => Object.values((window as unknown as { __requests: Requests }).__requests.inFlight).every((count) => count === 0),
      null,
      { timeout: 20_000 },
    );
    const { peak, started } = await requests();
    // The runs did supersede requests (several of a kind were started), yet no kind ever had two open at once.
    expect(started.TimelineWindow).toBeGreaterThan(1);
    expect(started.SearchEvents).toBeGreaterThan(1);
    expect(Object.entries(peak).filter(([, count]) => count > 1)).toEqual([]);
  });

  it('Zoomed out, When a "+N" marker is reached by Tab and opened, Then it lists hidden events without moving the view, and zooms only on request', async () => {
    await page.goto(`${app.url}/?from=2014-01-01&to=2026-12-31`);
    await settled(page);
    const before = await visibleWindow(page);
    // Tab from the timeline reaches the markers, which are buttons.
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-omitted-id') ?? null);
    expect(focused).not.toBeNull();
    await page.keyboard.press('Enter');
    const list = page.getByTestId('omitted-list');
    await list.getByRole('listitem').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="omitted-list"]') !== null)).toBe(true);
    const listed = await list.getByRole('listitem').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(8);
    // Hidden means not drawn: no listed title is on the timeline.
    const drawn = await page.$$eval(`${ITEM} .event-item__content`, (items) => items.map((item) => item.getAttribute('title') ?? ''));
    const listedTitles = await list.locator('li button span:nth-child(2)').allTextContents();
    for (const title of listedTitles) expect(drawn.some((hover) => hover.includes(title))).toBe(false);
    // Opening the list did not move the view.
    expect(await visibleWindow(page)).toEqual(before);
    await page.screenshot({ path: screenshotPath('reading-omitted-list-1440') });

    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-omitted-id'))).toBe(focused);

    await page.keyboard.press('Enter');
    await list.getByRole('button', { name: 'Zoom in to this period' }).click();
    await page.waitForFunction((span) => {
      const { start, end } = window.__detente!.timeline.getWindow();
      return end.getTime() - start.getTime() < span / 2;
    }, before.end - before.start);
  });
});

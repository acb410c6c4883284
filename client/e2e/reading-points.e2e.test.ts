// More of reading the record at 1440×900: a kind filter that empties the window says where its matches are and
// jumps there; titles at month zoom are long, cut on words and whole on hover; the search field's clear button
// keeps off the text and clears; the temperature band keeps one scale and draws no line from a lone event. One app
// serves every test, as in reading.e2e.test.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphql, HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp, visibleWindow } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
jest.setTimeout(180_000);

const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

/** Every label wholly inside the drawing area: its event, the text shown, the hover text, and whether the stylesheet cut it. */
async function drawnTitles(page: Page) {
  return page.$$eval(`${ITEM} .event-item__content`, (contents) => {
    const panel = document.querySelector('[data-testid="timeline"] .vis-panel.vis-center')!.getBoundingClientRect();
    return contents.flatMap((content) => {
      const title = content.querySelector<HTMLElement>('.event-item__title')!;
      const box = title.getBoundingClientRect();
      // Only labels wholly inside the drawing area: the timeline's own edge clips the others.
      if (box.width === 0 || box.left < panel.left || box.right > panel.right) return [];
      return [
        {
          id: (content as HTMLElement).dataset.eventId!,
          shown: title.textContent ?? '',
          hover: content.getAttribute('title') ?? '',
          // The stylesheet's own ellipsis would cut where the box ends, mid-word.
          clipped: title.scrollWidth > title.clientWidth + 1,
        },
      ];
    });
  });
}

/** Each shown title is whole, or a head of it ended after a whole word with an ellipsis; none is cut by the stylesheet. */
function expectCutOnWords(drawn: Awaited<ReturnType<typeof drawnTitles>>, titles: Map<string, string>) {
  for (const { id, shown, hover, clipped } of drawn) {
    const title = titles.get(id)!;
    expect({ id, clipped }).toEqual({ id, clipped: false });
    expect(hover).toContain(title);
    if (!shown.endsWith('…')) {
      expect(shown).toBe(title);
      continue;
    }
    const kept = shown.slice(0, -1);
    expect(title.startsWith(kept)).toBe(true);
    // The kept words end a word: what follows in the title is a space or punctuation before one.
    expect(title.charAt(kept.length)).toMatch(/[\s,;:.–—-]/);
  }
}

async function settled(page: Page) {
  await page.waitForSelector(ITEM, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('aria-busy') === 'false', null, {
    timeout: 20_000,
  });
  await page.waitForFunction(() => / in view/.test(document.querySelector('[data-testid="timeline-status"]')?.textContent ?? ''), null, {
    timeout: 20_000,
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "16 Sep 2015", as the page writes a day. */
function day(iso: string): string {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

interface TonePoint {
  start: string;
  end: string;
  usToRu: { count: number; smoothed: number | null };
  ruToUs: { count: number; smoothed: number | null };
}

describeBrowser('more of reading the record in Chromium at 1440×900', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESK });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('When a kind filter leaves the window empty, Then the page says where the matches are, and one click moves the window to them, drawn', async () => {
    // No mission action in 2024, but there are some in the months either side, which the page fetches as a margin.
    const inYear = await graphql(
      app.url,
      '{ events(filter: { kinds: [MISSION], from: "2024-01-01", to: "2024-12-31" }, first: 1) { totalCount } }',
    );
    expect(inYear.events.totalCount).toBe(0);
    const all = await graphql(
      app.url,
      '{ first: events(filter: { kinds: [MISSION] }, first: 1, orderBy: DATE_ASC) { totalCount nodes { startDate } } last: events(filter: { kinds: [MISSION] }, first: 1, orderBy: DATE_DESC) { nodes { startDate endDate } } }',
    );
    const count = all.first.totalCount as number;
    const from = all.first.nodes[0].startDate as string;
    const to = (all.last.nodes[0].endDate ?? all.last.nodes[0].startDate) as string;
    expect(count).toBeGreaterThan(1);

    await page.goto(`${app.url}/?kind=MISSION&from=2024-01-01&to=2024-12-31`);
    const empty = page.getByTestId('timeline-empty');
    await empty.getByTestId('matches-elsewhere').waitFor({ timeout: 30_000 });
    expect(await empty.textContent()).toContain('No events match these filters in this period.');
    expect(await page.getByTestId('matches-elsewhere').textContent()).toBe(`${count} events match from ${day(from)} to ${day(to)}.`);
    await page.screenshot({ path: screenshotPath('reading-points-filter-elsewhere') });

    await empty.getByRole('button', { name: `Show all ${count}` }).click();
    // The window now holds the first and the last match, and every match is drawn.
    await page.waitForFunction(
      ([first, last]) => {
        const { start, end } = window.__detente!.timeline.getWindow();
        return start.getTime() <= new Date(`${first}T00:00:00`).getTime() && end.getTime() >= new Date(`${last}T00:00:00`).getTime();
      },
      [from, to],
      { timeout: 15_000 },
    );
    await settled(page);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="timeline-status"]')?.textContent?.startsWith(`${n} events in view`),
      count,
      { timeout: 20_000 },
    );
    expect(await page.locator(`${ITEM}.kind-MISSION`).count()).toBe(count);
    expect(await page.getByTestId('timeline-empty').count()).toBe(0);
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['MISSION']);
  });

  it('At month zoom, Then long titles are shown at length, cut only after a whole word, and whole on hover and on keyboard selection', async () => {
    const data = await graphql(app.url, '{ events(filter: { from: "2025-08-01", to: "2025-08-31" }, first: 100) { nodes { id title } } }');
    const titles = new Map<string, string>(data.events.nodes.map((node: { id: string; title: string }) => [node.id, node.title]));
    await page.goto(`${app.url}/?from=2025-08-01&to=2025-08-31`);
    await settled(page);
    const drawn = await drawnTitles(page);
    expect(drawn.length).toBeGreaterThan(5);
    expectCutOnWords(drawn, titles);
    // At this zoom there is room: titles run well past 45 characters, and a title that fits is whole.
    expect(Math.max(...drawn.map(({ shown }) => shown.replace(/…$/, '').length))).toBeGreaterThan(45);
    expect(drawn.some(({ id, shown }) => shown === titles.get(id) && shown.length > 45)).toBe(true);
    // Nor is a title capped at a fixed count of characters: one longer than 64 is shown whole where it fits.
    expect(drawn.some(({ id, shown }) => shown === titles.get(id) && shown.length > 64)).toBe(true);

    // On keyboard focus, the selection is announced with the whole title.
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /^Selected: /.test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''), null, {
      timeout: 10_000,
    });
    const said = (await page.getByTestId('announcer').textContent())!;
    expect([...titles.values()].some((title) => said.startsWith(`Selected: ${title}, `))).toBe(true);
  });

  it('On a phone at 360×740, Then titles are cut only after a whole word, over a year and at month zoom, and whole on hover', async () => {
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const onPhone = await phone.newPage();
      for (const [from, to] of [
        ['2025-01-01', '2025-12-31'],
        ['2025-08-01', '2025-08-31'],
      ]) {
        await onPhone.goto(`${app.url}/?from=${from}&to=${to}`);
        await settled(onPhone);
        const drawn = await drawnTitles(onPhone);
        expect(drawn.length).toBeGreaterThan(2);
        // The API's titles of the events drawn, each asked for by id (in batches: the API allows 30 aliases a query).
        const titles = new Map<string, string>();
        for (let at = 0; at < drawn.length; at += 25) {
          const batch = drawn.slice(at, at + 25);
          const data = await graphql(app.url, `{ ${batch.map(({ id }, i) => `e${i}: event(id: "${id}") { id title }`).join(' ')} }`);
          for (const event of Object.values(data as Record<string, { id: string; title: string }>)) titles.set(event.id, event.title);
        }
        expectCutOnWords(drawn, titles);
        // Some titles are too long for a phone: they are cut, and cut on a word, not by the stylesheet.
        expect(drawn.some(({ shown }) => shown.endsWith('…'))).toBe(true);
      }
      await onPhone.screenshot({ path: screenshotPath('reading-points-phone-titles') });
    } finally {
      await phone.close();
    }
  });

  it('On a phone, When a kind filter leaves the window empty, Then the message, where the matches are and the jump are all on screen, and the jump works', async () => {
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const onPhone = await phone.newPage();
      await onPhone.goto(`${app.url}/?kind=MISSION&from=2024-01-01&to=2024-12-31`);
      const empty = onPhone.getByTestId('timeline-empty');
      await empty.getByTestId('matches-elsewhere').waitFor({ timeout: 30_000 });
      const jump = empty.getByRole('button', { name: /^Show all \d+/ });
      await empty.scrollIntoViewIfNeeded();
      const layout = await onPhone.evaluate(() => {
        const box = (element: Element | null) => element!.getBoundingClientRect();
        const message = box(document.querySelector('[data-testid="timeline-empty"]'));
        const where = box(document.querySelector('[data-testid="matches-elsewhere"]'));
        const button = box(
          [...document.querySelectorAll('[data-testid="timeline-empty"] button')].find((b) => /^Show all/.test(b.textContent ?? ''))!,
        );
        const stage = box(document.querySelector('[data-testid="timeline"]')!.parentElement);
        const inside = (inner: DOMRect, outer: { left: number; right: number; top: number; bottom: number }) =>
          inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
        const screen = { left: 0, right: window.innerWidth, top: 0, bottom: window.innerHeight };
        return {
          messageOnScreen: inside(message, screen),
          whereInMessage: inside(where, message),
          buttonInMessage: inside(button, message),
          messageInStage: inside(message, stage),
          // The page does not scroll sideways: nothing is wider than the phone.
          noSidewaysScroll: document.documentElement.scrollWidth <= window.innerWidth,
          // The button is big enough to press with a finger.
          buttonHeight: Math.round(button.height),
        };
      });
      expect(layout).toEqual({
        messageOnScreen: true,
        whereInMessage: true,
        buttonInMessage: true,
        messageInStage: true,
        noSidewaysScroll: true,
        buttonHeight: expect.any(Number),
      });
      expect(layout.buttonHeight).toBeGreaterThanOrEqual(24);
      await onPhone.screenshot({ path: screenshotPath('reading-points-phone-empty') });
      await jump.tap();
      await onPhone.waitForFunction(() => document.querySelector('[data-testid="timeline-empty"]') === null, null, { timeout: 20_000 });
      await settled(onPhone);
      expect(await onPhone.locator(`${ITEM}.kind-MISSION`).count()).toBeGreaterThan(0);
    } finally {
      await phone.close();
    }
  });

  it('Then the search field’s clear button keeps off the typed text, and clears the search', async () => {
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    const input = page.getByLabel('Search events');
    await input.fill('Ryabkov strategic stability dialogue in Geneva');
    await input.press('Enter');
    await page.waitForURL(/q=Ryabkov/, { timeout: 15_000 });
    await page.getByTestId('search-results').locator('li').first().waitFor({ timeout: 20_000 });

    // The clear button and the text's box are inside Chromium's own shadow tree of the field: read them over CDP.
    const cdp = await context.newCDPSession(page);
    type Node = { nodeId: number; nodeName: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (node: Node, test: (node: Node) => boolean): Node | undefined => {
      if (test(node)) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child, test);
        if (found) return found;
      }
      return undefined;
    };
    const attribute = (node: Node, name: string) => {
      const at = node.attributes?.indexOf(name) ?? -1;
      return at >= 0 && at % 2 === 0 ? node.attributes![at + 1] : undefined;
    };
    const field = find(root, (node) => node.nodeName === 'INPUT' && attribute(node, 'type') === 'search')!;
    const text = find(field, (node) => attribute(node, 'id') === 'editing-view-port')!;
    const clear = find(field, (node) => attribute(node, 'pseudo') === '-webkit-search-cancel-button')!;
    const box = async (node: Node, which: 'content' | 'padding') => {
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
      const quad = model[which];
      return { left: quad[0], top: quad[1], right: quad[2], bottom: quad[5] };
    };
    const textBox = await box(text, 'content');
    const clearBox = await box(clear, 'padding');
    const fieldBox = await box(field, 'padding');
    expect(clearBox.right - clearBox.left).toBeGreaterThan(6);
    // Side by side, a gap between: the typed text never runs under the ×.
    expect(textBox.right).toBeLessThanOrEqual(clearBox.left - 2);
    // The × is inside the field, not over its border or beyond it.
    expect(clearBox.left).toBeGreaterThanOrEqual(fieldBox.left);
    expect(clearBox.right).toBeLessThanOrEqual(fieldBox.right);
    expect(clearBox.top).toBeGreaterThanOrEqual(fieldBox.top);
    expect(clearBox.bottom).toBeLessThanOrEqual(fieldBox.bottom);

    await page.mouse.click((clearBox.left + clearBox.right) / 2, (clearBox.top + clearBox.bottom) / 2);
    expect(await input.inputValue()).toBe('');
    await page.waitForURL((url) => !url.searchParams.has('q'), { timeout: 15_000 });
    await page.getByTestId('search-results').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('When the window pans within the data, Then the temperature band keeps its scale; and where one event is all there is, it draws no line', async () => {
    // The answers the band draws, kept as they arrive.
    const answers: TonePoint[][] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/graphql') || !/RelationsTemperature/.test(response.request().postData() ?? '')) return;
      void response
        .json()
        .then(
          (body: { data?: { relationsTemperature?: TonePoint[] } }) =>
            body.data?.relationsTemperature && answers.push(body.data.relationsTemperature),
        )
        .catch(() => undefined);
    });
    const band = page.getByTestId('temperature-band');
    /** The band's drawing: its size, zero line, scale labels and each line's vertices. */
    const drawing = () =>
      band.evaluate((svg) => {
        const paths = [...svg.querySelectorAll('path')].map((path) =>
          (path.getAttribute('d') ?? '')
            .split('M')
            .filter(Boolean)
            .map((run) => run.split('L').map((vertex) => vertex.trim().split(/\s+/).map(Number) as [number, number])),
        );
        const zero = svg.querySelector('line')!;
        const ticks = [...svg.parentElement!.querySelectorAll('[aria-hidden="true"]')].map((tick) => tick.textContent);
        return {
          width: Number(svg.getAttribute('width')),
          height: Number(svg.getAttribute('height')),
          zero: Number(zero.getAttribute('y1')),
          paths,
          ticks,
        };
      });
    const bandSettled = async (windowCheck: (w: { start: number; end: number }) => boolean) => {
      await page.waitForFunction(
        () => document.querySelector('[data-testid="temperature-band"]')?.parentElement?.getAttribute('aria-busy') === 'false',
        null,
        {
          timeout: 20_000,
        },
      );
      expect(windowCheck(await visibleWindow(page))).toBe(true);
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="temperature-band"] path')?.getAttribute('d') ?? '') !== '',
        null,
        {
          timeout: 20_000,
        },
      );
    };
    /** Each drawn vertex sits at the height its bucket's smoothed tone has on the fixed scale (−limit bottom, +limit top). */
    const checkScale = async (limit: number) => {
      const { start, end } = await visibleWindow(page);
      const { width, height, paths } = await drawing();
      const points = answers[answers.length - 1];
      const middle = (point: TonePoint) =>
        (new Date(`${point.start}T00:00:00`).getTime() + new Date(`${point.end}T00:00:00`).getTime() + 86_400_000) / 2;
      let checked = 0;
      paths.forEach((runs, line) => {
        const direction = line === 0 ? 'usToRu' : 'ruToUs';
        for (const run of runs) {
          for (const [x, y] of run) {
            const time = start + (x / width) * (end - start);
            const bucket = points.reduce((best, point) => (Math.abs(middle(point) - time) < Math.abs(middle(best) - time) ? point : best));
            const tone = Math.max(-limit, Math.min(limit, bucket[direction].smoothed!));
            expect(Math.abs(y - ((limit - tone) / (2 * limit)) * height)).toBeLessThan(0.2);
            checked++;
          }
        }
      });
      expect(checked).toBeGreaterThan(5);
    };

    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31`);
    await settled(page);
    await bandSettled(({ start }) => new Date(start).getFullYear() >= 2020);
    const before = await drawing();
    expect(before.ticks).toEqual(['+8', '\u22128']);
    await checkScale(8);

    // Pan later by a screen or so, into other events, and let the band settle again.
    const startBefore = (await visibleWindow(page)).start;
    // Each press moves part of a screen (with an animation): press until the window is over three months on.
    for (let press = 0; press < 10 && (await visibleWindow(page)).start < startBefore + 100 * 86_400_000; press++) {
      const was = (await visibleWindow(page)).start;
      await page.getByRole('button', { name: 'Scroll forward in time' }).click();
      await page.waitForFunction((at) => window.__detente!.timeline.getWindow().start.getTime() > at + 86_400_000, was, {
        timeout: 15_000,
      });
      await page.waitForTimeout(300);
    }
    expect((await visibleWindow(page)).start).toBeGreaterThan(startBefore + 100 * 86_400_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('aria-busy') === 'false', null, {
      timeout: 20_000,
    });
    await bandSettled(({ start }) => start > startBefore);
    const after = await drawing();
    expect(after.ticks).toEqual(before.ticks);
    expect(after.zero).toBe(before.zero);
    expect(after.paths).not.toEqual(before.paths);
    await checkScale(8);

    // Two years with a single mission action (Darchiev's arrival, March 2025); the answer's margin holds 2023's.
    const lone = await graphql(
      app.url,
      '{ events(filter: { kinds: [MISSION], from: "2024-01-01", to: "2025-12-31" }, first: 5) { totalCount nodes { direction } } }',
    );
    expect(lone.events.totalCount).toBe(1);
    await page.goto(`${app.url}/?kind=MISSION&from=2024-01-01&to=2025-12-31`);
    await settled(page);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="temperature-band"]')?.parentElement?.getAttribute('aria-busy') === 'false',
      null,
      {
        timeout: 20_000,
      },
    );
    const alone = await drawing();
    // No stretch of either line crosses the visible band: every segment lies wholly left or right of it.
    for (const runs of alone.paths) {
      for (const run of runs) {
        for (let i = 1; i < run.length; i++) {
          const [a, b] = [run[i - 1][0], run[i][0]];
          expect(Math.max(a, b) < 0 || Math.min(a, b) > alone.width).toBe(true);
        }
      }
    }
    await page.screenshot({ path: screenshotPath('reading-points-temperature-lone') });
  });
});

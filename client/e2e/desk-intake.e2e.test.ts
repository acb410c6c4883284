// The desk's article intake and its actors screen, in Chromium against the app as the README starts it: paste the
// seed article, review the drafts, add the article as a citation to an event already in the record, create one new
// event from a draft and see it on the timeline; edit an actor found by a Cyrillic alias; merge two actors after a
// confirmation that says what moves. The editor signs in with a key made by `npm run keys` (kept in the tab's
// sessionStorage, as the desk does); desk.e2e.test.ts covers the sign-in form itself.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
jest.setTimeout(240_000);

const SEED = fs.readFileSync(path.join(__dirname, 'fixtures', 'seed-article.txt'), 'utf8');
const ARTICLE = {
  url: 'https://thehill.com/policy/international/576271-russia-no-progress-on-diplomatic-missions-during-talks-with-us',
  title: 'Russia: No progress on diplomatic missions during talks with US',
  publisher: 'The Hill',
  publishedAt: '2021-10-12',
};
const INTERFAX_STATEMENT = '2021-10-12-ryabkov-interfax-no-headway-missions';
const NEW_TITLE = 'Ryabkov and Nuland meet in Moscow (drafted from The Hill)';
const ITEM = '[data-testid="timeline"] .vis-item.event-item:not(.vis-line):not(.vis-dot)';
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

describeBrowser('the desk: article intake, actors and merges, in Chromium', () => {
  let app: RunningApp;
  let key: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** A tab with the editor's key in its sessionStorage, as after signing in at /desk. */
  async function editorTab(viewport = DESK): Promise<Page> {
    context = await browser.newContext({ viewport });
    await context.addInitScript((apiKey) => {
      if (!window.sessionStorage.getItem('detente.apiKey')) window.sessionStorage.setItem('detente.apiKey', apiKey);
    }, key);
    return context.newPage();
  }

  const draftCard = (text: string | RegExp) => page.getByTestId('draft').filter({ hasText: text });

  beforeAll(async () => {
    app = await startApp();
    key = await app.createKey('intake-e2e', 'editor');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  describe('article intake', () => {
    beforeAll(async () => {
      page = await editorTab();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('Given an article without its publication date, When drafting, Then the date field says so and nothing pasted is lost, also across a reload', async () => {
      await page.goto(`${app.url}/desk/intake`);
      await page.getByLabel(/^Article text/).fill(SEED);
      await page.getByLabel(/^URL/).fill(ARTICLE.url);
      await page.getByLabel(/^Title/).fill(ARTICLE.title);
      await page.getByLabel(/^Publisher/).fill(ARTICLE.publisher);
      await page.getByRole('button', { name: 'Draft events' }).click();

      const date = page.getByLabel(/^Publication date/);
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      const described = await date.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/publication date/i);
      expect(await page.getByTestId('draft').count()).toBe(0);

      await page.reload();
      expect(await page.getByLabel(/^Article text/).inputValue()).toBe(SEED);
      expect(await page.getByLabel(/^URL/).inputValue()).toBe(ARTICLE.url);
    });

    it('When the seed article is drafted, Then its talks, Interfax statement (quote verbatim), lifted entry bans and senators’ letter are shown with their evidence and duplicates', async () => {
      await page.getByLabel(/^Publication date/).fill(ARTICLE.publishedAt);
      // From the keyboard: Enter in a field submits the form.
      await page.getByLabel(/^Publisher/).press('Enter');
      await page.getByTestId('draft').first().waitFor({ timeout: 30_000 });

      const statement = draftCard('I cannot say we made much headway');
      await statement.waitFor();
      // The date came from words in the article, and those words are marked.
      expect(await statement.locator('mark', { hasText: 'on Tuesday' }).count()).toBeGreaterThan(0);
      expect(await statement.getByRole('link', { name: /Ryabkov tells Interfax/ }).getAttribute('href')).toMatch(/\/\?event=/);
      expect(await statement.textContent()).toMatch(/→ Sergei Ryabkov/);

      const talks = draftCard(/Meeting.*Nuland/);
      expect(await talks.textContent()).toMatch(/publication date assumed/);
      expect(await talks.getByRole('link', { name: /Ryabkov and Nuland hold talks in Moscow/ }).count()).toBe(1);

      const bans = draftCard(/Sanction/);
      expect(await bans.getByRole('link', { name: /lift entry bans/ }).count()).toBe(1);

      const letter = draftCard('We ask that your national security team');
      expect(await letter.locator('mark', { hasText: 'Last week' }).count()).toBeGreaterThan(0);
      expect(await letter.getByRole('link', { name: /senators urge Biden/ }).count()).toBe(1);

      // The article is shown as read, with every draft's evidence marked in it.
      const text = page.getByLabel("Article text with the drafts' evidence marked");
      expect(await text.locator('mark').count()).toBeGreaterThanOrEqual(4);
      expect(await page.textContent('body')).toMatch(/Not in the record yet/);
      await page.screenshot({ path: screenshotPath('desk-intake-review'), fullPage: false });
    });

    it('When a draft is added as a citation to its duplicate, Then that event cites the article and the draft says so', async () => {
      const statement = draftCard('I cannot say we made much headway');
      await statement.getByRole('button', { name: /Add as citation to “Ryabkov tells Interfax/ }).click();
      await statement.getByRole('status').filter({ hasText: 'Added as a citation to' }).waitFor();

      const data = await graphql(
        `
          query ($id: ID!) {
            event(id: $id) {
              citations {
                excerpt
                source {
                  url
                  title
                  publisher
                }
              }
            }
          }
        `,
        {
          id: INTERFAX_STATEMENT,
        },
      );
      const cited = data.event.citations.find((c: any) => c.source.url === ARTICLE.url);
      expect(cited).toBeTruthy();
      expect(cited.excerpt).toBe('I cannot say we made much headway');
      expect(data.event.citations.length).toBeGreaterThan(1); // the citations it had are kept
    });

    it('When a draft is created as a new event, Then bad input shows on its field, and once fixed the event cites the article and is on the timeline', async () => {
      const talks = draftCard(/Meeting.*Nuland/);
      await talks.getByRole('button', { name: 'Create event' }).click();
      // The desk's own event form, filled from the draft: its participants matched, the article as its citation.
      const form = talks.getByRole('form', { name: 'New event' });
      expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('Sergei Ryabkov and Victoria Nuland meet');
      expect(await form.getByTestId('participant-row').count()).toBe(2);
      expect(
        await form
          .locator('input[type="url"], input')
          .evaluateAll((inputs, url) => inputs.some((i) => (i as HTMLInputElement).value === url), ARTICLE.url),
      ).toBe(true);

      await form.getByLabel('Title', { exact: true }).fill('');
      await form.getByRole('button', { name: 'Create event' }).click();
      expect(await form.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await form.getByTestId('form-errors').waitFor();
      await page.screenshot({ path: screenshotPath('desk-intake-create-error'), fullPage: false });

      // A reload keeps the review, its decisions and the open form (filled from the draft again).
      await page.reload();
      const reloaded = draftCard(/Meeting.*Nuland/);
      await reloaded.getByRole('form', { name: 'New event' }).waitFor();
      expect(await draftCard('I cannot say we made much headway').textContent()).toMatch(/Added as a citation to/);

      await reloaded.getByLabel('Title', { exact: true }).fill(NEW_TITLE);
      await reloaded.getByRole('button', { name: 'Create event' }).click();
      const created = reloaded.getByRole('status').filter({ hasText: 'Created' });
      await created.waitFor();
      const href = (await created.getByRole('link').getAttribute('href')) ?? '';
      const id = decodeURIComponent(/event=([^&]+)/.exec(href)?.[1] ?? '');

      const data = await graphql(
        `
          query ($id: ID!) {
            event(id: $id) {
              title
              kind
              citations {
                source {
                  url
                }
              }
              participants {
                actor {
                  name
                }
              }
            }
          }
        `,
        { id },
      );
      expect(data.event).toMatchObject({ title: NEW_TITLE, kind: 'MEETING' });
      expect(data.event.citations.map((c: any) => c.source.url)).toEqual([ARTICLE.url]);
      expect(data.event.participants.map((p: any) => p.actor.name).sort()).toEqual(['Sergei Ryabkov', 'Victoria Nuland']);

      // On the timeline: drawn in its period, and its detail panel opens from the link.
      await page.goto(`${app.url}/?from=2021-10-01&to=2021-10-31`);
      await page.locator(ITEM, { hasText: 'drafted from The Hill' }).first().waitFor({ timeout: 30_000 });
      await page.goto(`${app.url}${href}`);
      await page.getByTestId('event-detail').filter({ hasText: NEW_TITLE }).waitFor({ timeout: 30_000 });
    });

    it('At 360×740 the same tab shows the review in one column, nothing lost', async () => {
      // sessionStorage is the tab's own, so the same tab is resized rather than a new one opened.
      await page.setViewportSize(PHONE);
      await page.goto(`${app.url}/desk/intake`);
      await page.getByTestId('draft').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('draft').count()).toBeGreaterThanOrEqual(4);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('desk-intake-phone'), fullPage: false });
      await page.setViewportSize(DESK);
    });
  });

  describe('actors', () => {
    beforeAll(async () => {
      page = await editorTab();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('Given a search by a Cyrillic alias, When the actor is edited, Then the new alias is saved and bad input is shown on its field', async () => {
      await page.goto(`${app.url}/desk/actors`);
      await page.getByLabel(/^Search actors/).fill('Рябков');
      const row = page.getByTestId('actor-row').filter({ has: page.getByRole('heading', { name: 'Sergei Ryabkov' }) });
      await row.waitFor();
      await row.getByRole('button', { name: 'Edit Sergei Ryabkov' }).click();

      await row.getByLabel(/^Country/).fill('R');
      await row.getByRole('button', { name: 'Save actor' }).click();
      expect(await row.getByLabel(/^Country/).getAttribute('aria-invalid')).toBe('true');

      await row.getByLabel(/^Country/).fill('RU');
      const aliases = row.getByLabel(/^Aliases/);
      await aliases.fill(`${await aliases.inputValue()}\nРябков С. А.`);
      await row.getByRole('button', { name: 'Save actor' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved Sergei Ryabkov' }).waitFor();

      const data = await graphql(`
        {
          actor(id: "sergei-ryabkov") {
            aliases
            country
          }
        }
      `);
      expect(data.actor.aliases).toContain('Рябков С. А.');
      expect(data.actor.country).toBe('RU');
    });

    it('Given a duplicate actor with an event, When it is merged, Then the confirmation lists what moves and its event and names move to the kept actor', async () => {
      const { createActor } = await graphql(`
        mutation {
          createActor(input: { name: "Victoria J. Nuland", kind: PERSON, country: "US", aliases: ["Виктория Нуланд-Каган"] }) {
            id
            slug
          }
        }
      `);
      await graphql(
        `
          mutation ($input: StatementInput!) {
            createStatement(input: $input, note: "merge test") {
              id
            }
          }
        `,
        {
          input: {
            title: 'Nuland comments on embassy staffing (merge test)',
            startDate: '2021-10-13',
            direction: 'US_TO_RU',
            cameoCode: '010',
            importance: 2,
            medium: 'BRIEFING',
            participants: [{ actorId: createActor.id, role: 'SPEAKER' }],
            citations: [{ url: 'https://example.org/merge-test', title: 'Merge test', publisher: 'Example' }],
          },
        },
      );

      await page.goto(`${app.url}/desk/actors`);
      await page.getByLabel(/^Search actors/).fill('Нуланд-Каган');
      const row = page.getByTestId('actor-row').filter({ has: page.getByRole('heading', { name: 'Victoria J. Nuland' }) });
      await row.getByRole('button', { name: 'Merge Victoria J. Nuland into another actor' }).click();
      await row.getByLabel(/^Actor to keep/).fill('Nuland');
      await row.getByRole('button', { name: 'Keep Victoria Nuland' }).click();

      const dialog = page.getByRole('dialog', { name: 'Merge Victoria J. Nuland into Victoria Nuland?' });
      await dialog.waitFor();
      await dialog.getByText('Nuland comments on embassy staffing (merge test)').waitFor();
      expect(await dialog.textContent()).toMatch(/1 event moves/);
      await page.screenshot({ path: screenshotPath('desk-actors-merge'), fullPage: false });
      // Escape backs out of the dialog without merging; the choice can be made again, and confirmed from the keyboard.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await row.getByRole('button', { name: 'Keep Victoria Nuland' }).press('Enter');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Merge into Victoria Nuland' }).press('Enter');
      await page.getByRole('status').filter({ hasText: 'Merged Victoria J. Nuland into Victoria Nuland' }).waitFor();

      const data = await graphql(
        `
          query ($slug: ID!) {
            old: actor(id: $slug) {
              slug
              aliases
              events(first: 100) {
                nodes {
                  title
                }
              }
            }
          }
        `,
        { slug: createActor.slug },
      );
      expect(data.old.slug).toBe('victoria-nuland');
      expect(data.old.aliases).toEqual(expect.arrayContaining(['Victoria J. Nuland', 'Виктория Нуланд-Каган']));
      expect(data.old.events.nodes.map((e: any) => e.title)).toContain('Nuland comments on embassy staffing (merge test)');
    });
  });

  describe('sources', () => {
    beforeAll(async () => {
      page = await editorTab();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('Given a search by a word of its title, When the source is edited, Then bad input is shown on its field and the correction is saved', async () => {
      const title = 'Secretary Kerry Press Availability with Russian Foreign Minister Lavrov and UN Special Representative Brahimi';
      await page.goto(`${app.url}/desk/sources`);
      await page.getByLabel(/^Search sources/).fill('Brahimi');
      const row = page.getByTestId('source-row').filter({ has: page.getByRole('heading', { name: title }) });
      await row.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^\d+ sources?$/ })
        .waitFor();
      await row.getByRole('button', { name: `Edit ${title}` }).click();

      await row.getByLabel(/^Language/).fill('e1');
      await row.getByRole('button', { name: 'Save source' }).click();
      expect(await row.getByLabel(/^Language/).getAttribute('aria-invalid')).toBe('true');

      await row.getByLabel(/^Language/).fill('fr');
      await row.getByRole('button', { name: 'Save source' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Saved ${title}.` })
        .waitFor();

      const data = await graphql(`
        {
          sources(search: "Brahimi", first: 5) {
            nodes {
              title
              language
            }
          }
        }
      `);
      expect(data.sources.nodes.find((s: { title: string }) => s.title === title)?.language).toBe('fr');
    });
  });
});

// The editors' desk in Chromium against the app as `npm start` runs it: sign in with a key, edit a statement's quote
// and see it on an open timeline page, create a sanction with a new actor and a new source, a conflict between two
// browsers resolved without losing either edit, and a revoked key refused.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
const STATEMENT = '2024-02-14-putin-says-biden-preferable';
const CONFLICT_EVENT = '2025-01-20-putin-congratulates-trump-inauguration';

async function graphql<T>(app: RunningApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function signIn(page: Page, app: RunningApp, key: string): Promise<void> {
  await page.goto(`${app.url}/desk`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('desk-viewer').waitFor({ timeout: 30_000 });
}

describeBrowser('the editors’ desk in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let editorKey: string;

  const newPage = async () => {
    // Each context is its own browser profile: its own sessionStorage, so its own sign-in.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    editorKey = await app.createKey('desk editor', 'editor');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
  });

  it('Given an editor key, When it is pasted into "API key", Then the desk shows its name and role, and Sign out forgets it', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/?event=${STATEMENT}`);
    await page.locator('[data-testid="event-detail"] h2').first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);

    await signIn(page, app, editorKey);
    expect(await page.getByTestId('desk-viewer').innerText()).toMatch(/Signed in as desk editor\s*\(editor\)/);
    expect(await page.evaluate(() => sessionStorage.getItem('detente.apiKey'))).toBe(editorKey);
    await page.screenshot({ path: screenshotPath('desk-signed-in') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('detente.apiKey'))).toBeNull();
  });

  it('Given a reader with a statement open, When an editor changes its quote at the desk, Then the reader’s page shows the new quote', async () => {
    const reader = await newPage();
    await reader.goto(`${app.url}/?event=${STATEMENT}`);
    await reader.locator('[data-testid="event-detail"] blockquote').waitFor({ timeout: 30_000 });

    const editor = await newPage();
    await signIn(editor, app, editorKey);
    await editor.goto(`${app.url}/?event=${STATEMENT}`);
    await editor.getByRole('link', { name: 'Edit', exact: true }).click();
    const quote = editor.getByLabel('Quote (verbatim, in the original language)');
    await quote.waitFor({ timeout: 30_000 });

    // Bad input is named on its field, as typed, by the same rules the server uses; nothing is sent.
    await editor.getByLabel('End date (for spans)').fill('2024-02-01');
    await editor.getByText('endDate is before startDate').waitFor();
    expect(await editor.getByLabel('End date (for spans)').getAttribute('aria-invalid')).toBe('true');
    await editor.getByLabel('End date (for spans)').fill('');

    const newQuote = 'Он человек более опытный, прогнозируемый (цитата исправлена)';
    await quote.fill(newQuote);
    await editor.getByLabel(/^Note: why you made this change/).fill('Quote checked against the Kremlin transcript');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByTestId('saved-notice').waitFor({ timeout: 30_000 });

    await reader.locator('[data-testid="event-detail"] blockquote', { hasText: newQuote }).waitFor({ timeout: 15_000 });
    const stored = await graphql<{ event: { quote: string; revisions: { note: string; author: string }[] } }>(
      app,
      `{ event(id: "${STATEMENT}") { ... on Statement { quote } revisions { note author } } }`,
    );
    expect(stored.event.quote).toBe(newQuote);
    expect(stored.event.revisions.at(-1)).toEqual({ note: 'Quote checked against the Kremlin transcript', author: 'desk editor' });
    await editor.screenshot({ path: screenshotPath('desk-edit-saved'), fullPage: true });
  });

  it('Given the desk, When an editor creates a sanction with a new actor and a new source, Then the record holds it with both', async () => {
    const page = await newPage();
    await signIn(page, app, editorKey);
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'New event' }).click();
    await page.getByRole('link', { name: 'Sanction', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();

    // Saving an empty form shows every problem and writes nothing.
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByTestId('form-errors').waitFor();
    expect(await page.getByTestId('form-errors').innerText()).toContain('Nothing was saved');

    await page.getByLabel('Title', { exact: true }).fill('Treasury sanctions a test shipping office');
    await page.getByLabel('Summary').fill('A made-up sanction for the desk test.');
    await page.getByLabel('Start date').fill('2026-11-30');
    await page.getByLabel('Direction').selectOption('US_TO_RU');
    await page.getByLabel('CAMEO code').selectOption('163');
    await page.getByText('Default from CAMEO 163').waitFor();
    await page.getByLabel('Action').selectOption('IMPOSED');
    await page.getByLabel('Program (legal basis, e.g. EO 14024)').fill('EO 14024');
    await page.getByLabel('Asset freeze').check();

    // An actor the record knows, found by a Cyrillic alias…
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByLabel('Participant 1: actor').fill('Лавров');
    await page.getByRole('button', { name: /Sergey Lavrov/ }).click();
    await page.getByLabel('Participant 1: role').selectOption('MENTIONED');
    // …and a new one, added inline.
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByLabel('Participant 2: actor').fill('Test Shipping Office');
    await page.getByRole('button', { name: 'New actor…' }).last().click();
    await page.getByTestId('new-actor').getByLabel('Kind').selectOption('ORGANIZATION');
    await page.getByTestId('new-actor').getByLabel('Country (ISO code)').fill('RU');
    await page.getByRole('button', { name: 'Add actor' }).click();
    await page.getByTestId('participant-row').nth(1).getByText('Test Shipping Office').waitFor({ timeout: 15_000 });
    await page.getByLabel('Participant 2: role').selectOption('TARGET');

    await page.getByLabel('Source 1: URL').fill('https://example.org/treasury/test-shipping-office');
    await page.getByLabel('Source 1: title').fill('Treasury sanctions test shipping office');
    await page.getByLabel('Source 1: publisher').fill('Example Treasury');
    await page.getByLabel('Source 1: date published').fill('2026-11-30');
    await page.screenshot({ path: screenshotPath('desk-create-sanction'), fullPage: true });
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByRole('heading', { name: 'Edit event' }).waitFor({ timeout: 30_000 });

    const id = decodeURIComponent(/\/desk\/events\/([^/]+)\/edit/.exec(page.url())![1]);
    const created = await graphql<{
      event: {
        kind: string;
        program: string;
        measures: string[];
        participants: { role: string; actor: { name: string } }[];
        citations: { source: { url: string; publisher: string } }[];
      };
    }>(
      app,
      `{ event(id: "${id}") { kind ... on Sanction { program measures } participants { role actor { name } } citations { source { url publisher } } } }`,
    );
    expect(created.event.kind).toBe('SANCTION');
    expect(created.event.program).toBe('EO 14024');
    expect(created.event.measures).toEqual(['ASSET_FREEZE']);
    expect(created.event.participants).toEqual(
      expect.arrayContaining([
        { role: 'TARGET', actor: { name: 'Test Shipping Office' } },
        { role: 'MENTIONED', actor: { name: 'Sergey Lavrov' } },
      ]),
    );
    expect(created.event.citations).toEqual([
      { source: { url: 'https://example.org/treasury/test-shipping-office', publisher: 'Example Treasury' } },
    ]);
  });

  it('Given two editors on one event, When both save, Then the second sees both versions and saves with both edits kept', async () => {
    const [alice, bob] = [await newPage(), await newPage()];
    for (const page of [alice, bob]) {
      await signIn(page, app, editorKey);
      await page.goto(`${app.url}/desk/events/${CONFLICT_EVENT}/edit`);
      await page.getByLabel('Title', { exact: true }).waitFor({ timeout: 30_000 });
    }
    const aliceTitle = 'Putin congratulates Trump on his inauguration (title by Alice)';
    await alice.getByLabel('Title', { exact: true }).fill(aliceTitle);
    await alice.getByLabel(/^Note: why/).fill('Alice: clearer title');
    await alice.getByRole('button', { name: 'Save changes' }).click();
    await alice.getByTestId('saved-notice').waitFor({ timeout: 30_000 });

    const bobSummary = 'Putin sent his congratulations at a Security Council meeting (summary by Bob).';
    await bob.getByLabel('Summary').fill(bobSummary);
    await bob.getByLabel(/^Note: why/).fill('Bob: where it was said');
    await bob.getByRole('button', { name: 'Save changes' }).click();
    const conflict = bob.getByTestId('conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.locator('tr[data-field="title"]').innerText()).toContain(aliceTitle);
    expect(await conflict.locator('tr[data-field="summary"]').innerText()).toContain(bobSummary);
    // Bob's edit is still in his form while he compares.
    expect(await bob.getByLabel('Summary').inputValue()).toBe(bobSummary);
    await bob.screenshot({ path: screenshotPath('desk-conflict'), fullPage: true });

    await bob.getByRole('button', { name: 'Re-apply my edits onto their version' }).click();
    expect(await bob.getByLabel('Title', { exact: true }).inputValue()).toBe(aliceTitle);
    expect(await bob.getByLabel('Summary').inputValue()).toBe(bobSummary);
    await bob.getByRole('button', { name: 'Save changes' }).click();
    await bob.getByTestId('saved-notice').waitFor({ timeout: 30_000 });

    const stored = await graphql<{ event: { title: string; summary: string } }>(
      app,
      `{ event(id: "${CONFLICT_EVENT}") { title summary } }`,
    );
    expect(stored.event).toEqual({ title: aliceTitle, summary: bobSummary });
  });

  it('Given a key that is revoked, When it is pasted or was kept in the tab, Then the desk refuses it with a clear message', async () => {
    const key = await app.createKey('short-lived editor', 'editor');
    const page = await newPage();
    await signIn(page, app, key);
    await app.revokeKey('short-lived editor');

    // The tab kept the key: on the next visit the desk checks it again and signs out.
    await page.goto(`${app.url}/desk`);
    await page.getByText('Your API key is no longer accepted').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('detente.apiKey'))).toBeNull();

    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This API key is not valid: it is unknown or has been revoked').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('desk-viewer').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('detente.apiKey'))).toBeNull();
  });
});

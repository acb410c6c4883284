// Two readers with the page open while an editor corrects an event: both pages show the correction, unprompted.
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
const EVENT = '2021-10-12-ryabkov-nuland-talks-moscow';

describeBrowser('live updates in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let pages: Page[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    pages = await Promise.all([browser.newPage(), browser.newPage()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Given two pages showing an event, When an editor changes its title through the API, Then both pages show the new title', async () => {
    for (const page of pages) {
      await page.goto(`${app.url}/?event=${EVENT}`);
      await page.locator('[data-testid="event-detail"] h2').first().waitFor({ timeout: 30_000 });
    }
    const key = await app.createKey('live test editor', 'editor');
    const current = await (
      await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ event(id: "${EVENT}") { version } }` }),
      })
    ).json();
    const title = 'Ryabkov and Nuland meet in Moscow (title corrected live)';
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: `mutation($v: Int!, $t: String!) { updateMeeting(id: "${EVENT}", version: $v, input: { title: $t }) { version } }`,
        variables: { v: (current as { data: { event: { version: number } } }).data.event.version, t: title },
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    for (const page of pages) await page.getByText(title).first().waitFor({ timeout: 15_000 });
    await pages[1].screenshot({ path: screenshotPath('live-update'), fullPage: true });
  });
});

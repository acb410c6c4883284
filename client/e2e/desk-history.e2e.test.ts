// The desk's history, deletions and readers' corrections, in Chromium against the app as the README starts it:
// revert from the history, a reader's correction resolved by an editor, delete + restore, and Recent changes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, RunningApp, screenshotPath, startApp } from './support';

const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
const MEETING = '2021-10-12-ryabkov-nuland-talks-moscow';
const EDITOR = 'history.editor';
/** Corrections each client address may send in this run's app, so the refusal is reached in a few sends. */
const CORRECTION_ALLOWANCE = 3;

interface GraphQLAnswer {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describeBrowser('the desk: history, deletions and corrections in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let key: string;
  let editor: BrowserContext;
  let reader: BrowserContext;

  const graphql = async (query: string, variables: Record<string, unknown> = {}, withKey = true): Promise<GraphQLAnswer> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withKey ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLAnswer;
  };
  const eventNow = async (id: string) =>
    (
      await graphql(
        `
          query ($id: ID!) {
            event(id: $id) {
              id
              version
              title
              summary
            }
          }
        `,
        { id },
        false,
      )
    ).data?.event ?? null;

  /** An editor's page, signed in through the desk's form as a person would. */
  const signedInPage = async (): Promise<Page> => {
    const page = await editor.newPage();
    await page.goto(`${app.url}/desk`);
    await page.getByLabel('API key').fill(key);
    await page.getByLabel('API key').press('Enter');
    await page.getByTestId('desk-viewer').getByText(EDITOR).waitFor({ timeout: 30_000 });
    return page;
  };

  beforeAll(async () => {
    app = await startApp({ CORRECTION_RATE_LIMIT_MAX: String(CORRECTION_ALLOWANCE) });
    key = await app.createKey(EDITOR, 'editor');
    browser = await launchBrowser();
    editor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    reader = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Given an edited event, When an editor reverts to the earlier version from its history, Then the list shows the revert and the event is as it was', async () => {
    const before = await eventNow(MEETING);
    const changed = 'Ryabkov and Nuland meet in Moscow (wrong title, to be reverted)';
    const edit = await graphql(
      `mutation($v: Int!, $t: String!) { updateMeeting(id: "${MEETING}", version: $v, input: { title: $t }, note: "A title that the revert undoes") { version } }`,
      { v: before.version, t: changed },
    );
    expect(edit.errors).toBeUndefined();

    const page = await signedInPage();
    // The panel's History button, shown to a signed-in editor, opens the history at the desk.
    await page.goto(`${app.url}/?event=${MEETING}`);
    await page.getByTestId('history-action').getByRole('link', { name: 'History' }).click();
    await page.waitForURL(`**/desk/events/${before.id}/history`);
    const history = page.getByTestId('history-screen');
    const newest = history.getByTestId('revision').first();
    await expect(newest.getAttribute('data-version')).resolves.toBe(String(before.version + 1));
    await newest.getByText('A title that the revert undoes').waitFor();
    // The diff reads old → new for the title.
    const titleChange = newest.getByTestId('change-title');
    expect(await titleChange.locator('del').textContent()).toBe(before.title);
    expect(await titleChange.locator('ins').textContent()).toBe(changed);

    // Escape closes the confirmation and hands focus back to the button that opened it.
    const earlier = history.locator(`[data-testid="revision"][data-version="${before.version}"]`);
    const revertButton = earlier.getByRole('button', { name: 'Revert to this version' });
    await revertButton.click();
    const dialog = page.getByRole('dialog', { name: `Revert to version ${before.version}?` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await revertButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await eventNow(MEETING)).title).toBe(changed);

    // Confirmed, the revert is a new version with the old title back.
    await revertButton.click();
    await dialog.getByLabel('Note (why; kept in the history)').fill('Back to the sourced title');
    await dialog.getByRole('button', { name: `Revert to version ${before.version}` }).click();
    await history.getByRole('status').getByText(`Reverted to version ${before.version}`).waitFor();
    const reverted = history.locator(`[data-testid="revision"][data-version="${before.version + 2}"]`);
    await reverted.getByRole('heading', { name: /reverted/ }).waitFor();
    await reverted.getByText('Back to the sourced title').waitFor();
    expect(await reverted.getByTestId('change-title').locator('ins').textContent()).toBe(before.title);
    const after = await eventNow(MEETING);
    expect(after).toMatchObject({ title: before.title, version: before.version + 2 });
    await page.screenshot({ path: screenshotPath('desk-history-revert'), fullPage: true });
    await page.close();
  });

  it("Given a reader's correction, When an editor fixes the event and records it as fixed by that revision, Then it is listed as fixed and the correction alone changed nothing", async () => {
    const before = await eventNow(MEETING);
    const page = await reader.newPage();
    await page.goto(`${app.url}/?event=${MEETING}`);
    const panel = page.getByTestId('event-detail');
    await panel.getByRole('heading', { level: 2 }).waitFor({ timeout: 30_000 });
    // Readers see no edit controls, only the correction form.
    expect(await panel.getByTestId('history-action').count()).toBe(0);
    await panel.getByRole('button', { name: 'Suggest a correction' }).click();
    const text = panel.getByLabel('What is wrong or missing?');
    const source = panel.getByLabel('A source that shows it (optional)');
    // Too short: the message is on its field, and nothing is sent.
    await text.fill('Wrong');
    await panel.getByRole('button', { name: 'Send the correction' }).click();
    await expect(text.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await text.evaluate((field) => field === document.activeElement)).toBe(true);
    const correction = 'The talks ended on 13 October, not the 12th: see the ministry readout.';
    await text.fill(correction);
    await source.fill('ftp://mid.ru/readout');
    await panel.getByRole('button', { name: 'Send the correction' }).click();
    await expect(source.getAttribute('aria-invalid')).resolves.toBe('true');
    await source.fill('https://mid.ru/en/press_service/readout');
    await panel.getByRole('button', { name: 'Send the correction' }).click();
    await panel.getByTestId('correction-sent').waitFor();
    expect(await eventNow(MEETING)).toEqual(before);

    // The editor makes the fix with an edit, then names that revision at the corrections desk.
    const fix = await graphql(
      `mutation($v: Int!) { updateMeeting(id: "${MEETING}", version: $v, input: { endDate: "2021-10-13" }, note: "End date from the ministry readout") { version } }`,
      { v: before.version },
    );
    expect(fix.errors).toBeUndefined();
    const fixVersion = fix.data.updateMeeting.version;
    const desk = await signedInPage();
    await desk.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Corrections' }).click();
    const card = desk.getByTestId('correction').filter({ hasText: correction });
    await card.getByRole('link', { name: before.title }).waitFor();
    await card.getByRole('link', { name: 'https://mid.ru/en/press_service/readout' }).waitFor();
    await card.getByLabel('Fixed').check();
    const revision = card.getByLabel('The revision that made the fix');
    await revision.locator(`option[value="${fixVersion}"]`).waitFor({ state: 'attached' });
    await expect(revision.inputValue()).resolves.toBe(String(fixVersion));
    await desk.screenshot({ path: screenshotPath('desk-corrections-resolve'), fullPage: true });
    await card.getByRole('button', { name: 'Record as fixed' }).click();
    await desk.getByRole('status').getByText(`recorded as fixed by version ${fixVersion}`).waitFor();
    await card.waitFor({ state: 'detached' });

    await desk.getByRole('button', { name: 'Fixed', exact: true }).click();
    const fixed = desk.getByTestId('correction').filter({ hasText: correction });
    const outcome = fixed.getByTestId('correction-outcome');
    await outcome.getByText(`version ${fixVersion}`).waitFor();
    expect(await outcome.textContent()).toContain(EDITOR);
    // Resolving recorded the outcome and left the event at the fix.
    expect((await eventNow(MEETING)).version).toBe(fixVersion);
    await desk.close();
    await page.close();
  });

  it('Given an open correction, When an editor declines it without a reason, Then the reason field says so; with one, it is listed as declined', async () => {
    const submitted = await graphql(
      `mutation { submitCorrection(eventId: "${MEETING}", text: "Nuland was not in Moscow that week at all.") { id } }`,
      {},
      false,
    );
    expect(submitted.errors).toBeUndefined();
    const desk = await signedInPage();
    await desk.goto(`${app.url}/desk/corrections`);
    const card = desk.getByTestId('correction').filter({ hasText: 'Nuland was not in Moscow' });
    await card.getByLabel('Declined').check();
    await card.getByRole('button', { name: 'Record as declined' }).click();
    const reason = card.getByLabel(/Why it is declined/);
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await reason.fill('The State Department and TASS both place her in Moscow on 11–13 October.');
    await card.getByRole('button', { name: 'Record as declined' }).click();
    await card.waitFor({ state: 'detached' });
    await desk.getByRole('button', { name: 'Declined', exact: true }).click();
    const declined = desk.getByTestId('correction').filter({ hasText: 'Nuland was not in Moscow' });
    expect(await declined.getByTestId('correction-outcome').textContent()).toContain('both place her in Moscow');
    await desk.close();
  });

  it("Given a reader past the server's allowance, When they send one more correction, Then the form shows the server's RATE_LIMITED message", async () => {
    const page = await reader.newPage();
    await page.goto(`${app.url}/?event=${MEETING}`);
    const panel = page.getByTestId('event-detail');
    // This run's app allows CORRECTION_ALLOWANCE per address; the tests above sent two.
    for (let sent = 0; sent <= CORRECTION_ALLOWANCE; sent++) {
      await panel.getByRole('button', { name: 'Suggest a correction' }).click();
      await panel.getByLabel('What is wrong or missing?').fill(`Correction number ${sent} about this meeting.`);
      await panel.getByRole('button', { name: 'Send the correction' }).click();
      const answer = await Promise.race([
        panel
          .getByTestId('correction-sent')
          .waitFor()
          .then(() => 'sent'),
        panel
          .getByTestId('correction-error')
          .waitFor()
          .then(() => 'refused'),
      ]);
      if (answer === 'refused') break;
      await panel.getByRole('button', { name: 'Close', exact: true }).click();
    }
    const error = panel.getByTestId('correction-error');
    expect(await error.textContent()).toMatch(/^Not sent: .*corrections from this address/i);
    await page.close();
  });

  it('Given an event, When an editor deletes it with a note and restores it from the Deleted list, Then it leaves the timeline and comes back', async () => {
    const before = await eventNow(MEETING);
    const desk = await signedInPage();
    await desk.goto(`${app.url}/desk/events/${MEETING}/history`);
    await desk.getByRole('button', { name: 'Delete event' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Delete this event?' });
    // No note, no deletion.
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await eventNow(MEETING)).not.toBeNull();
    await dialog.getByLabel(/Why is it deleted/).fill('Duplicate of the Lavrov–Nuland entry');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await desk.waitForURL('**/desk/deleted');
    expect(await eventNow(MEETING)).toBeNull();

    const reading = await reader.newPage();
    await reading.goto(`${app.url}/?event=${MEETING}`);
    await reading.getByTestId('event-detail').getByText('This event was not found').waitFor({ timeout: 30_000 });

    const item = desk.getByTestId('deleted-event').filter({ hasText: before.title });
    await item.getByText('Duplicate of the Lavrov–Nuland entry').waitFor();
    expect(await item.textContent()).toContain(EDITOR);
    await desk.screenshot({ path: screenshotPath('desk-deleted'), fullPage: true });
    await item.getByRole('button', { name: 'Restore' }).click();
    await desk.getByRole('status').getByText(`“${before.title}” is restored`).waitFor();
    await item.waitFor({ state: 'detached' });
    expect(await eventNow(MEETING)).toMatchObject({ title: before.title, version: before.version + 2 });
    await reading.reload();
    await reading.getByTestId('event-detail').getByRole('heading', { name: before.title }).waitFor({ timeout: 30_000 });
    await reading.close();
    await desk.close();
  });

  it("Given the changes above, When a reader opens Recent changes, Then they are listed newest first with the key's name (never the key) and links, a page at a time", async () => {
    const page = await reader.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Recent changes' }).click();
    const list = page.getByTestId('recent-changes');
    await list.getByRole('heading', { name: 'Recent changes' }).waitFor({ timeout: 30_000 });
    const changes = list.getByTestId('change');
    await changes.first().waitFor();
    const newest = await changes.evaluateAll((items) => items.slice(0, 4).map((item) => item.textContent ?? ''));
    expect(newest[0]).toMatch(/^restored/);
    expect(newest[0]).toContain(EDITOR);
    expect(newest[1]).toMatch(/^deleted/);
    expect(newest[1]).toContain('Duplicate of the Lavrov–Nuland entry');
    expect(newest[2]).toMatch(/^edited/);
    expect(newest[2]).toContain('Changed: end date');
    expect(await page.content()).not.toContain(key);
    // Readers get the event, not the desk.
    expect(await changes.first().getByRole('link', { name: 'history and revert' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('recent-changes'), fullPage: true });

    // Older pages: other changes to the record (other test files share the app; then the dataset's imports) follow,
    // none of them repeated from the first page.
    const firstPage = await changes.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    await list.getByRole('button', { name: 'Older changes →' }).click();
    await list.getByText(/^Page 2 of/).waitFor();
    const secondPage = await changes.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((text) => firstPage.includes(text))).toEqual([]);
    await list.getByRole('button', { name: '← Newer changes' }).click();
    await list.getByText(/^Page 1 of/).waitFor();

    await changes.first().getByRole('link').first().click();
    await page.waitForURL(/\/\?event=/);
    await page.getByTestId('event-detail').getByRole('heading', { level: 2 }).waitFor({ timeout: 30_000 });
    await page.close();
  });
});

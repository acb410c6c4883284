// Readers' corrections over HTTP against real PostgreSQL: sent without a key, checked, rate-limited, listed and
// resolved by editors, and never a change to the event.
import { ApiKeyRole } from '@detente/shared';
import { startTestApp, TestApp } from '../test-support/app';
import type { TestDatabase } from '../test-support/db';
import { withFixtureApp } from '../test-support/fixture-app';

let db: TestDatabase;
let app: TestApp;
let editor: string;
let revoked: string;

// A roomy allowance here; the rate-limit test starts its own app with a small one.
withFixtureApp(
  (fixture) =>
    ({
      db,
      app,
      keys: { 'desk editor': editor, 'former editor': revoked },
    } = fixture),
  {
    keys: [
      { name: 'desk editor', role: ApiKeyRole.EDITOR },
      { name: 'former editor', role: ApiKeyRole.EDITOR, revoked: true },
    ],
    env: { CORRECTION_RATE_LIMIT_MAX: '1000' },
  },
);

const as = (key: string) => ({ authorization: `Bearer ${key}` });
const SUBMIT = `mutation($eventId: ID!, $text: String!, $sourceUrl: String) {
  submitCorrection(eventId: $eventId, text: $text, sourceUrl: $sourceUrl) { id status text sourceUrl submittedAt resolvedBy event { slug title deleted } }
}`;
const LIST = `query($status: CorrectionStatus, $first: Int, $after: String) {
  corrections(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id status text reason resolvedBy resolvedAt event { slug kind title } revision { version action } }
  }
}`;
const RESOLVE = `mutation($id: ID!, $resolution: CorrectionResolution!, $revisionVersion: Int, $reason: String) {
  resolveCorrection(id: $id, resolution: $resolution, revisionVersion: $revisionVersion, reason: $reason) {
    id status reason resolvedBy resolvedAt revision { version action author }
  }
}`;
const count = async (sql: string, params: unknown[] = []) => Number((await db.dataSource.query(sql, params))[0].n);
const corrections = () => count('SELECT count(*) AS n FROM correction');
const eventState = async (slug: string) =>
  (await db.dataSource.query(`SELECT version, title, updated_at FROM event WHERE slug = $1`, [slug]))[0];

async function submit(eventId: string, text = 'The meeting was on the 12th, not the 11th, per the MFA readout.') {
  const res = await app.gql(SUBMIT, { eventId, text, sourceUrl: 'https://mid.ru/en/readout' });
  expect(res.errors).toBeUndefined();
  return res.data.submitCorrection as { id: string };
}

describe('submitCorrection', () => {
  it('Given no key, When a reader suggests a correction, Then it is stored OPEN and the event is left as it was', async () => {
    const before = await eventState('e2-meeting');
    const res = await app.gql(SUBMIT, {
      eventId: 'e2-meeting',
      text: '  The talks ended on the 13th, not the 12th.  ',
      sourceUrl: 'https://www.state.gov/readout',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitCorrection).toMatchObject({
      status: 'OPEN',
      text: 'The talks ended on the 13th, not the 12th.',
      sourceUrl: 'https://www.state.gov/readout',
      resolvedBy: null,
      event: { slug: 'e2-meeting', title: 'Ryabkov and Nuland meet in Moscow', deleted: false },
    });
    const [row] = await db.dataSource.query('SELECT status, text, source_url FROM correction WHERE id = $1', [
      res.data.submitCorrection.id,
    ]);
    expect(row).toEqual({
      status: 'OPEN',
      text: 'The talks ended on the 13th, not the 12th.',
      source_url: 'https://www.state.gov/readout',
    });
    expect(await eventState('e2-meeting')).toEqual(before);
  });

  it('Given an event UUID instead of its slug and no source, Then the correction is stored all the same', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM event WHERE slug = 'e3-sanction'`);
    const res = await app.gql(SUBMIT, { eventId: id, text: 'OFAC named two more entities that day.' });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitCorrection).toMatchObject({ sourceUrl: null, event: { slug: 'e3-sanction' } });
  });

  it.each([
    ['a text that is too short', { text: 'wrong' }, 'text'],
    ['a text that is too long', { text: 'x'.repeat(4001) }, 'text'],
    ['a text of only spaces', { text: '              ' }, 'text'],
    ['a text with a NUL character', { text: 'The date is wrong\u0000 here.' }, 'text'],
    ['a source that is no URL', { sourceUrl: 'the MFA website' }, 'sourceUrl'],
    ['a source that is not http(s)', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ['a source that is too long', { sourceUrl: `https://example.org/${'a'.repeat(2000)}` }, 'sourceUrl'],
    ['an unknown event', { eventId: 'no-such-event' }, 'eventId'],
    ['an unknown event UUID', { eventId: '00000000-0000-4000-8000-000000000000' }, 'eventId'],
  ])('Given %s, Then BAD_USER_INPUT names the field and nothing is stored', async (_case, over, field) => {
    const before = await corrections();
    const res = await app.gql(SUBMIT, { eventId: 'e1-statement', text: 'The quote is from the 13th.', ...over });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toContain(field);
    expect(await corrections()).toBe(before);
  });

  it('Given a deleted event, Then BAD_USER_INPUT names eventId and nothing is stored', async () => {
    const deleted = await app.gql(`mutation { deleteEvent(id: "e8-same-day-c", version: 1) { version } }`, {}, as(editor));
    expect(deleted.errors).toBeUndefined();
    const before = await corrections();
    const res = await app.gql(SUBMIT, { eventId: 'e8-same-day-c', text: 'This event should not have been deleted.' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
    expect(res.errors?.[0].message).toMatch(/deleted/);
    expect(await corrections()).toBe(before);
  });

  it('Given a small allowance, When one address sends more, Then the one past it is RATE_LIMITED and not stored; refused input does not count', async () => {
    const limited = await startTestApp(db.dataSource, { CORRECTION_RATE_LIMIT_MAX: '2', CORRECTION_RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      const send = (text: string) => limited.gql(SUBMIT, { eventId: 'e4-mission', text });
      const before = await corrections();
      expect((await send('short')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await send('First correction from this reader.')).errors).toBeUndefined();
      expect((await send('Second correction from this reader.')).errors).toBeUndefined();
      const third = await send('Third correction from this reader.');
      expect(third.status).toBe(429);
      expect(third.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(third.errors?.[0].extensions?.http).toBeUndefined();
      expect(third.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(third.errors?.[0].message).toMatch(/at most 2 per 1 min/);
      expect(await corrections()).toBe(before + 2);
    } finally {
      await limited.stop();
    }
  });
});

describe('corrections and resolveCorrection', () => {
  it('Given no key or a revoked key, Then listing and resolving are UNAUTHENTICATED and nothing changes', async () => {
    const { id } = await submit('e5-agreement');
    for (const headers of [{}, as(revoked)]) {
      const list = await app.gql(LIST, {}, headers);
      expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(list.data?.corrections ?? null).toBeNull();
      const resolve = await app.gql(RESOLVE, { id, resolution: 'DECLINED', reason: 'Not supported by sources.' }, headers);
      expect(resolve.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await count(`SELECT count(*) AS n FROM correction WHERE id = $1 AND status = 'OPEN'`, [id])).toBe(1);
  });

  it('Given open corrections, When an editor lists them a page at a time, Then each open one comes once, oldest first, with its event', async () => {
    const open = await count(`SELECT count(*) AS n FROM correction WHERE status = 'OPEN'`);
    expect(open).toBeGreaterThan(2);
    const seen: Array<{ id: string; event: { slug: string; kind: string; title: string } }> = [];
    let after: string | undefined;
    for (let page = 0; page < open; page++) {
      const res = await app.gql(LIST, { first: 2, after }, as(editor));
      expect(res.errors).toBeUndefined();
      expect(res.data.corrections.totalCount).toBe(open);
      seen.push(...res.data.corrections.nodes);
      if (!res.data.corrections.pageInfo.hasNextPage) break;
      after = res.data.corrections.pageInfo.endCursor;
    }
    const expected = await db.dataSource.query(`SELECT id FROM correction WHERE status = 'OPEN' ORDER BY submitted_at, id`);
    expect(seen.map((c) => c.id)).toEqual(expected.map((r: { id: string }) => r.id));
    expect(seen.every((c) => c.event.slug && c.event.kind && c.event.title)).toBe(true);
  });

  it("Given an event's id or slug, Then only that event's open corrections are listed", async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM event WHERE slug = 'e5-agreement'`);
    const expected = await count(`SELECT count(*) AS n FROM correction WHERE status = 'OPEN' AND event_id = $1`, [id]);
    expect(expected).toBeGreaterThan(0);
    const LIST_FOR = `query($eventId: ID) { corrections(eventId: $eventId, first: 100) { totalCount nodes { event { slug } } } }`;
    for (const eventId of [id, 'e5-agreement']) {
      const res = await app.gql(LIST_FOR, { eventId }, as(editor));
      expect(res.errors).toBeUndefined();
      expect(res.data.corrections.totalCount).toBe(expected);
      expect(res.data.corrections.nodes.map((c: { event: { slug: string } }) => c.event.slug)).toEqual(
        Array(expected).fill('e5-agreement'),
      );
    }
  });

  it('Given an editor who fixed the event, When the correction is resolved FIXED with that version, Then who, when and the revision are recorded', async () => {
    const { id } = await submit('e2-meeting');
    const fixed = await app.gql(
      `mutation { updateMeeting(id: "e2-meeting", version: 1, input: { startDate: "2021-10-12" }, note: "date per reader") { version } }`,
      {},
      as(editor),
    );
    expect(fixed.errors).toBeUndefined();
    const version = fixed.data.updateMeeting.version;
    const eventBefore = await eventState('e2-meeting');
    const res = await app.gql(RESOLVE, { id, resolution: 'FIXED', revisionVersion: version }, as(editor));
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveCorrection).toMatchObject({
      id,
      status: 'FIXED',
      reason: null,
      resolvedBy: 'desk editor',
      revision: { version, action: 'UPDATE', author: 'desk editor' },
    });
    expect(Date.now() - Date.parse(res.data.resolveCorrection.resolvedAt)).toBeLessThan(60_000);
    expect(await eventState('e2-meeting')).toEqual(eventBefore);
    const lists = await Promise.all(['OPEN', 'FIXED'].map((status) => app.gql(LIST, { status, first: 100 }, as(editor))));
    expect(lists[0].data.corrections.nodes.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(lists[1].data.corrections.nodes.find((c: { id: string }) => c.id === id)).toMatchObject({ revision: { version } });
  });

  it('Given a reason, When the correction is DECLINED, Then the reason is kept; resolving it again is a CONFLICT', async () => {
    const { id } = await submit('e1-statement');
    const res = await app.gql(RESOLVE, { id, resolution: 'DECLINED', reason: '  The transcript says the 12th.  ' }, as(editor));
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveCorrection).toMatchObject({ status: 'DECLINED', reason: 'The transcript says the 12th.', revision: null });
    const again = await app.gql(RESOLVE, { id, resolution: 'FIXED', revisionVersion: 1 }, as(editor));
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'DECLINED' });
    const [row] = await db.dataSource.query('SELECT status, revision_id FROM correction WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'DECLINED', revision_id: null });
  });

  it.each([
    ['FIXED without a revision', { resolution: 'FIXED' }, 'revisionVersion'],
    ['FIXED with a version the event does not have', { resolution: 'FIXED', revisionVersion: 99 }, 'revisionVersion'],
    ['DECLINED without a reason', { resolution: 'DECLINED' }, 'reason'],
    ['DECLINED with a blank reason', { resolution: 'DECLINED', reason: '   ' }, 'reason'],
    ['DECLINED with a revision', { resolution: 'DECLINED', reason: 'No.', revisionVersion: 1 }, 'revisionVersion'],
    ['a reason that is too long', { resolution: 'DECLINED', reason: 'x'.repeat(2001) }, 'reason'],
  ])('Given %s, Then BAD_USER_INPUT names the field and the correction stays OPEN', async (_case, over, field) => {
    const { id } = await submit('e3-sanction');
    const res = await app.gql(RESOLVE, { id, ...over }, as(editor));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [row] = await db.dataSource.query('SELECT status, resolved_by, reason FROM correction WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'OPEN', resolved_by: null, reason: null });
  });

  it('Given an id that is not a correction, Then BAD_USER_INPUT for a malformed id and NOT_FOUND for an unknown one', async () => {
    const reason = 'Not supported by sources.';
    const malformed = await app.gql(RESOLVE, { id: 'abc', resolution: 'DECLINED', reason }, as(editor));
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknown = await app.gql(RESOLVE, { id: '00000000-0000-4000-8000-000000000000', resolution: 'DECLINED', reason }, as(editor));
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

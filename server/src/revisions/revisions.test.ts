// The revision log as the desk reads it, over HTTP against real PostgreSQL: each revision's diff from the one
// before (create, update, revert, delete, restore), and recent changes across the record, paged by cursor.
import { ApiKeyRole } from '@detente/shared';
import { hashKey } from '../auth/api-key.service';
import type { TestApp } from '../test-support/app';
import type { TestDatabase } from '../test-support/db';
import { meetingInput } from '../test-support/fixture';
import { withFixtureApp } from '../test-support/fixture-app';
import { diffSnapshots, FieldChange } from './revision-diff';

let db: TestDatabase;
let app: TestApp;
let editor: string;

withFixtureApp(
  (fixture) =>
    ({
      db,
      app,
      keys: { 'history editor': editor },
    } = fixture),
  { keys: [{ name: 'history editor', role: ApiKeyRole.EDITOR }] },
);

const write = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await app.gql(query, variables, { authorization: `Bearer ${editor}` });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as { id: string; version: number };
};
const HISTORY = `query($id: ID!) { event(id: $id) { revisions { version action author note changes { field before after } } } }`;
interface RevisionView {
  version: number;
  action: string;
  author: string;
  note: string | null;
  changes: FieldChange[];
}

describe('Revision.changes over real revisions', () => {
  let eventId: string;
  let history: RevisionView[];

  beforeAll(async () => {
    const created = await write(`mutation($input: MeetingInput!) { createMeeting(input: $input, note: "first report") { id version } }`, {
      input: meetingInput({
        startDate: '2021-11-01',
        citations: [{ url: 'https://example.org/geneva', title: 'Geneva talks', publisher: 'Example Wire', publishedAt: '2021-11-02' }],
      }),
    });
    eventId = created.id;
    await write(
      `mutation($id: ID!) { updateMeeting(id: $id, version: 1, note: "only the month is known", input: {
         title: "Sherman and Ryabkov meet in Geneva", datePrecision: MONTH, verification: REPORTED }) { version } }`,
      { id: eventId },
    );
    await write(`mutation($id: ID!) { revertEvent(id: $id, toVersion: 1, version: 2, note: "back to the report") { version } }`, {
      id: eventId,
    });
    await write(`mutation($id: ID!) { deleteEvent(id: $id, version: 3) { version } }`, { id: eventId });
    await write(`mutation($id: ID!) { restoreEvent(id: $id, version: 4) { version } }`, { id: eventId });
    db.queries.length = 0;
    const res = await app.gql(HISTORY, { id: eventId });
    expect(res.errors).toBeUndefined();
    history = res.data.event.revisions;
  });

  it('Then the log holds the five changes with who and the note', () => {
    expect(history.map((r) => [r.version, r.action, r.author, r.note])).toEqual([
      [1, 'CREATE', 'history editor', 'first report'],
      [2, 'UPDATE', 'history editor', 'only the month is known'],
      [3, 'REVERT', 'history editor', 'back to the report'],
      [4, 'DELETE', 'history editor', null],
      [5, 'RESTORE', 'history editor', null],
    ]);
  });

  it('Given the first revision, Then it diffs against nothing: every field it set, each with before = null', () => {
    const [created] = history;
    expect(created.changes.every((c) => c.before === null)).toBe(true);
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: null, after: 'Sherman and Ryabkov talk in Geneva' },
        { field: 'startDate', before: null, after: '2021-11-01' },
        { field: 'datePrecision', before: null, after: 'DAY' },
        { field: 'format', before: null, after: 'IN_PERSON' },
        { field: 'participants', before: null, after: [{ actor: 'ryabkov', role: 'PARTICIPANT', side: 'RU' }] },
      ]),
    );
  });

  it('Given an update, Then exactly the fields it changed are listed, defaults shown as values rather than as absence', () => {
    expect(history[1].changes.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'datePrecision', before: 'DAY', after: 'MONTH' },
      { field: 'title', before: 'Sherman and Ryabkov talk in Geneva', after: 'Sherman and Ryabkov meet in Geneva' },
      { field: 'verification', before: 'CONFIRMED', after: 'REPORTED' },
    ]);
  });

  it('Given a revert to version 1, Then the title goes back from what version 2 set', () => {
    expect(history[2].changes).toContainEqual({
      field: 'title',
      before: 'Sherman and Ryabkov meet in Geneva',
      after: 'Sherman and Ryabkov talk in Geneva',
    });
  });

  it('Given a delete and a restore, Then no field of the record changes (the action says what happened)', () => {
    for (const revision of history.slice(3)) expect(revision.changes.filter((c) => !c.field.startsWith('deleted'))).toEqual([]);
  });

  it('Then the changes chain up: each before is the after of the last change to that field, ending at the current snapshot', async () => {
    const state: Record<string, unknown> = {};
    for (const revision of history) {
      for (const change of revision.changes) {
        expect([revision.version, change.field, change.before]).toEqual([revision.version, change.field, state[change.field] ?? null]);
        state[change.field] = change.after;
      }
    }
    const [{ snapshot }] = await db.dataSource.query('SELECT snapshot FROM revision WHERE event_id = $1 AND version = 5', [eventId]);
    const current = Object.fromEntries(diffSnapshots(null, snapshot).map((c) => [c.field, c.after]));
    expect(Object.fromEntries(Object.entries(state).filter(([, value]) => value !== null))).toEqual(current);
  });

  it('Then the previous snapshots of all five revisions load in one query', () => {
    expect(db.queries.filter((sql) => /FROM unnest/.test(sql))).toHaveLength(1);
  });
});

describe('Revision.changes after the dataset import', () => {
  it('Given an imported event whose participants have no side in the file, When only its outcome is edited, Then only outcome is listed', async () => {
    await write(`mutation { updateMeeting(id: "e2-meeting", version: 1, input: { outcome: "Talks to continue." }) { version } }`);
    const res = await app.gql(HISTORY, { id: 'e2-meeting' });
    expect(res.errors).toBeUndefined();
    const [imported, edited] = res.data.event.revisions as RevisionView[];
    expect(imported.action).toBe('IMPORT');
    expect(edited.changes).toEqual([{ field: 'outcome', before: null, after: 'Talks to continue.' }]);
  });
});

describe('diffSnapshots', () => {
  const old = {
    id: 'x',
    kind: 'MEETING',
    title: 'T',
    startDate: '2021-11-01',
    cameoCode: '040',
    importance: 3,
    tags: [],
    participants: [],
    citations: [],
  };

  it('Given a snapshot that leaves defaults out and one that writes them out, Then nothing has changed', () => {
    const complete = {
      ...old,
      datePrecision: 'DAY',
      verification: 'CONFIRMED',
      tone: 1,
      summary: null,
      links: [],
      measures: [],
      toneNote: null,
    };
    expect(diffSnapshots(old, complete)).toEqual([]);
    expect(diffSnapshots(complete, old)).toEqual([]);
  });

  it('Given a tone left out (the CAMEO default) and then overridden, Then the change runs from the default value', () => {
    expect(diffSnapshots(old, { ...old, tone: 4.5 })).toEqual([{ field: 'tone', before: 1, after: 4.5 }]);
  });

  it('Given a participant without a side and the same one with the side its actor implies, Then nothing has changed', () => {
    const implied = (slug: string) => ({ ryabkov: 'RU', nuland: 'US' })[slug];
    const without = { ...old, participants: [{ actor: 'ryabkov', role: 'HOST' }] };
    expect(diffSnapshots(without, { ...old, participants: [{ actor: 'ryabkov', role: 'HOST', side: 'RU' }] }, implied)).toEqual([]);
    expect(diffSnapshots(without, { ...old, participants: [{ actor: 'ryabkov', role: 'HOST', side: 'OTHER' }] }, implied)).toEqual([
      {
        field: 'participants',
        before: [{ actor: 'ryabkov', role: 'HOST', side: 'RU' }],
        after: [{ actor: 'ryabkov', role: 'HOST', side: 'OTHER' }],
      },
    ]);
  });

  it('Given a field removed, Then after is null; key order inside objects does not count as a change', () => {
    const placed = { ...old, location: { name: 'Geneva', country: 'CH' } };
    expect(diffSnapshots(placed, { ...old, location: { country: 'CH', name: 'Geneva' } })).toEqual([]);
    expect(diffSnapshots(placed, old)).toEqual([{ field: 'location', before: { name: 'Geneva', country: 'CH' }, after: null }]);
  });
});

describe('recentChanges', () => {
  const RECENT = `query($first: Int, $after: String, $actions: [RevisionAction!]) {
    recentChanges(first: $first, after: $after, actions: $actions) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { version action author note createdAt event { id slug title kind deleted } } }
    }
  }`;

  it('Given no key, When paged three at a time, Then every revision comes exactly once, newest first, with its event', async () => {
    await write(
      `mutation { updateStatement(id: "e1-statement", version: 1, input: { title: "Ryabkov talks to Interfax" }, note: "wording") { version } }`,
    );
    const expected: Array<{ id: string }> = await db.dataSource.query('SELECT id FROM revision ORDER BY created_at DESC, id DESC');
    const seen: Array<{ createdAt: string; author: string }> = [];
    const cursors = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await app.gql(RECENT, { first: 3, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.recentChanges.totalCount).toBe(expected.length);
      for (const edge of res.data.recentChanges.edges) {
        cursors.add(edge.cursor);
        seen.push(edge.node);
      }
      pages++;
      if (!res.data.recentChanges.pageInfo.hasNextPage) break;
      after = res.data.recentChanges.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(expected.length);
    // The dataset's revisions share one created_at: only the id tie-break keeps them apart across pages.
    expect(cursors.size).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 3));
    const times = seen.map((c) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen[0]).toMatchObject({
      action: 'UPDATE',
      author: 'history editor',
      note: 'wording',
      event: { slug: 'e1-statement', title: 'Ryabkov talks to Interfax', kind: 'STATEMENT', deleted: false },
    });
  });

  it('Given a deleted event, Then its change is listed with the event marked deleted, and the filter by action finds it', async () => {
    await write(`mutation { deleteEvent(id: "e9-month", version: 1, note: "duplicate") { version } }`);
    const res = await app.gql(RECENT, { first: 1, actions: ['DELETE'] });
    expect(res.errors).toBeUndefined();
    expect(res.data.recentChanges.edges[0].node).toMatchObject({
      action: 'DELETE',
      note: 'duplicate',
      event: { slug: 'e9-month', deleted: true },
    });
    const deletes = await db.dataSource.query(`SELECT count(*)::int AS n FROM revision WHERE action = 'DELETE'`);
    expect(res.data.recentChanges.totalCount).toBe(deletes[0].n);
  });

  it('Then authors are key names only: neither the key nor its hash appears anywhere in the answer', async () => {
    const res = await app.gql(RECENT, { first: 100 });
    const text = JSON.stringify(res);
    expect(text).toContain('history editor');
    expect(text).not.toContain(editor);
    expect(text).not.toContain(hashKey(editor));
  });

  it('Given a cursor that is not one, Then BAD_USER_INPUT names `after`', async () => {
    const res = await app.gql(RECENT, { first: 3, after: 'bm90IGEgY3Vyc29y' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

// `viewer` over HTTP: who a key is, null without one, and the same refusal of bad keys as every mutation.
import { ApiKeyRole } from '@detente/shared';
import type { TestApp } from '../test-support/app';
import { withFixtureApp } from '../test-support/fixture-app';

let app: TestApp;
let editor: string;
let admin: string;
let revoked: string;

withFixtureApp(
  (fixture) =>
    ({
      app,
      keys: { 'Jane Doe': editor, 'ops admin': admin, 'left the desk': revoked },
    } = fixture),
  {
    dataset: 'none',
    keys: [
      { name: 'Jane Doe', role: ApiKeyRole.EDITOR },
      { name: 'ops admin', role: ApiKeyRole.ADMIN },
      { name: 'left the desk', role: ApiKeyRole.EDITOR, revoked: true },
    ],
  },
);

const VIEWER = '{ viewer { name role } }';

describe('viewer', () => {
  it('Given no key, Then viewer is null and there is no error', async () => {
    const res = await app.gql(VIEWER);
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toBeNull();
  });

  it.each([
    ['an editor', () => editor, { name: 'Jane Doe', role: 'EDITOR' }],
    ['an admin', () => admin, { name: 'ops admin', role: 'ADMIN' }],
  ])("Given %s's key, Then viewer is its name and role", async (_who, key, expected) => {
    const res = await app.gql(VIEWER, {}, { authorization: `Bearer ${key()}` });
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual(expected);
  });

  it.each([
    ['a revoked key', () => `Bearer ${revoked}`],
    ['an unknown key', () => `Bearer dtk_${'A'.repeat(43)}`],
    ['a malformed key', () => 'Bearer not-a-key'],
    ['another scheme', () => `Basic ${editor}`],
  ])('Given %s, Then UNAUTHENTICATED says the key is not valid', async (_case, header) => {
    const res = await app.gql(VIEWER, {}, { authorization: header() });
    expect(res.errors?.[0]).toMatchObject({
      message: 'The API key is not valid (unknown or revoked)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(res.data?.viewer ?? null).toBeNull();
  });
});

/**
 * @jest-environment node
 */
// The page's GraphQL types are generated from the committed schema and the queries beside each feature; this
// fails when either changed without `npm run codegen -w client`, so the types can never drift from the API.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLIENT_ROOT = path.resolve(__dirname, '..', '..');

describe('the generated GraphQL types', () => {
  it('Given the committed schema and queries, When the types are generated again, Then they equal src/graphql/types.ts', () => {
    const run = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.yml', '--check'], { cwd: CLIENT_ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).not.toContain('stale');
    expect(run.status).toBe(0);
  });
});

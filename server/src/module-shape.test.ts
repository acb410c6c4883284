// The shape of server/src: common/ depends on no feature, and no module imports itself back through others.
import fs from 'node:fs';
import path from 'node:path';

const SRC = __dirname;
const FEATURES = ['actors', 'auth', 'dataset', 'events', 'ops', 'revisions', 'sources', 'cli', 'db'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Relative imports, type-only ones included: a cycle of types is still two modules that cannot be read apart. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+[^;]*?from\s+'(\.[^']+)'/gm)]
    .map((m) => `${path.resolve(path.dirname(file), m[1])}.ts`)
    .filter((target) => fs.existsSync(target));
}

describe('module shape', () => {
  it('Then nothing in common/ imports a feature module', () => {
    const offending = sourceFiles(path.join(SRC, 'common')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/from\s+'\.\.\/([a-z-]+)\//g)]
        .filter((m) => FEATURES.includes(m[1]))
        .map((m) => `${path.relative(SRC, file)} imports ${m[1]}/`),
    );
    expect(offending).toEqual([]);
  });

  it('Then there is no import cycle', () => {
    const graph = new Map(sourceFiles(SRC).map((file) => [file, imports(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

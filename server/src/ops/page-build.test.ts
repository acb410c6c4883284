// The built page publishes no source maps unless a build asks for them (DETENTE_SOURCEMAP=true, client/vite.config.ts).
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '..', '..', '..', 'client', 'dist');
const built = fs.existsSync(path.join(dist, 'index.html'));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the built page', () => {
  const title = 'Given the page built as npm start builds it, Then it ships no source maps and no script points at one';
  (built ? it : it.skip)(built ? title : `${title} (skipped: client/dist is not built; npm test builds it first)`, () => {
    const files = filesUnder(dist);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const pointing = files.filter((file) => /\.(js|css)$/.test(file) && fs.readFileSync(file, 'utf8').includes('sourceMappingURL='));
    expect(pointing.map((file) => path.relative(dist, file))).toEqual([]);
  });
});

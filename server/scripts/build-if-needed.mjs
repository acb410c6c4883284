// Builds shared, server and client when their output is missing or older than their sources (npm start, npm test).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

const PACKAGES = [
  {
    name: 'shared',
    script: 'build',
    inputs: ['shared/src', 'shared/tsconfig.json', 'shared/tsconfig.build.json'],
    output: 'shared/dist/index.js',
  },
  {
    name: 'server',
    script: 'build',
    inputs: ['server/src', 'server/tsconfig.json', 'server/tsconfig.build.json', 'shared/src'],
    output: 'server/dist/main.js',
  },
  // The page's bundle alone: its type-check runs in `npm run build` and CI (`npm run typecheck`), not on every start.
  {
    name: 'client',
    script: 'bundle',
    inputs: ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'],
    output: 'client/dist/index.html',
  },
];

/** Builds the named packages (all by default, in dependency order) whose output is missing or older than their sources. */
export function buildIfNeeded({ quiet = false, only = PACKAGES.map((p) => p.name) } = {}) {
  for (const pkg of PACKAGES.filter((p) => only.includes(p.name))) {
    const output = path.join(root, pkg.output);
    const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
    const changed = Math.max(...pkg.inputs.map((p) => newest(path.join(root, p))));
    if (built && built >= changed) continue;
    if (!quiet) console.log(`Building ${pkg.name}…`);
    const started = Date.now();
    const result = spawnSync('npm', ['run', pkg.script, '-w', pkg.name], {
      cwd: root,
      stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'],
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
      console.error(`Building ${pkg.name} failed.`);
      process.exit(1);
    }
    // tsc and vite leave old timestamps on unchanged outputs; mark the build time explicitly.
    const now = new Date();
    fs.utimesSync(output, now, now);
    if (!quiet) console.log(`Built ${pkg.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// As a command (`node server/scripts/build-if-needed.mjs shared server`): the CLIs build only what changed, then run
// the built output, so `npm run keys` and the others start in about a second instead of compiling the server first.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const only = process.argv.slice(2);
  buildIfNeeded({ quiet: true, ...(only.length ? { only } : {}) });
}

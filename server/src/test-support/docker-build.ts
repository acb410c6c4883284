// Builds a Dockerfile's stages without a Docker engine: copies the build context (minus .dockerignore) as its
// COPY lines say, runs its `npm run …` RUN lines, and collects ENV, USER and CMD, so a test can run the image's
// exact commands on this machine. `npm ci` is stood in for by links to the repository's installed node_modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerStage {
  name: string;
  from: string;
  instructions: DockerInstruction[];
}

/** Instructions by stage; line continuations joined, comments and parser directives dropped. */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = line.replace(/\\\s*$/, ' ');
      i++;
      if (!/^\s*#/.test(lines[i])) line += lines[i].trim();
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`Dockerfile line ${start}: cannot read "${line}"`);
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`Dockerfile line ${start}: cannot read FROM "${args}"`);
      stages.push({ name: from[2] ?? String(stages.length), from: from[1], instructions: [] });
      continue;
    }
    if (!stages.length) throw new Error(`Dockerfile line ${start}: ${keyword} before FROM`);
    stages[stages.length - 1].instructions.push({ keyword, args, line: start });
  }
  return stages;
}

/** `K=V K2="V 2"` (or the legacy `K V`) into pairs. */
export function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (!/^\S+=/.test(args)) {
    const [key, ...rest] = args.split(/\s+/);
    env[key] = rest.join(' ');
    return env;
  }
  for (const [, key, quoted, plain] of args.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g)) env[key] = quoted ?? plain;
  return env;
}

/** Exec form (`["node", "x.js"]`) as is; shell form through `sh -c`, as Docker does. */
export function parseCommand(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['sh', '-c', args];
}

/** A .dockerignore as a predicate over context-relative paths (`**`, `*`, `?`; no `!` exceptions). */
export function dockerignoreMatcher(text: string): (relativePath: string) => boolean {
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((pattern) => {
      if (pattern.startsWith('!')) throw new Error(`.dockerignore: exceptions ("${pattern}") are not supported by this test's builder`);
      const body = pattern
        .replace(/^\/+|\/+$/g, '')
        .split('/')
        .map((part) =>
          part === '**'
            ? '\u0000'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        // eslint-disable-next-line no-control-regex -- NUL marks a `**` segment: no path or pattern can contain it
        .replace(/\u0000\//g, '(?:.*/)?')
        // eslint-disable-next-line no-control-regex -- the same marker, at the end of the pattern
        .replace(/\u0000/g, '.*');
      return new RegExp(`^${body}(?:/.*)?$`);
    });
  return (relativePath) => patterns.some((re) => re.test(relativePath));
}

export interface BuiltStage {
  name: string;
  /** This stage's filesystem: the container path /app is `${root}/app`. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd?: string[];
  /** Commands run, stood in for, and skipped (system steps such as creating a user). */
  ran: string[];
  stoodIn: string[];
  skipped: string[];
}

export const hostPath = (stage: Pick<BuiltStage, 'root'>, containerPath: string) => path.join(stage.root, containerPath);

export interface BuildOptions {
  dockerfile: string;
  context: string;
  /** Build this stage and the stages it copies from. */
  target: string;
  /** Empty folder to build in. */
  workRoot: string;
  /** Where the stand-in for `npm ci` links installed packages from. */
  installedFrom: string;
  log?: (message: string) => void;
}

function splitArgs(args: string): { flags: Record<string, string>; paths: string[] } {
  const parts = args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
  const flags: Record<string, string> = {};
  const paths: string[] = [];
  for (const part of parts) {
    const flag = /^--([\w-]+)=(.*)$/.exec(part);
    if (flag) flags[flag[1]] = flag[2];
    else paths.push(part);
  }
  return { flags, paths };
}

function copyFromContext(context: string, ignored: (p: string) => boolean, source: string, target: string): void {
  const relative = path.posix.normalize(source).replace(/^\.?\//, '');
  if (ignored(relative)) throw new Error(`COPY ${source}: the path is excluded by .dockerignore`);
  const from = path.join(context, relative);
  if (!fs.existsSync(from)) throw new Error(`COPY ${source}: not in the build context`);
  fs.cpSync(from, target, {
    recursive: true,
    filter: (file) => {
      const rel = path.relative(context, file).split(path.sep).join('/');
      return rel === '' || !ignored(rel);
    },
  });
}

/**
 * Stand-in for `npm ci`: node_modules folders whose entries link to the packages already installed in the
 * repository, with workspace packages linked relatively (`../../shared`) as npm links them.
 */
function linkInstalledPackages(appDir: string, installedFrom: string): void {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const workspaces = new Map<string, string>();
  for (const folder of rootPackage.workspaces ?? []) {
    const manifest = path.join(appDir, folder, 'package.json');
    if (fs.existsSync(manifest)) workspaces.set((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string }).name, folder);
  }
  const mirror = (fromDir: string, toDir: string, depth: number) => {
    if (!fs.existsSync(fromDir)) return;
    fs.mkdirSync(toDir, { recursive: true });
    for (const entry of fs.readdirSync(fromDir)) {
      const target = path.join(toDir, entry);
      if (entry.startsWith('@') && depth === 0) {
        for (const scoped of fs.readdirSync(path.join(fromDir, entry))) {
          const name = `${entry}/${scoped}`;
          const link = path.join(target, scoped);
          fs.mkdirSync(target, { recursive: true });
          if (workspaces.has(name)) fs.symlinkSync(path.relative(target, path.join(appDir, workspaces.get(name)!)), link);
          else if (!name.startsWith('@detente/')) fs.symlinkSync(fs.realpathSync(path.join(fromDir, entry, scoped)), link);
        }
      } else {
        fs.symlinkSync(path.join(fromDir, entry), target);
      }
    }
  };
  mirror(path.join(installedFrom, 'node_modules'), path.join(appDir, 'node_modules'), 0);
  for (const folder of workspaces.values())
    mirror(path.join(installedFrom, folder, 'node_modules'), path.join(appDir, folder, 'node_modules'), 0);
}

export function buildDockerfile(options: BuildOptions): Map<string, BuiltStage> {
  const log = options.log ?? (() => undefined);
  const stages = parseDockerfile(fs.readFileSync(options.dockerfile, 'utf8'));
  const ignoreFile = path.join(options.context, '.dockerignore');
  const ignored = dockerignoreMatcher(fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8') : '');

  // Only the target and the stages it depends on, as BuildKit does.
  const needed = new Set<string>();
  const need = (name: string) => {
    const stage = stages.find((s) => s.name === name);
    if (!stage) throw new Error(`${options.dockerfile}: no stage named ${name}`);
    needed.add(name);
    if (stages.some((s) => s.name === stage.from)) need(stage.from);
    for (const i of stage.instructions) {
      const from = i.keyword === 'COPY' ? splitArgs(i.args).flags.from : undefined;
      if (from) need(from);
    }
  };
  need(options.target);

  const built = new Map<string, BuiltStage>();
  for (const stage of stages.filter((s) => needed.has(s.name))) {
    const root = path.join(options.workRoot, stage.name);
    const base = built.get(stage.from);
    if (base) fs.cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
    else fs.mkdirSync(root, { recursive: true });
    const current: BuiltStage = {
      name: stage.name,
      root,
      workdir: base?.workdir ?? '/',
      env: { ...(base?.env ?? {}) },
      user: base?.user,
      cmd: base?.cmd,
      ran: [],
      stoodIn: [],
      skipped: [],
    };
    const resolve = (containerPath: string) => hostPath(current, path.posix.resolve(current.workdir, containerPath));

    for (const { keyword, args, line } of stage.instructions) {
      switch (keyword) {
        case 'WORKDIR':
          current.workdir = path.posix.resolve(current.workdir, args);
          fs.mkdirSync(resolve('.'), { recursive: true });
          break;
        case 'ENV':
          Object.assign(current.env, parseEnv(args));
          break;
        case 'USER':
          current.user = args;
          break;
        case 'CMD':
          current.cmd = parseCommand(args);
          break;
        case 'COPY': {
          const { flags, paths } = splitArgs(args);
          const dest = paths.pop()!;
          const intoDir = dest.endsWith('/') || dest === '.' || paths.length > 1;
          for (const source of paths) {
            let target = resolve(dest);
            if (flags.from) {
              const other = built.get(flags.from)!;
              const from = hostPath(other, path.posix.resolve(other.workdir, source));
              if (intoDir && !fs.statSync(from).isDirectory()) target = path.join(target, path.basename(from));
              fs.mkdirSync(path.dirname(target), { recursive: true });
              fs.cpSync(from, target, { recursive: true, verbatimSymlinks: true });
            } else {
              const from = path.join(options.context, source);
              if (intoDir && fs.existsSync(from) && !fs.statSync(from).isDirectory()) target = path.join(target, path.basename(source));
              fs.mkdirSync(path.dirname(target), { recursive: true });
              copyFromContext(options.context, ignored, source, target);
            }
          }
          break;
        }
        case 'RUN': {
          // Each `&&` step of the line: npm ci is stood in for, `mkdir -p` and npm run are run, anything else is
          // a system step (creating users, installing OS packages) this machine cannot take.
          for (const step of args.split('&&').map((s) => s.trim())) {
            if (/^npm ci\b/.test(step)) {
              if (!fs.existsSync(resolve('node_modules'))) linkInstalledPackages(resolve('.'), options.installedFrom);
              current.stoodIn.push(step);
            } else if (/^mkdir -p( [\w./-]+)+$/.test(step)) {
              for (const dir of step.split(' ').slice(2)) fs.mkdirSync(resolve(dir), { recursive: true });
              current.ran.push(step);
            } else if (/^npm run\b/.test(step)) {
              log(`[${stage.name}] ${step}`);
              try {
                execFileSync('sh', ['-c', step], {
                  cwd: resolve('.'),
                  env: { PATH: process.env.PATH, HOME: options.workRoot, ...current.env },
                  stdio: 'pipe',
                  encoding: 'utf8',
                });
              } catch (error) {
                const { stdout, stderr } = error as { stdout?: string; stderr?: string };
                throw new Error(`Dockerfile line ${line}: \`${step}\` failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
              }
              current.ran.push(step);
            } else {
              current.skipped.push(step);
            }
          }
          break;
        }
        default:
          // EXPOSE, HEALTHCHECK, LABEL, ARG: nothing to build.
          break;
      }
    }
    built.set(stage.name, current);
  }
  return built;
}

// Backups: a pg_dump archive when a pg_dump at least as new as the server is installed, otherwise the curated
// data in the dataset format (the same JSON as server/data). Restore reads either, telling them apart by content.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { readDatasetFile } from '../dataset/dataset.files';
import { exportDataset, importDataset } from '../dataset/dataset.store';

export type BackupFormat = 'pg_dump' | 'dataset';

export interface PgTool {
  path: string;
  major: number;
}

export interface BackupResult {
  format: BackupFormat;
  /** Why the dataset format was used instead of pg_dump, when it was. */
  fallbackReason?: string;
}

/** Custom-format pg_dump archives start with these bytes. */
const PG_ARCHIVE_MAGIC = 'PGDMP';

/** Debian and Ubuntu install each major's client tools side by side here; PATH holds one of them. */
const VERSIONED_BIN_ROOT = '/usr/lib/postgresql';

function toolMajor(toolPath: string): number | null {
  const result = spawnSync(toolPath, ['--version'], { encoding: 'utf8' });
  const match = result.status === 0 ? /\b(\d+)(?:\.\d+)+/.exec(result.stdout) : null;
  return match ? Number(match[1]) : null;
}

/** Every pg_dump or pg_restore installed (PATH first, then versioned Debian folders), newest major first. */
export function findPgTools(name: 'pg_dump' | 'pg_restore'): PgTool[] {
  const candidates = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) candidates.add(path.join(dir, name));
  if (fs.existsSync(VERSIONED_BIN_ROOT))
    for (const version of fs.readdirSync(VERSIONED_BIN_ROOT)) candidates.add(path.join(VERSIONED_BIN_ROOT, version, 'bin', name));
  const tools = new Map<string, PgTool>();
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const real = fs.realpathSync(candidate);
    if (tools.has(real)) continue;
    const major = toolMajor(candidate);
    if (major !== null) tools.set(real, { path: candidate, major });
  }
  return [...tools.values()].sort((a, b) => b.major - a.major);
}

export async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

/** pg_dump refuses servers newer than itself; the oldest one that is new enough behaves most like the server. */
export function pickPgDump(tools: PgTool[], major: number): PgTool | undefined {
  return [...tools].reverse().find((tool) => tool.major >= major);
}

/** The URL without its password, and the password for PGPASSWORD, so it never shows in `ps`. */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(tool, args, { env, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${path.basename(tool)} failed: ${(result.stderr || result.error?.message || `exit ${result.status}`).trim()}`);
}

export interface DumpOptions {
  /** Default `auto`: pg_dump when a compatible one is installed, the dataset format otherwise. */
  format?: BackupFormat | 'auto';
  /** Opens the database for the dataset format (migrated or not); closed again by the caller. */
  dataSource: () => Promise<DataSource>;
  log?: (message: string) => void;
}

export async function dumpDatabase(url: string, file: string, options: DumpOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const format = options.format ?? 'auto';
  let fallbackReason: string | undefined;
  if (format !== 'dataset') {
    const major = await serverMajor(url);
    const tools = findPgTools('pg_dump');
    const tool = pickPgDump(tools, major);
    if (tool) {
      log(`Dumping with ${tool.path} (PostgreSQL ${tool.major} client, server ${major})…`);
      const { url: bare, env } = splitPassword(url);
      run(tool.path, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${bare}`], env);
      return { format: 'pg_dump' };
    }
    fallbackReason = tools.length
      ? `pg_dump ${tools.map((t) => t.major).join(', ')} is older than the server (PostgreSQL ${major}) and cannot dump it`
      : 'pg_dump is not installed';
    if (format === 'pg_dump') throw new Error(`Cannot use pg_dump: ${fallbackReason}.`);
  }
  if (fallbackReason) log(`${fallbackReason}; writing the data in the dataset format instead (events, actors, sources, links).`);
  const dataSource = await options.dataSource();
  const dataset = await exportDataset(dataSource);
  fs.writeFileSync(file, `${JSON.stringify(dataset, null, 2)}\n`);
  log(`Wrote ${dataset.events.length} events and ${dataset.actors.length} actors.`);
  return { format: 'dataset', fallbackReason };
}

export function backupFormatOf(file: string): BackupFormat {
  const head = Buffer.alloc(PG_ARCHIVE_MAGIC.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === PG_ARCHIVE_MAGIC) return 'pg_dump';
  if (/^\s*\{/.test(head.toString('utf8'))) return 'dataset';
  throw new Error(`${file} is neither a pg_dump archive (custom format) nor a dataset JSON file`);
}

export interface RestoreOptions {
  /** Opens the database migrated, for the dataset format. */
  dataSource: () => Promise<DataSource>;
  log?: (message: string) => void;
}

/**
 * The data source as seen from inside `manager`'s transaction: its queries, repositories and transactions all run
 * on that transaction's connection (a query on another connection would wait forever on the transaction's locks).
 */
export function boundToTransaction(dataSource: DataSource, manager: EntityManager): DataSource {
  return new Proxy(dataSource, {
    get(target, property, receiver) {
      switch (property) {
        case 'manager':
          return manager;
        case 'transaction':
          // transaction(work) or transaction(isolationLevel, work): already inside one, so just do the work.
          return (...args: unknown[]) => (args.find((a) => typeof a === 'function') as (m: EntityManager) => unknown)(manager);
        case 'query':
          return manager.query.bind(manager);
        case 'getRepository':
          return manager.getRepository.bind(manager);
        case 'createQueryBuilder':
          return manager.createQueryBuilder.bind(manager);
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}

/** Replaces what the database holds with the backup's content: all of it, or nothing on any error. */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const format = backupFormatOf(file);
  if (format === 'pg_dump') {
    // An archive restores with a pg_restore at least as new as the pg_dump that wrote it: take the newest.
    const [tool] = findPgTools('pg_restore');
    if (!tool) throw new Error(`${file} is a pg_dump archive, and pg_restore is not installed. Install the PostgreSQL client tools.`);
    log(`Restoring with ${tool.path} (PostgreSQL ${tool.major} client)…`);
    const { url: bare, env } = splitPassword(url);
    run(
      tool.path,
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${bare}`, file],
      env,
    );
    return { format };
  }
  const files = readDatasetFile(file);
  log(`Restoring ${files.events.length} events and ${files.actors.length} actors from the dataset format…`);
  const dataSource = await options.dataSource();
  await dataSource.transaction(async (manager: EntityManager) => {
    // Revisions go with their events; API keys are not in a dataset backup and stay as they are.
    await manager.query('TRUNCATE event, actor, source CASCADE');
    // Emptying and loading must commit together or not at all, and importDataset works on a DataSource.
    await importDataset(boundToTransaction(dataSource, manager), files, 'db:restore');
  });
  return { format };
}

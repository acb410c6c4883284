// `npm run keys -- create --name NAME --role editor|admin`, `list`, `revoke --name NAME`.
import { parseArgs } from 'node:util';
import { ApiKeyRole } from '@detente/shared';
import { loadConfig } from '../config';
import { ApiKeyError, ApiKeyService } from '../auth/api-key.service';
import { connectForTool } from '../db/connect';
import { runCli } from './run-cli';

const USAGE = `Usage:
  npm run keys -- create --name NAME --role editor|admin   print a new key (shown once)
  npm run keys -- list                                     list keys (never their values)
  npm run keys -- revoke --name NAME                       revoke a key at once`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' } } });
  const command = positionals[0];
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command !== 'list' && !values.name) {
    console.error(`--name is required.\n${USAGE}`);
    return 2;
  }
  const db = await connectForTool(loadConfig());
  const keys = new ApiKeyService(db.dataSource);
  try {
    if (command === 'create') {
      const role = (values.role ?? '').toUpperCase() as ApiKeyRole;
      const { key, record } = await keys.create(values.name!, role);
      console.log(
        `Created ${record.role.toLowerCase()} key "${record.name}". Keep it now, it is not shown again:\n\n  ${key}\n\nUse it as: Authorization: Bearer ${key.slice(0, 8)}…`,
      );
    } else if (command === 'list') {
      const all = await keys.list();
      if (!all.length) console.log('No keys yet.');
      for (const k of all) {
        console.log(
          `${k.name.padEnd(24)} ${k.role.toLowerCase().padEnd(7)} created ${k.createdAt.toISOString()}${k.revokedAt ? `  REVOKED ${k.revokedAt.toISOString()}` : ''}`,
        );
      }
    } else {
      const record = await keys.revoke(values.name!);
      console.log(`Revoked "${record.name}".`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ApiKeyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

runCli(main, (error) => `keys failed: ${error instanceof Error ? error.message : error}`);

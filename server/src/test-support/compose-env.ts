// A compose service's `environment:` as the container gets it, with ${VAR:-default} / ${VAR:?message} filled from
// an env file (.env.example stands in for a user's .env). Reads the simple map form docker-compose.yml uses.
import fs from 'node:fs';

export function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}. */
export function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (_all, name: string, colon: string, kind: string, arg: string) => {
      const value = vars[name];
      const missing = value === undefined || (colon === ':' && value === '');
      if (kind === '?' && missing) throw new Error(`compose: ${name} is required: ${arg}`);
      if (kind === '-' && missing) return arg;
      return value ?? '';
    },
  );
}

export function composeServiceEnvironment(composeFile: string, service: string, vars: Record<string, string>): Record<string, string> {
  const lines = fs.readFileSync(composeFile, 'utf8').split('\n');
  const serviceLine = lines.findIndex((l) => l === `  ${service}:`);
  if (serviceLine < 0) throw new Error(`${composeFile}: no service ${service}`);
  const environment: Record<string, string> = {};
  let inEnvironment = false;
  for (const line of lines.slice(serviceLine + 1)) {
    if (/^ {0,3}\S/.test(line)) break; // the next service or top-level key
    if (/^ {4}\S/.test(line)) {
      inEnvironment = line.trim() === 'environment:';
      continue;
    }
    if (!inEnvironment || /^\s*(#|$)/.test(line)) continue;
    const match = /^ {6}([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(line);
    if (!match) throw new Error(`${composeFile}: cannot read environment line "${line.trim()}" (use KEY: value)`);
    environment[match[1]] = interpolate(match[2].trim().replace(/^(['"])(.*)\1$/, '$2'), vars);
  }
  return environment;
}

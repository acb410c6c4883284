// `npm start`: build what is missing or stale, then run the server (embedded PostgreSQL unless DATABASE_URL).
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`Détente needs Node.js 20 or newer (this is ${process.version}).`);
  process.exit(1);
}
buildIfNeeded();
// npm start is how people run Détente: production mode spares graphql-js its development-time checks.
process.env.NODE_ENV ??= 'production';
createRequire(import.meta.url)(path.join(root, 'server', 'dist', 'main.js'));

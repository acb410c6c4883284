// `npm run schema`: writes server/schema.graphql, the committed contract.
import fs from 'node:fs';
import path from 'node:path';
import { printDetenteSchema } from '../schema';

async function main() {
  const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
  fs.writeFileSync(file, await printDetenteSchema());
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm run schema`: writes server/schema.graphql, the committed contract, and server/data/event.schema.json, the
// JSON Schema of the dataset files (both from code: the GraphQL classes, and events/event.record.ts).
import fs from 'node:fs';
import path from 'node:path';
import { printDatasetJsonSchema } from '../events/event.record';
import { printDetenteSchema } from '../schema';

async function main() {
  const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
  fs.writeFileSync(file, await printDetenteSchema());
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  const jsonSchema = path.resolve(__dirname, '..', '..', 'data', 'event.schema.json');
  fs.writeFileSync(jsonSchema, printDatasetJsonSchema());
  console.log(`Wrote ${path.relative(process.cwd(), jsonSchema)}`);
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

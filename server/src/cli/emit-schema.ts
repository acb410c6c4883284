// `npm run schema`: writes server/schema.graphql, the committed contract, and server/data/event.schema.json, the
// JSON Schema of the dataset files (both from code: the GraphQL classes, and events/event.record.ts).
import fs from 'node:fs';
import path from 'node:path';
import { printDatasetJsonSchema } from '../events/event.record';
import { printDetenteSchema } from '../schema';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
  fs.writeFileSync(file, await printDetenteSchema());
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  const jsonSchema = path.resolve(__dirname, '..', '..', 'data', 'event.schema.json');
  fs.writeFileSync(jsonSchema, printDatasetJsonSchema());
  console.log(`Wrote ${path.relative(process.cwd(), jsonSchema)}`);
  return 0;
}

runCli(main, (error) => (error instanceof Error ? error.message : String(error)));

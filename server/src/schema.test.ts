import fs from 'node:fs';
import path from 'node:path';
import { printDatasetJsonSchema } from './events/event.record';
import { printDetenteSchema } from './schema';

describe('the committed schema', () => {
  it('Given the code, Then server/schema.graphql is exactly what it prints (run `npm run schema` to refresh)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printDetenteSchema());
  });

  it('Then every type, field and argument has a description', async () => {
    const sdl = await printDetenteSchema();
    const { buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});

describe('the committed JSON Schema of the dataset', () => {
  it('Given events/event.record.ts, Then server/data/event.schema.json is exactly what it prints (run `npm run schema` to refresh)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'data', 'event.schema.json'), 'utf8');
    expect(committed).toBe(printDatasetJsonSchema());
  });
});

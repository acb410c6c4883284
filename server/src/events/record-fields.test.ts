// Adding a plain field to the event record is one line in event.record.ts plus a migration: record-fields.ts turns
// that line into the GraphQL field, the table column and the input's check. Shown here with a field that exists
// only in this test, on classes built the way event.entity.ts and event-write.inputs.ts build theirs.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of the
   properties its record decorator adds at run time (record-fields.ts); TypeORM and type-graphql fill them in. */
import 'reflect-metadata';
import { GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema, graphql, isNonNullType, printType } from 'graphql';
import { Arg, Field, ID, InputType, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { z } from 'zod';
import { MeetingFormat } from '@detente/shared';
import { authChecker } from '../auth/auth';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import '../schema'; // registers the shared enums with type-graphql, as the app does
import { KIND_FIELDS } from './event.record';
import { RecordColumnFields, RecordColumns, RecordInputFields, RecordInputs } from './record-fields';

// The one edit: a new field in the meeting's shape (here a copy of it, so the real record stays as it is).
const PROBE_FIELDS = {
  ...KIND_FIELDS.MEETING,
  seats: z
    .number({ error: 'must be a whole number ≥ 0' })
    .int({ error: 'must be a whole number ≥ 0' })
    .min(0, { error: 'must be a whole number ≥ 0' })
    .optional()
    .meta({ description: 'Seats at the table.' }),
};

@Entity('record_field_probe')
@ObjectType({ description: 'A meeting with one more field.' })
@RecordColumnFields(PROBE_FIELDS)
class ProbeMeeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as in event.entity.ts
interface ProbeMeeting extends RecordColumns<typeof PROBE_FIELDS> {}

@InputType({ description: 'The probe meeting to create.' })
@RecordInputFields(PROBE_FIELDS)
class ProbeMeetingInput {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as in event-write.inputs.ts
interface ProbeMeetingInput extends RecordInputs<typeof PROBE_FIELDS> {}

let db: TestDatabase;
let probeSource: DataSource;

@Resolver()
class ProbeResolver {
  @Query(() => ProbeMeeting, { description: 'Stores the input and reads it back.' })
  async probe(@Arg('input', () => ProbeMeetingInput) input: ProbeMeetingInput): Promise<ProbeMeeting> {
    const repository = probeSource.getRepository(ProbeMeeting);
    const { id } = await repository.save(repository.create({ ...input }));
    return repository.findOneByOrFail({ id });
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  // The migration the new field needs, beside the meeting's own columns.
  await db.dataSource.query(
    `CREATE TABLE record_field_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), format varchar(24), level varchar(16), outcome text, seats integer)`,
  );
  probeSource = new DataSource({ type: 'postgres', url: db.url, entities: [ProbeMeeting] });
  await probeSource.initialize();
});
afterAll(async () => {
  await probeSource?.destroy();
  await db?.drop();
});

let probeSchema: Promise<GraphQLSchema> | undefined;
const buildProbeSchema = () =>
  (probeSchema ??= buildSchema({ resolvers: [ProbeResolver], authChecker, validate: { forbidUnknownValues: false } }));

describe('a plain field added to the record', () => {
  it('Then the GraphQL type has it, typed and described from the record, nullable because the record may leave it out', async () => {
    const type = (await buildProbeSchema()).getType('ProbeMeeting') as GraphQLObjectType;
    expect(printType(type)).toContain('"""Seats at the table."""\n  seats: Int\n');
    expect(isNonNullType(type.getFields().seats.type)).toBe(false);
  });

  it('Then the input has it, nullable so one input serves create and update', async () => {
    const input = (await buildProbeSchema()).getType('ProbeMeetingInput') as GraphQLInputObjectType;
    expect(input.getFields().seats.type.toString()).toBe('Int');
    expect(input.getFields().seats.description).toBe('Seats at the table.');
  });

  it('Then the entity maps it to its snake_case column, so a value written is read back from PostgreSQL', async () => {
    const schema = await buildProbeSchema();
    const result = await graphql({
      schema,
      source: `{ probe(input: { format: IN_PERSON, seats: 12 }) { format seats outcome } }`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.probe).toEqual({ format: MeetingFormat.IN_PERSON, seats: 12, outcome: null });
    const [row] = await db.dataSource.query(`SELECT seats FROM record_field_probe`);
    expect(row).toEqual({ seats: 12 });
  });

  it('When the input breaks the record’s rule for it, Then it is refused naming the field, and nothing is written', async () => {
    const before = await db.dataSource.query(`SELECT count(*)::int AS n FROM record_field_probe`);
    const result = await graphql({ schema: await buildProbeSchema(), source: `{ probe(input: { seats: -1 }) { seats } }` });
    const validation = result.errors?.[0]?.extensions?.validationErrors as Array<{ property: string; constraints: object }>;
    expect(validation.map((e) => [e.property, Object.values(e.constraints)])).toEqual([['seats', ['seats must be a whole number ≥ 0']]]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM record_field_probe`)).toEqual(before);
  });
});
